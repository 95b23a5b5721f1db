/**
 * Arbitraries for small normalized Scenarios (src/sim/scenario/types.ts), built directly as
 * objects rather than YAML, for the property tests beside this file.
 *
 * How to run and replay
 * ---------------------
 *   npx tsc -p . && node --test dist/property-tests/<name>.test.js     one property
 *   npm run test:props   (node scripts/run-tests.mjs props)            all of them, once built
 *   FC_NUM_RUNS=500 node scripts/run-tests.mjs props                   more runs per property (default 100)
 * A failing property prints fast-check's report (the shrunk counterexample, its seed and path)
 * and the command that replays it:
 *   FC_SEED=<seed> FC_PATH="<path>" node --enable-source-maps --test dist/property-tests/<name>.test.js
 * FC_SEED alone replays the whole run; with FC_PATH it goes straight to the shrunk counterexample.
 * replay.ts reads these variables and passes { numRuns, seed, path } to fast-check.
 *
 * Shrinking
 * ---------
 * Every arbitrary draws a record of primitives (integers, constants) and maps it to a Scenario
 * in one pure step (`toScenario`), so fast-check shrinks the primitives: fewer events, smaller
 * times, key k0, partition 0, the first window type, the first semantics in the list. Cross-field
 * rules (Spark has no triggers and no allowed lateness; Kafka Streams has no triggers and is
 * accumulating) are applied in that same map, never by filtering, so no draw is wasted.
 *
 * Constraints
 * -----------
 * `ScenarioConstraints` narrows the space for a property (only perfect watermarks, only tumbling
 * windows…); every field has a documented default, and the default is the whole space below.
 */
import fc from 'fast-check';
import type { Accumulation } from '../src/sim/model/pane.js';
import type { Semantics } from '../src/sim/model/semantics.js';
import type {
  AggregateKind,
  CheckpointMode,
  DeliveryGuarantee,
  Disorder,
  FaultSpec,
  FaultToleranceSpec,
  SinkKind,
  EventSpec,
  FiringSpec,
  GeneratorSpec,
  InputSpec,
  KeyDistribution,
  PipelineSpec,
  Scenario,
  TriggerSpec,
  WatermarkSpec,
  WindowSpec,
} from '../src/sim/scenario/types.js';

export type WindowType = WindowSpec['type'];
/** The watermark strategies a generated scenario can use (punctuated and scripted need markers or a timeline). */
export type WatermarkType = 'perfect' | 'bounded-out-of-orderness' | 'monotonous' | 'percentile';
export type EventRow = EventSpec & { readonly arrivalTime: number };

export const ALL_SEMANTICS: readonly Semantics[] = ['flink', 'beam', 'spark', 'kafka-streams'];
export const ALL_WINDOWS: readonly WindowType[] = ['tumbling', 'sliding', 'session', 'global'];
export const ALL_WATERMARKS: readonly WatermarkType[] = ['perfect', 'bounded-out-of-orderness', 'monotonous', 'percentile'];
export const ALL_AGGREGATES: readonly AggregateKind[] = ['count', 'sum', 'min', 'max', 'avg'];
export const ALL_ACCUMULATIONS: readonly Accumulation[] = ['discarding', 'accumulating', 'accumulating-retracting'];

/** Bounds of the generated event input. */
export const EVENTS_MAX = 40;
export const KEYS_MAX = 4;
export const PARTITIONS_MAX = 3;
export const VALUE_LIMIT = 20;
export const EVENT_TIME_LIMIT_MS = 60_000;
export const DELAY_LIMIT_MS = 20_000;

