/**
 * The YAML form of a scenario, as a zod schema. It checks the shape of every field, converts
 * durations, times and shares into integer milliseconds and ratios, and fills the defaults that
 * depend on nothing else (defaults.ts). Rules that relate two fields live in rules.ts; defaults
 * that depend on another field, and the reading of event files, in parse.ts.
 *
 * The output of each part is already the normalized type of types.ts where it can be.
 */
import { z } from 'zod';
import { assertNever } from '../kernel/assert.js';
import { SEMANTICS } from '../model/semantics.js';
import {
  CHECKPOINT_DEFAULTS,
  COST_DEFAULTS,
  EXTERNAL_STATE_ACCESS_US,
  deliveryFor,
  DISORDER_DEFAULTS,
  FAULT_DEFAULTS,
  GENERATOR_DEFAULTS,
  MICRO_BATCH_DEFAULTS,
  PIPELINE_DEFAULTS,
  WATERMARK_DEFAULTS,
  WINDOW_DEFAULTS,
} from './defaults.js';
import {
  durationOrAsap,
  exactlyOne,
  flag,
  integer,
  keyedBy,
  keyName,
  keyword,
  list,
  mapping,
  microseconds,
  nonNegativeDuration,
  nonNegativeInteger,
  nonNegativeTime,
  number,
  positiveDuration,
  positiveInteger,
  share,
  task,
  text,
  time,
  timeOrEnd,
} from './fields.js';
import type {
  CheckpointMode,
  CheckpointSpec,
  CostModel,
  DeliveryGuarantee,
  DeliverySpec,
  Disorder,
  EngineSpec,
  EventSpec,
  FaultSpec,
  FaultTrigger,
  FiringSpec,
  KeyDistribution,
  RandomFaultSpec,
  ReaderIsolation,
  SinkKind,
  TimelineStep,
  WatermarkSpec,
  WindowSpec,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// window

const windowSchema = z.discriminatedUnion(
  'type',
  [
    mapping({ type: z.literal('tumbling'), size: positiveDuration(), offset: nonNegativeDuration().optional() }),
    mapping({ type: z.literal('sliding'), size: positiveDuration(), every: positiveDuration(), offset: nonNegativeDuration().optional() }),
    mapping({ type: z.literal('session'), gap: positiveDuration() }),
    mapping({ type: z.literal('global') }),
  ],
  { error: 'a mapping such as { type: tumbling, size: 2m }' },
).transform((w): WindowSpec => {
  switch (w.type) {
    case 'tumbling':
      return { type: 'tumbling', sizeMs: w.size, offsetMs: w.offset ?? WINDOW_DEFAULTS.offsetMs };
    case 'sliding':
      return { type: 'sliding', sizeMs: w.size, everyMs: w.every, offsetMs: w.offset ?? WINDOW_DEFAULTS.offsetMs };
    case 'session':
      return { type: 'session', gapMs: w.gap };
    case 'global':
      return { type: 'global' };
    default:
      return assertNever(w, 'window');
  }
});

// ---------------------------------------------------------------------------------------------
// watermark

const interval = () => positiveDuration().optional();
const idleTimeout = () => positiveDuration().optional();

/** idleTimeout absent means no idleness detection (Flink without withIdleness): the key stays absent. */
function idleness(idleTimeoutMs: number | undefined): { idleTimeoutMs?: number } {
  return idleTimeoutMs === undefined ? {} : { idleTimeoutMs };
}

const percentileValue = () => number('a percentile in (0, 100), e.g. 95', (p) => p > 0 && p < 100);

const watermarkSchema = z.discriminatedUnion(
  'type',
  [
    mapping({ type: z.literal('perfect'), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('bounded-out-of-orderness'), maxDelay: nonNegativeDuration(), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('monotonous'), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('punctuated'), maxDelay: nonNegativeDuration().optional(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('percentile'), percentile: percentileValue(), sample: positiveInteger().optional(), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('scripted') }),
  ],
  { error: 'a mapping such as { type: bounded-out-of-orderness, maxDelay: 5s }' },
).transform((w): WatermarkSpec => {
  switch (w.type) {
    case 'perfect':
      return { type: 'perfect', intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'bounded-out-of-orderness':
      return { type: 'bounded-out-of-orderness', maxDelayMs: w.maxDelay, intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'monotonous':
      return { type: 'monotonous', intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'punctuated':
      return { type: 'punctuated', maxDelayMs: w.maxDelay ?? WATERMARK_DEFAULTS.punctuatedMaxDelayMs, ...idleness(w.idleTimeout) };
    case 'percentile':
      return {
        type: 'percentile',
        percentile: w.percentile,
        sample: w.sample ?? WATERMARK_DEFAULTS.percentileSample,
        intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs,
        ...idleness(w.idleTimeout),
      };
    case 'scripted':
      return { type: 'scripted' };
    default:
      return assertNever(w, 'watermark');
  }
});

// ---------------------------------------------------------------------------------------------
// trigger

const FIRINGS = ['afterFirstElement', 'every', 'count'] as const;

const firingSchema = mapping(
  { afterFirstElement: positiveDuration().optional(), every: positiveDuration().optional(), count: positiveInteger().optional() },
  'a firing: { afterFirstElement: 1m }, { every: 1m } or { count: 1 }',
)
  .superRefine(exactlyOne(FIRINGS))
  .transform((f): FiringSpec => {
    if (f.afterFirstElement !== undefined) return { type: 'after-first-element', delayMs: f.afterFirstElement };
    // `every` fires at aligned periods of processing time (Beam's alignedTo), hence the name.
    if (f.every !== undefined) return { type: 'aligned', everyMs: f.every };
    return { type: 'count', count: f.count ?? 1 };
  });

const triggerSchema = mapping({ early: firingSchema.optional(), late: firingSchema.optional() }, 'a mapping with early and/or late firings');

// ---------------------------------------------------------------------------------------------
// disorder and key distribution

const heavyTailedSchema = mapping({
  base: positiveDuration(),
  stragglers: share(),
  alpha: number('a positive number (the Pareto shape, e.g. 1.5)', (a) => a > 0).optional(),
  max: positiveDuration().optional(),
});

export const disorderSchema = z
  .union(
    [
      z.literal('none'),
      mapping({ uniform: positiveDuration().optional(), heavyTailed: heavyTailedSchema.optional() }).superRefine(exactlyOne(['uniform', 'heavyTailed'])),
    ],
    { error: 'none, { uniform: 6s } or { heavyTailed: { base: 2s, stragglers: 5%, alpha: 1.5, max: 10m } }' },
  )
  .transform((d): Disorder => {
    if (d === 'none') return { type: 'none' };
    if (d.uniform !== undefined) return { type: 'uniform', maxDelayMs: d.uniform };
    const h = d.heavyTailed;
    if (h === undefined) return { type: 'none' }; // unreachable: exactlyOne guarantees one of the two
    return {
      type: 'heavy-tailed',
      baseDelayMs: h.base,
      stragglerNumerator: h.stragglers.numerator,
      stragglerDenominator: h.stragglers.denominator,
      alpha: h.alpha ?? DISORDER_DEFAULTS.heavyTailedAlpha,
      maxDelayMs: h.max ?? DISORDER_DEFAULTS.heavyTailedMaxDelayMs,
    };
  });

const distributionSchema = z
  .union(
    [
      z.literal('uniform'),
      mapping({
        zipf: number('a positive number (the Zipf exponent, e.g. 1.1)', (s) => s > 0).optional(),
        hotKey: share().optional(),
        rotating: mapping({ active: positiveInteger(), period: positiveDuration() }).optional(),
      }).superRefine(exactlyOne(['zipf', 'hotKey', 'rotating'])),
    ],
    { error: 'uniform, { zipf: 1.1 }, { hotKey: 20% } or { rotating: { active: 100, period: 10s } }' },
  )
  .transform((d): KeyDistribution => {
    if (d === 'uniform') return { type: 'uniform' };
    if (d.zipf !== undefined) return { type: 'zipf', exponent: d.zipf };
    if (d.hotKey !== undefined) return { type: 'hot-key', shareNumerator: d.hotKey.numerator, shareDenominator: d.hotKey.denominator };
    const r = d.rotating;
    return r === undefined ? { type: 'uniform' } : { type: 'rotating', activeKeys: r.active, periodMs: r.period };
  });

const keysSchema = z
  .union(
    [
      positiveInteger(),
      mapping({ count: positiveInteger().optional(), distribution: distributionSchema.optional() }),
    ],
    { error: 'a positive integer or a mapping such as { count: 1000, distribution: { zipf: 1.1 } }' },
  )
  .transform((k): { keys: number; keyDistribution: KeyDistribution } =>
    typeof k === 'number'
      ? { keys: k, keyDistribution: { type: 'uniform' } }
      : { keys: k.count ?? GENERATOR_DEFAULTS.keys, keyDistribution: k.distribution ?? { type: 'uniform' } },
  );

// ---------------------------------------------------------------------------------------------
// input

const eventSchema = mapping({
  key: keyName(),
  value: number('a number'),
  eventTime: time(),
  partition: nonNegativeInteger().optional(),
  marker: flag().optional(),
}).transform((e): EventSpec => ({
  key: e.key,
  value: e.value,
  eventTime: e.eventTime,
  partition: e.partition ?? 0,
  ...(e.marker !== undefined && { marker: e.marker }),
}));

const timelineStepSchema = mapping(
  { at: nonNegativeTime(), events: list(eventSchema, 'a list of events').optional(), watermark: timeOrEnd().optional() },
  'a step: { at: <time>, events: [...] } or { at: <time>, watermark: <time or end> }',
)
  .superRefine(exactlyOne(['events', 'watermark']))
  .transform((s): TimelineStep =>
    s.watermark !== undefined
      ? { at: s.at, kind: 'watermark', watermark: s.watermark }
      : { at: s.at, kind: 'events', events: s.events ?? [] },
  );

const generatorSchema = mapping({
  events: nonNegativeInteger(),
  rate: number('a positive number of events per second', (r) => r > 0).optional(),
  start: time().optional(),
  partitions: positiveInteger().optional(),
  keys: keysSchema.optional(),
  values: mapping({ min: integer('an integer').optional(), max: integer('an integer').optional() }).optional(),
  bursts: mapping({ on: positiveDuration(), off: positiveDuration(), rate: number('a positive number of events per second', (r) => r > 0) }).optional(),
  disorder: disorderSchema.optional(),
  laggingPartition: mapping({ partition: nonNegativeInteger(), lag: positiveDuration() }).optional(),
  idlePartition: mapping({ partition: nonNegativeInteger(), from: time().optional(), until: timeOrEnd().optional() }).optional(),
  markerEvery: positiveInteger().optional(),
});

export const INPUT_KINDS = ['timeline', 'generator', 'file'] as const;

const inputSchema = mapping(
  {
    timeline: list(timelineStepSchema, 'a list of steps').optional(),
    generator: generatorSchema.optional(),
    file: text('a file name (events.jsonl or events.csv)').optional(),
    disorder: disorderSchema.optional(),
    partitions: positiveInteger().optional(),
  },
  'a mapping with one of timeline, generator or file',
).superRefine(exactlyOne(INPUT_KINDS));

// ---------------------------------------------------------------------------------------------
// pipeline

const pipelineSchema = mapping({
  map: mapping({ multiply: number('a number').optional(), add: number('a number').optional() })
    .transform((m) => ({ multiply: m.multiply ?? PIPELINE_DEFAULTS.multiply, add: m.add ?? PIPELINE_DEFAULTS.add }))
    .optional(),
  filter: mapping({
    keyParity: keyword(['even', 'odd']).optional(),
    valueMin: number('a number').optional(),
    valueMax: number('a number').optional(),
    keys: list(keyName(), 'a list of keys').optional(),
  }).optional(),
});

// ---------------------------------------------------------------------------------------------
// engine and cost

export const ENGINES = ['native', 'micro-batch'] as const;

function microBatch(trigger: number | undefined, noDataBatches: boolean | undefined): EngineSpec {
  return {
    type: 'micro-batch',
    triggerIntervalMs: trigger ?? MICRO_BATCH_DEFAULTS.triggerIntervalMs,
    noDataBatches: noDataBatches ?? MICRO_BATCH_DEFAULTS.noDataBatches,
  };
}

const engineSchema = z
  .union(
    [
      keyword(ENGINES),
      z.discriminatedUnion('type', [
        mapping({ type: z.literal('native') }),
        mapping({ type: z.literal('micro-batch'), trigger: durationOrAsap().optional(), noDataBatches: flag().optional() }),
      ]),
    ],
    { error: 'native, micro-batch or a mapping such as { type: micro-batch, trigger: 1s }' },
  )
  .transform((e): EngineSpec => {
    if (e === 'native') return { type: 'native' };
    if (e === 'micro-batch') return microBatch(undefined, undefined);
    return e.type === 'native' ? { type: 'native' } : microBatch(e.trigger, e.noDataBatches);
  });

const costSchema = mapping({
  sourceRecord: microseconds().optional(),
  operatorRecord: microseconds().optional(),
  window: microseconds().optional(),
  serialization: microseconds().optional(),
  sink: microseconds().optional(),
  state: mapping({
    backend: keyword(['memory', 'external']).optional(),
    access: microseconds().optional(),
    asyncConcurrency: positiveInteger().optional(),
  }).optional(),
  buffer: mapping({ records: positiveInteger().optional(), timeout: nonNegativeDuration().optional(), overhead: microseconds().optional() }).optional(),
  channelCapacity: positiveInteger().optional(),
  batchOverhead: nonNegativeDuration().optional(),
  snapshot: nonNegativeDuration().optional(),
}).transform((c): CostModel => {
  const C = COST_DEFAULTS;
  return {
    sourceRecordUs: c.sourceRecord ?? C.sourceRecordUs,
    operatorRecordUs: c.operatorRecord ?? C.operatorRecordUs,
    windowRecordUs: c.window ?? C.windowRecordUs,
    serializationUs: c.serialization ?? C.serializationUs,
    sinkRecordUs: c.sink ?? C.sinkRecordUs,
    stateBackend: c.state?.backend ?? C.stateBackend,
    stateAccessUs: c.state?.access ?? (c.state?.backend === 'external' ? EXTERNAL_STATE_ACCESS_US : C.stateAccessUs),
    asyncConcurrency: c.state?.asyncConcurrency ?? C.asyncConcurrency,
    bufferRecords: c.buffer?.records ?? C.bufferRecords,
    bufferTimeoutMs: c.buffer?.timeout ?? C.bufferTimeoutMs,
    bufferOverheadUs: c.buffer?.overhead ?? C.bufferOverheadUs,
    channelCapacity: c.channelCapacity ?? C.channelCapacity,
    batchOverheadMs: c.batchOverhead ?? C.batchOverheadMs,
    snapshotMsPerThousand: c.snapshot ?? C.snapshotMsPerThousand,
  };
});

// ---------------------------------------------------------------------------------------------
// checkpoints and delivery

export const CHECKPOINT_MODES = ['aligned', 'unaligned', 'at-least-once'] as const satisfies readonly CheckpointMode[];

const checkpointsSchema = mapping({
  interval: positiveDuration(),
  mode: keyword(CHECKPOINT_MODES).optional(),
  alignedTimeout: positiveDuration().optional(),
  timeout: positiveDuration().optional(),
  maxConcurrent: positiveInteger().optional(),
  minPause: nonNegativeDuration().optional(),
}).transform((c): CheckpointSpec => {
  const C = CHECKPOINT_DEFAULTS;
  return {
    intervalMs: c.interval,
    mode: c.mode ?? C.mode,
    ...(c.alignedTimeout !== undefined && { alignedTimeoutMs: c.alignedTimeout }),
    timeoutMs: c.timeout ?? C.timeoutMs,
    maxConcurrent: c.maxConcurrent ?? C.maxConcurrent,
    minPauseMs: c.minPause ?? C.minPauseMs,
  };
});

export const GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const satisfies readonly DeliveryGuarantee[];
export const SINKS = ['plain', 'transactional', 'idempotent'] as const satisfies readonly SinkKind[];
export const READERS = ['read-committed', 'read-uncommitted'] as const satisfies readonly ReaderIsolation[];

const readersSchema = list(keyword(READERS), 'a list of isolation levels such as [read-committed, read-uncommitted]').superRefine((readers, ctx) => {
  for (const [i, reader] of readers.entries()) {
    if (readers.indexOf(reader) === i) continue;
    ctx.addIssue({ code: 'custom', path: [i], message: `each isolation level once (${reader} is readers[${readers.indexOf(reader)}])` });
  }
});

const deliverySchema = z
  .union(
    [
      keyword(GUARANTEES),
      mapping({ guarantee: keyword(GUARANTEES), sink: keyword(SINKS).optional(), readers: readersSchema.optional() }),
    ],
    { error: 'at-most-once, at-least-once, exactly-once or a mapping such as { guarantee: exactly-once, sink: idempotent }' },
  )
  .transform((d): DeliverySpec => (typeof d === 'string' ? deliveryFor(d) : deliveryFor(d.guarantee, d.sink, d.readers)));

// ---------------------------------------------------------------------------------------------
// failures

/** A random-fault entry, kept apart from the scripted faults until normalization. */
export interface RandomFailureForm {
  readonly type: 'random';
  readonly random: RandomFaultSpec;
}
export type FailureForm = FaultSpec | RandomFailureForm;

export const FAULT_TRIGGERS = ['at', 'afterCheckpoint', 'afterRecords'] as const;

const triggerFields = {
  at: nonNegativeTime().optional(),
  afterCheckpoint: positiveInteger().optional(),
  afterRecords: positiveInteger().optional(),
};

function faultTrigger(f: { at?: number | undefined; afterCheckpoint?: number | undefined; afterRecords?: number | undefined }): FaultTrigger {
  if (f.afterCheckpoint !== undefined) return { kind: 'after-checkpoint', checkpoint: f.afterCheckpoint };
  if (f.afterRecords !== undefined) return { kind: 'after-records', records: f.afterRecords };
  return { kind: 'at', atMs: f.at ?? 0 }; // exactlyOne guarantees one of the three
}

const restartDelay = () => nonNegativeDuration().optional();
const from = () => nonNegativeTime().optional();
const until = () => timeOrEnd().optional();
const F = FAULT_DEFAULTS;

export const NETWORK_FAULTS = ['delay', 'drop', 'duplicate', 'reorder'] as const;

const FAILURE_KINDS: Readonly<Record<string, z.ZodType<FailureForm>>> = {
  crash: mapping({ crash: task(), ...triggerFields, restartDelay: restartDelay() })
    .superRefine(exactlyOne(FAULT_TRIGGERS))
    .transform((f): FaultSpec => ({ type: 'task-crash', task: f.crash, trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs })),
  // A job failure has no task whose records could be counted, so it strikes at a time or after a checkpoint.
  jobFailure: mapping({ jobFailure: z.literal(true, { error: 'true' }), at: triggerFields.at, afterCheckpoint: triggerFields.afterCheckpoint, restartDelay: restartDelay() })
    .superRefine(exactlyOne(['at', 'afterCheckpoint']))
    .transform((f): FaultSpec => ({ type: 'job-failure', trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs })),
  slow: mapping({ slow: task(), from: from(), until: until(), factor: number('a factor of at least 1 (e.g. 10 for ten times slower)', (x) => x >= 1) }).transform(
    (f): FaultSpec => ({ type: 'slow-task', task: f.slow, fromMs: f.from ?? F.fromMs, untilMs: f.until ?? F.untilMs, factor: f.factor }),
  ),
  network: mapping({
    network: keyword(NETWORK_FAULTS),
    to: task().optional(),
    from: from(),
    until: until(),
    delay: positiveDuration().optional(),
    restartDelay: restartDelay(),
  }).transform(
    (f): FaultSpec => ({
      type: 'channel',
      fault: f.network,
      ...(f.to !== undefined && { to: f.to }),
      fromMs: f.from ?? F.fromMs,
      untilMs: f.until ?? F.untilMs,
      delayMs: f.delay ?? F.networkDelayMs,
      restartDelayMs: f.restartDelay ?? F.restartDelayMs,
    }),
  ),
  sinkWriteFailure: mapping({ sinkWriteFailure: task(), ...triggerFields, restartDelay: restartDelay() })
    .superRefine(exactlyOne(FAULT_TRIGGERS))
    .transform(
      (f): FaultSpec => ({ type: 'sink-write-failure', task: f.sinkWriteFailure, trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs }),
    ),
  sinkCommitFailure: mapping({ sinkCommitFailure: positiveInteger(), restartDelay: restartDelay() }).transform(
    (f): FaultSpec => ({ type: 'sink-commit-failure', checkpoint: f.sinkCommitFailure, restartDelayMs: f.restartDelay ?? F.restartDelayMs }),
  ),
  partitionOutage: mapping({ partitionOutage: nonNegativeInteger(), from: from(), until: until() }).transform(
    (f): FaultSpec => ({ type: 'partition-outage', partition: f.partitionOutage, fromMs: f.from ?? F.fromMs, untilMs: f.until ?? F.untilMs }),
  ),
  random: mapping({
    random: mapping({
      crashes: nonNegativeInteger().optional(),
      jobFailures: nonNegativeInteger().optional(),
      from: from(),
      until: nonNegativeTime(),
      restartDelay: restartDelay(),
    }),
  }).transform(
    ({ random: r }): RandomFailureForm => ({
      type: 'random',
      random: {
        crashes: r.crashes ?? F.crashes,
        jobFailures: r.jobFailures ?? F.jobFailures,
        fromMs: r.from ?? F.fromMs,
        untilMs: r.until,
        restartDelayMs: r.restartDelay ?? F.restartDelayMs,
      },
    }),
  ),
};

const failureSchema = keyedBy(FAILURE_KINDS, 'a failure such as { crash: window-0, at: 30s } or { slow: window-0, factor: 10 }');

const failuresSchema = list(failureSchema, 'a list of failures such as [{ crash: window-0, at: 30s }]').superRefine((failures, ctx) => {
  const first = failures.findIndex((f) => f.type === 'random');
  for (const [i, f] of failures.entries()) {
    if (f.type !== 'random' || i === first) continue;
    ctx.addIssue({ code: 'custom', path: [i], message: `at most one random entry (failures[${first}] is one)` });
  }
});

// ---------------------------------------------------------------------------------------------
// the scenario

const parallelismSchema = z.union(
  [positiveInteger(), mapping({ source: positiveInteger().optional(), window: positiveInteger().optional() })],
  { error: 'a positive integer or { source: 1, window: 1 }' },
);

export const SCENARIO_EXPECTED = 'a scenario: a mapping with name, input, window, watermark, trigger, …';

export const scenarioSchema = mapping(
  {
    name: text().optional(),
    description: text().optional(),
    covers: list(text(), 'a list of concepts').optional(),
    story: text().optional(),
    seed: integer('an integer').optional(),
    semantics: keyword(SEMANTICS).optional(),
    timeDomain: keyword(['event-time', 'ingestion-time', 'processing-time']).optional(),
    input: inputSchema,
    pipeline: pipelineSchema.optional(),
    window: windowSchema,
    aggregate: keyword(['count', 'sum', 'min', 'max', 'avg']).optional(),
    watermark: watermarkSchema.optional(),
    trigger: triggerSchema.optional(),
    allowedLateness: nonNegativeDuration().optional(),
    accumulation: keyword(['discarding', 'accumulating', 'accumulating-retracting']).optional(),
    lateData: keyword(['drop', 'side-output']).optional(),
    parallelism: parallelismSchema.optional(),
    channelDelay: nonNegativeDuration().optional(),
    outputMode: keyword(['append', 'update', 'complete']).optional(),
    suppress: keyword(['untilWindowCloses']).optional(),
    maxSteps: positiveInteger().optional(),
    engine: engineSchema.optional(),
    chaining: flag().optional(),
    cost: costSchema.optional(),
    checkpoints: checkpointsSchema.optional(),
    delivery: deliverySchema.optional(),
    failures: failuresSchema.optional(),
    savepoints: list(nonNegativeTime(), 'a list of times such as [60s, "12:05:00"]').optional(),
  },
  SCENARIO_EXPECTED,
);

/** A scenario file after the schema: shapes checked, units converted, local defaults filled. */
export type ScenarioForm = z.output<typeof scenarioSchema>;
export type InputForm = ScenarioForm['input'];
export type GeneratorForm = NonNullable<InputForm['generator']>;