export interface ScenarioConstraints {
  /** Whose rules; default all four. Spark and Kafka Streams scenarios lose their triggers and lateness as their rules require. */
  readonly semantics?: readonly Semantics[];
  /** Default all four window types. */
  readonly windows?: readonly WindowType[];
  /** Default all four generated strategies. */
  readonly watermarks?: readonly WatermarkType[];
  /** Default all five aggregates. */
  readonly aggregates?: readonly AggregateKind[];
  /** Default all three modes (Kafka Streams is always accumulating). */
  readonly accumulations?: readonly Accumulation[];
  /** Early firings (count, after-first-element, aligned); default true. Late firings are always drawn. */
  readonly earlyFirings?: boolean;
  /** Allowed lateness up to 20 s; default true (false: always 0). */
  readonly lateness?: boolean;
  /** A filter and a map in the pipeline; default false (the pipeline is {}). */
  readonly pipeline?: boolean;
  /**
   * Source parallelism above the number of partitions, which leaves a source task with nothing to
   * read; default true. False caps it at the partition count (see end-of-input.test.ts: such a task
   * never sends a watermark, a known bug that would otherwise mask every other failure).
   */
  readonly emptySourceTasks?: boolean;
  /** Most events of an `events` input; default EVENTS_MAX (40). */
  readonly maxEvents?: number;
}

// ---------------------------------------------------------------------------------------------
// primitives

/** Milliseconds in [0, maxMs], often a whole number of seconds so that times meet window bounds exactly. */
export function durationMs(maxMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: Math.floor(maxMs / 1000) }).map((s) => s * 1000), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: maxMs }), weight: 1 },
  );
}

/** Milliseconds in [minMs, maxMs], often whole seconds. */
function positiveDurationMs(minMs: number, maxMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(minMs / 1000), max: Math.floor(maxMs / 1000) }).map((s) => s * 1000), weight: 2 },
    { arbitrary: fc.integer({ min: minMs, max: maxMs }), weight: 1 },
  );
}

/**
 * Event time in [0, 60 s): any millisecond, a whole second (a window start), one before it (a
 * maxTimestamp), or a whole second of the first ten, so that events often share a time or lie
 * exactly a window size or a session gap apart.
 */
export function eventTimeMs(): fc.Arbitrary<number> {
  const lastSecond = EVENT_TIME_LIMIT_MS / 1000 - 1;
  return fc.oneof(
    fc.integer({ min: 0, max: EVENT_TIME_LIMIT_MS - 1 }),
    fc.integer({ min: 0, max: lastSecond }).map((s) => s * 1000),
    fc.integer({ min: 1, max: lastSecond }).map((s) => s * 1000 - 1),
    fc.integer({ min: 0, max: 9 }).map((s) => s * 1000),
  );
}

/** One event as drawn: indexes are reduced modulo the scenario's key and partition counts. */
export interface EventDraw {
  readonly key: number;
  readonly partition: number;
  readonly value: number;
  readonly eventTime: number;
  readonly delay: number;
}

export function eventDraw(): fc.Arbitrary<EventDraw> {
  return fc.record({
    key: fc.integer({ min: 0, max: KEYS_MAX - 1 }),
    partition: fc.integer({ min: 0, max: PARTITIONS_MAX - 1 }),
    value: fc.integer({ min: 0, max: VALUE_LIMIT - 1 }),
    eventTime: eventTimeMs(),
    delay: durationMs(DELAY_LIMIT_MS - 1),
  });
}

export interface EventsDraw {
  readonly keys: number;
  readonly partitions: number;
  readonly events: readonly EventDraw[];
}

export function eventsDraw(maxEvents = EVENTS_MAX): fc.Arbitrary<EventsDraw> {
  return fc.record({
    keys: fc.integer({ min: 1, max: KEYS_MAX }),
    partitions: fc.integer({ min: 1, max: PARTITIONS_MAX }),
    events: fc.array(eventDraw(), { maxLength: maxEvents }),
  });
}

/** Rows with keys k0…k(keys−1), partitions 0…(partitions−1), arrival = event time + delay. */
export function toRows(d: EventsDraw): EventRow[] {
  return d.events.map((e) => ({
    key: `k${e.key % d.keys}`,
    value: e.value,
    eventTime: e.eventTime,
    partition: e.partition % d.partitions,
    arrivalTime: e.eventTime + e.delay,
  }));
}

export function eventsInput(rows: readonly EventRow[], partitions: number): InputSpec {
  return { kind: 'events', file: 'generated', events: rows, partitions, disorder: { type: 'none' } };
}

// ---------------------------------------------------------------------------------------------
// windows

/** Divisors n of sizeMs with 1 <= n <= 10: the slide sizeMs / n divides the size, and an event has n windows. */
export function slideDivisors(sizeMs: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= 10; n++) if (sizeMs % n === 0) out.push(n);
  return out;
}

interface WindowDraw {
  readonly type: WindowType;
  /** 1–30 s, whole seconds or any millisecond. */
  readonly sizeMs: number;
  /** Picks the slide among slideDivisors(sizeMs). */
  readonly slidePick: number;
  /** Reduced modulo the size (tumbling) or the slide (sliding); mostly 0. */
  readonly offsetMs: number;
}

function windowDraw(types: readonly WindowType[]): fc.Arbitrary<WindowDraw> {
  return fc.record({
    type: fc.constantFrom(...types),
    sizeMs: positiveDurationMs(1000, 30_000),
    slidePick: fc.nat({ max: 9 }),
    offsetMs: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 29_999 }), weight: 1 }),
  });
}

export function toWindow(d: WindowDraw): WindowSpec {
  switch (d.type) {
    case 'tumbling':
      return { type: 'tumbling', sizeMs: d.sizeMs, offsetMs: d.offsetMs % d.sizeMs };
    case 'sliding': {
      const divisors = slideDivisors(d.sizeMs);
      const n = divisors[d.slidePick % divisors.length] ?? 1;
      const everyMs = d.sizeMs / n;
      return { type: 'sliding', sizeMs: d.sizeMs, everyMs, offsetMs: d.offsetMs % everyMs };
    }
    case 'session':
      return { type: 'session', gapMs: d.sizeMs };
    case 'global':
      return { type: 'global' };
  }
}

// ---------------------------------------------------------------------------------------------
// watermarks and triggers

interface WatermarkDraw {
  readonly type: WatermarkType;
  readonly maxDelayMs: number;
  readonly intervalMs: number;
  readonly percentile: number;
  readonly sample: number;
}

function watermarkDraw(types: readonly WatermarkType[]): fc.Arbitrary<WatermarkDraw> {
  return fc.record({
    type: fc.constantFrom(...types),
    maxDelayMs: durationMs(10_000),
    intervalMs: fc.constantFrom(200, 50, 100, 1000),
    percentile: fc.integer({ min: 1, max: 99 }),
    sample: fc.integer({ min: 1, max: 50 }),
  });
}

export function toWatermark(d: WatermarkDraw): WatermarkSpec {
  switch (d.type) {
    case 'perfect':
      return { type: 'perfect', intervalMs: d.intervalMs };
    case 'bounded-out-of-orderness':
      return { type: 'bounded-out-of-orderness', maxDelayMs: d.maxDelayMs, intervalMs: d.intervalMs };
    case 'monotonous':
      return { type: 'monotonous', intervalMs: d.intervalMs };
    case 'percentile':
      return { type: 'percentile', percentile: d.percentile, sample: d.sample, intervalMs: d.intervalMs };
  }
}

type EarlyType = 'none' | 'count' | 'after-first-element' | 'aligned';

interface TriggerDraw {
  readonly early: EarlyType;
  readonly earlyCount: number;
  readonly earlyDelayMs: number;
  readonly earlyEveryMs: number;
  readonly lateCount: number;
}

function triggerDraw(early: boolean): fc.Arbitrary<TriggerDraw> {
  return fc.record({
    early: early ? fc.constantFrom<EarlyType>('none', 'count', 'after-first-element', 'aligned') : fc.constant<EarlyType>('none'),
    earlyCount: fc.integer({ min: 1, max: 5 }),
    earlyDelayMs: positiveDurationMs(1, 5000),
    earlyEveryMs: positiveDurationMs(1000, 10_000),
    lateCount: fc.integer({ min: 1, max: 3 }),
  });
}

/** The default late firing: every late element fires once more (SCENARIO_DEFAULTS.lateFiring). */
export const DEFAULT_LATE_FIRING: FiringSpec = { type: 'count', count: 1 };

export function toTrigger(d: TriggerDraw): TriggerSpec {
  const late: FiringSpec = { type: 'count', count: d.lateCount };
  switch (d.early) {
    case 'none':
      return { late };
    case 'count':
      return { early: { type: 'count', count: d.earlyCount }, late };
    case 'after-first-element':
      return { early: { type: 'after-first-element', delayMs: d.earlyDelayMs }, late };
    case 'aligned':
      return { early: { type: 'aligned', everyMs: d.earlyEveryMs }, late };
  }
}

// ---------------------------------------------------------------------------------------------
// pipeline

interface PipelineDraw {
  readonly on: boolean;
  readonly multiply: number;
  readonly add: number;
  readonly valueMin: number;
  readonly valueSpan: number;
  readonly keyParity: 'any' | 'even' | 'odd';
}

function pipelineDraw(enabled: boolean): fc.Arbitrary<PipelineDraw> {
  return fc.record({
    on: enabled ? fc.boolean() : fc.constant(false),
    multiply: fc.integer({ min: 1, max: 3 }),
    add: fc.integer({ min: -5, max: 5 }),
    valueMin: fc.integer({ min: 0, max: VALUE_LIMIT - 1 }),
    valueSpan: fc.integer({ min: 1, max: VALUE_LIMIT }),
    keyParity: fc.constantFrom<'any' | 'even' | 'odd'>('any', 'even', 'odd'),
  });
}

function toPipeline(d: PipelineDraw): PipelineSpec {
  if (!d.on) return {};
  return {
    map: { multiply: d.multiply, add: d.add },
    filter: { valueMin: d.valueMin, valueMax: d.valueMin + d.valueSpan, ...(d.keyParity === 'any' ? {} : { keyParity: d.keyParity }) },
  };
}

// ---------------------------------------------------------------------------------------------
// settings: everything but the input

export interface SettingsDraw {
  readonly seed: number;
  readonly semantics: Semantics;
  readonly window: WindowDraw;
  readonly aggregate: AggregateKind;
  readonly watermark: WatermarkDraw;
  readonly trigger: TriggerDraw;
  readonly latenessMs: number;
  readonly accumulation: Accumulation;
  readonly lateData: 'drop' | 'side-output';
  readonly sourceParallelism: number;
  readonly windowParallelism: number;
  readonly channelDelayMs: number;
  readonly pipeline: PipelineDraw;
  readonly emptySourceTasks: boolean;
}

/** A seed for a PRNG that folds it to 32 bits: non-negative 31-bit values never collide. */
export function seedArb(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 0x7fff_ffff });
}

export function settingsDraw(c: ScenarioConstraints = {}): fc.Arbitrary<SettingsDraw> {
  return fc.record({
    seed: seedArb(),
    semantics: fc.constantFrom(...(c.semantics ?? ALL_SEMANTICS)),
    window: windowDraw(c.windows ?? ALL_WINDOWS),
    aggregate: fc.constantFrom(...(c.aggregates ?? ALL_AGGREGATES)),
    watermark: watermarkDraw(c.watermarks ?? ALL_WATERMARKS),
    trigger: triggerDraw(c.earlyFirings ?? true),
    latenessMs: c.lateness === false ? fc.constant(0) : durationMs(20_000),
    accumulation: fc.constantFrom(...(c.accumulations ?? ALL_ACCUMULATIONS)),
    lateData: fc.constantFrom<'drop' | 'side-output'>('drop', 'side-output'),
    sourceParallelism: fc.integer({ min: 1, max: 3 }),
    windowParallelism: fc.integer({ min: 1, max: 3 }),
    channelDelayMs: fc.integer({ min: 0, max: 50 }),
    pipeline: pipelineDraw(c.pipeline ?? false),
    emptySourceTasks: fc.constant(c.emptySourceTasks ?? true),
  });
}

/**
 * The one map from draws to a Scenario. It applies the engines' cross-field rules
 * (src/sim/scenario/rules.ts): Spark has no triggers and no allowed lateness (its watermark delay
 * is its only bound); Kafka Streams has no triggers and every update carries the whole aggregate.
 */
export function toScenario(input: InputSpec, d: SettingsDraw): Scenario {
  const triggerless = d.semantics === 'spark' || d.semantics === 'kafka-streams';
  const sourceParallelism = d.emptySourceTasks ? d.sourceParallelism : Math.min(d.sourceParallelism, partitionsOf(input));
  return {
    name: 'generated',
    description: 'a scenario drawn by a property test',
    covers: [],
    story: '',
    source: 'generated',
    seed: d.seed,
    semantics: d.semantics,
    timeDomain: 'event-time',
    input,
    pipeline: toPipeline(d.pipeline),
    window: toWindow(d.window),
    aggregate: d.aggregate,
    watermark: toWatermark(d.watermark),
    trigger: triggerless ? { late: DEFAULT_LATE_FIRING } : toTrigger(d.trigger),
    allowedLatenessMs: d.semantics === 'spark' ? 0 : d.latenessMs,
    accumulation: d.semantics === 'kafka-streams' ? 'accumulating' : d.accumulation,
    lateData: d.lateData,
    parallelism: { source: sourceParallelism, window: d.windowParallelism },
    channelDelayMs: d.channelDelayMs,
    outputMode: 'append',
    suppress: false,
    maxSteps: 5_000_000,
  };
}

function partitionsOf(input: InputSpec): number {
  switch (input.kind) {
    case 'events':
    case 'timeline':
      return input.partitions;
    case 'generator':
      return input.generator.partitions;
  }
}

// ---------------------------------------------------------------------------------------------
// scenarios

/** A scenario over 0–40 explicit events with arrival times (input.kind 'events'). */
export function scenarioArb(c: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({ events: eventsDraw(c.maxEvents ?? EVENTS_MAX), settings: settingsDraw(c) })
    .map(({ events, settings }) => toScenario(eventsInput(toRows(events), events.partitions), settings));
}

interface GeneratorDraw {
  readonly events: number;
  readonly ratePerSec: number;
  readonly partitions: number;
  readonly keys: number;
  readonly distribution: 'uniform' | 'zipf' | 'hot-key';
  readonly disorder: 'none' | 'uniform' | 'heavy-tailed';
  readonly maxDelayMs: number;
}

function generatorDraw(): fc.Arbitrary<GeneratorDraw> {
  return fc.record({
    events: fc.integer({ min: 50, max: 300 }),
    ratePerSec: fc.integer({ min: 5, max: 200 }),
    partitions: fc.integer({ min: 1, max: 3 }),
    keys: fc.integer({ min: 2, max: KEYS_MAX }),
    distribution: fc.constantFrom<GeneratorDraw['distribution']>('uniform', 'zipf', 'hot-key'),
    disorder: fc.constantFrom<GeneratorDraw['disorder']>('none', 'uniform', 'heavy-tailed'),
    maxDelayMs: positiveDurationMs(1, 10_000),
  });
}

function toGenerator(d: GeneratorDraw): GeneratorSpec {
  const keyDistribution: KeyDistribution =
    d.distribution === 'uniform'
      ? { type: 'uniform' }
      : d.distribution === 'zipf'
        ? { type: 'zipf', exponent: 1.1 }
        : { type: 'hot-key', shareNumerator: 1, shareDenominator: 2 };
  const disorder: Disorder =
    d.disorder === 'none'
      ? { type: 'none' }
      : d.disorder === 'uniform'
        ? { type: 'uniform', maxDelayMs: d.maxDelayMs }
        : { type: 'heavy-tailed', baseDelayMs: d.maxDelayMs, stragglerNumerator: 1, stragglerDenominator: 10, alpha: 1.5, maxDelayMs: 4 * d.maxDelayMs };
  return {
    events: d.events,
    ratePerSec: d.ratePerSec,
    startMs: 0,
    partitions: d.partitions,
    keys: d.keys,
    keyDistribution,
    valueMin: 0,
    valueMax: VALUE_LIMIT,
    disorder,
  };
}

/** A scenario over a seeded generator (input.kind 'generator'): 50–300 events, 2–4 keys, values in [0, 20). */
export function generatorScenarioArb(c: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({ generator: generatorDraw(), settings: settingsDraw(c) })
    .map(({ generator, settings }) => toScenario({ kind: 'generator', generator: toGenerator(generator) }, settings));
}

/** The same scenario with other settings, for properties that compare two runs. */
export function withSettings(s: Scenario, patch: Partial<Scenario>): Scenario {
  return { ...s, ...patch };
}

/** The explicit rows of an `events` scenario (a generator scenario has none). */
export function rowsOf(s: Scenario): readonly EventRow[] {
  if (s.input.kind !== 'events') return [];
  return s.input.events.map((e) => ({ ...e, arrivalTime: e.arrivalTime ?? e.eventTime }));
}

/**
 * A hand-written scenario for a known counterexample: one partition, Flink rules, tumbling 1 s,
 * count, perfect watermark, no early firings, everything else at its default; `patch` overrides.
 */
export function exampleScenario(rows: readonly EventRow[], patch: Partial<Scenario> = {}): Scenario {
  const partitions = rows.reduce((n, r) => Math.max(n, r.partition + 1), 1);
  const base = toScenario(eventsInput(rows, partitions), {
    seed: 0,
    semantics: 'flink',
    window: { type: 'tumbling', sizeMs: 1000, slidePick: 0, offsetMs: 0 },
    aggregate: 'count',
    watermark: { type: 'perfect', maxDelayMs: 0, intervalMs: 200, percentile: 50, sample: 1 },
    trigger: { early: 'none', earlyCount: 1, earlyDelayMs: 1, earlyEveryMs: 1000, lateCount: 1 },
    latenessMs: 0,
    accumulation: 'accumulating',
    lateData: 'drop',
    sourceParallelism: 1,
    windowParallelism: 1,
    channelDelayMs: 0,
    pipeline: { on: false, multiply: 1, add: 0, valueMin: 0, valueSpan: 1, keyParity: 'any' },
    emptySourceTasks: true,
  });
  return { ...base, ...patch };
}

/** An event row: key, value, event time, arrival time, partition 0 unless given. */
export function row(key: string, value: number, eventTime: number, arrivalTime: number, partition = 0): EventRow {
  return { key, value, eventTime, arrivalTime, partition };
}

// ---------------------------------------------------------------------------------------------
// failure schedules (issue 3)

export interface FailureScheduleConstraints {
  /** Window and source tasks a crash may hit. */
  readonly windowTasks: number;
  readonly sourceTasks: number;
  /** Faults strike in [0, untilMs) of processing time, or right after one of the first checkpoints. */
  readonly untilMs: number;
  /** At most this many faults; default 3. */
  readonly maxFaults?: number;
}

interface FaultDraw {
  readonly kind: 'task-crash' | 'job-failure';
  readonly stage: 'source' | 'window';
  readonly index: number;
  readonly trigger: 'at' | 'after-checkpoint';
  readonly atMs: number;
  readonly checkpoint: number;
  readonly restartDelayMs: number;
}

function toFault(d: FaultDraw, c: FailureScheduleConstraints): FaultSpec {
  const trigger = d.trigger === 'at' ? { kind: 'at' as const, atMs: d.atMs } : { kind: 'after-checkpoint' as const, checkpoint: d.checkpoint };
  if (d.kind === 'job-failure') return { type: 'job-failure', trigger, restartDelayMs: d.restartDelayMs };
  const tasks = d.stage === 'window' ? c.windowTasks : c.sourceTasks;
  return { type: 'task-crash', task: { stage: d.stage, index: d.index % Math.max(1, tasks) }, trigger, restartDelayMs: d.restartDelayMs };
}

/**
 * A failure schedule: 0 to maxFaults task crashes and whole-job failures, each at a processing time
 * in [0, untilMs) (often a whole second, so it meets checkpoint and window times exactly) or right
 * after checkpoint 1 to 5, with a restart delay of 0.1 s to 3 s. Shrinks towards fewer faults,
 * earlier, on window-0, with a short restart delay.
 */
export function failureScheduleArb(c: FailureScheduleConstraints): fc.Arbitrary<FaultSpec[]> {
  const fault: fc.Arbitrary<FaultDraw> = fc.record({
    kind: fc.constantFrom<FaultDraw['kind']>('task-crash', 'job-failure'),
    stage: fc.constantFrom<FaultDraw['stage']>('window', 'source'),
    index: fc.integer({ min: 0, max: 2 }),
    trigger: fc.constantFrom<FaultDraw['trigger']>('at', 'after-checkpoint'),
    atMs: durationMs(Math.max(0, c.untilMs - 1)),
    checkpoint: fc.integer({ min: 1, max: 5 }),
    restartDelayMs: positiveDurationMs(100, 3_000),
  });
  return fc.array(fault, { maxLength: c.maxFaults ?? 3 }).map((list) => list.map((d) => toFault(d, c)));
}

/** A checkpoint interval of 0.5 s to 10 s, and the mode, for a guarantee. */
export interface FaultToleranceDraw {
  readonly intervalMs: number;
  readonly mode: CheckpointMode;
}

/**
 * Fault tolerance for a guarantee and sink: periodic checkpoints (Flink's defaults for timeout,
 * concurrency and pause) in the given modes, no savepoints, and the failure schedule.
 */
export function faultToleranceArb(
  guarantee: DeliveryGuarantee,
  sink: SinkKind,
  schedule: fc.Arbitrary<FaultSpec[]>,
  modes: readonly CheckpointMode[] = ['aligned'],
): fc.Arbitrary<FaultToleranceSpec> {
  return fc
    .record({ intervalMs: positiveDurationMs(500, 10_000), mode: fc.constantFrom(...modes), faults: schedule })
    .map(({ intervalMs, mode, faults }) => ({
      checkpoints: { intervalMs, mode, timeoutMs: 600_000, maxConcurrent: 1, minPauseMs: 0 },
      delivery: { guarantee, sink, readers: sink === 'transactional' ? ['read-committed', 'read-uncommitted'] : [] },
      faults,
      savepointsAtMs: [],
    }));
}

/** A scenario from `base` with fault tolerance drawn for it: its task counts bound the crashes. */
export function faultyScenarioArb(
  base: fc.Arbitrary<Scenario>,
  guarantee: DeliveryGuarantee,
  sink: SinkKind,
  modes: readonly CheckpointMode[] = ['aligned'],
  untilMs = 30_000,
): fc.Arbitrary<Scenario> {
  return base.chain((s) =>
    faultToleranceArb(guarantee, sink, failureScheduleArb({ windowTasks: s.parallelism.window, sourceTasks: s.parallelism.source, untilMs }), modes).map(
      (faultTolerance) => ({ ...s, faultTolerance }),
    ),
  );
}
