/**
 * Rules that relate two fields, checked on the normalized scenario. Each rule names the field to
 * fix, says what it must be and why (which engine's rule forbids the combination), and shows the
 * other field involved. The first broken rule, in the order below, is the one reported.
 */
import { assertNever } from '../kernel/assert.js';
import { describeFound, type PathSegment } from './errors.js';
import type { Problem } from './issues.js';
import type { Reporter } from './reporter.js';
import type { Disorder, FaultSpec, GeneratorSpec, Scenario, TaskRef, TimelineStep } from './types.js';

type Rule = (s: Scenario, r: Reporter) => Problem | undefined;

interface Broken {
  readonly expected: string;
  readonly why?: string;
  readonly found?: string;
}

const invalid = (path: readonly PathSegment[], { expected, why, found }: Broken): Problem => ({
  path,
  expected,
  kind: 'invalid',
  ...(found !== undefined && { found }),
  ...(why !== undefined && { why }),
});

/** The written value at `path`, for quoting another field in a message: `window.size (2m)`. */
function quote(r: Reporter, path: readonly PathSegment[], fallback: number): string {
  const written = r.valueAt(path);
  return typeof written === 'string' || typeof written === 'number' ? String(written) : String(fallback);
}

/** `"update" with semantics flink`: the value written at `path` and the field it conflicts with. */
function foundWith(r: Reporter, path: readonly PathSegment[], other: string): string {
  return `${describeFound(r.valueAt(path)) ?? 'nothing'} with ${other}`;
}

// ---------------------------------------------------------------------------------------------
// timeline

const timelineSteps = (s: Scenario): readonly TimelineStep[] => (s.input.kind === 'timeline' ? s.input.steps : []);

/** A TestStream's steps happen in processing-time order, and a watermark never goes backwards. */
const timelineInOrder: Rule = (s, r) => {
  const steps = timelineSteps(s);
  let last: { index: number; watermark: number } | undefined;
  for (const [i, step] of steps.entries()) {
    const previous = steps[i - 1];
    if (previous !== undefined && step.at < previous.at) {
      const before = quote(r, ['input', 'timeline', i - 1, 'at'], previous.at);
      return invalid(['input', 'timeline', i, 'at'], { expected: `a time not before the previous step's (${before})`, why: 'Timeline steps run in the order written' });
    }
    if (step.kind !== 'watermark') continue;
    if (last !== undefined && step.watermark < last.watermark) {
      const before = quote(r, ['input', 'timeline', last.index, 'watermark'], last.watermark);
      return invalid(['input', 'timeline', i, 'watermark'], { expected: `a watermark not before the previous one (${before})`, why: 'A watermark never goes backwards' });
    }
    last = { index: i, watermark: step.watermark };
  }
  return undefined;
};

const scriptedNeedsTimeline: Rule = (s, r) => {
  if (s.watermark.type !== 'scripted' || s.input.kind === 'timeline') return undefined;
  const written = s.input.kind === 'events' ? 'file' : s.input.kind;
  return invalid(['watermark', 'type'], {
    expected: 'a strategy other than scripted',
    found: foundWith(r, ['watermark', 'type'], `input.${written}`),
    why: 'A scripted watermark moves only at the watermark steps of an input.timeline',
  });
};

const watermarkStepsNeedScripted: Rule = (s) => {
  if (s.watermark.type === 'scripted') return undefined;
  const i = timelineSteps(s).findIndex((step) => step.kind === 'watermark');
  if (i < 0) return undefined;
  return invalid(['watermark', 'type'], {
    expected: `scripted, since input.timeline[${i}] sets the watermark`,
    why: `A ${s.watermark.type} watermark computes its own and cannot follow the timeline's steps (leave watermark out, or drop the watermark steps)`,
  });
};

// ---------------------------------------------------------------------------------------------
// window

const windowShape: Rule = (s, r) => {
  const w = s.window;
  const size = quote(r, ['window', 'size'], 'sizeMs' in w ? w.sizeMs : 0);
  if (w.type === 'sliding' && w.everyMs > w.sizeMs) {
    return invalid(['window', 'every'], { expected: `a duration no longer than window.size (${size})`, why: 'A slide longer than the window leaves gaps that no window covers' });
  }
  // Flink rejects |offset| >= size for tumbling windows and |offset| >= slide for sliding ones.
  if (w.type === 'tumbling' && w.offsetMs >= w.sizeMs) {
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.size (${size})`, why: 'Flink\'s TumblingEventTimeWindows requires offset < size' });
  }
  if (w.type === 'sliding' && w.offsetMs >= w.everyMs) {
    const every = quote(r, ['window', 'every'], w.everyMs);
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.every (${every})`, why: 'Flink\'s SlidingEventTimeWindows requires offset < slide' });
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// engine rules

const engineOnlyFields: Rule = (s, r) => {
  if (s.suppress && s.semantics !== 'kafka-streams') {
    return invalid(['suppress'], {
      expected: 'no suppress unless semantics is kafka-streams',
      found: foundWith(r, ['suppress'], `semantics ${s.semantics}`),
      why: 'suppress(untilWindowCloses) is a Kafka Streams operator',
    });
  }
  if (s.outputMode !== 'append' && s.semantics !== 'spark') {
    return invalid(['outputMode'], {
      expected: 'append unless semantics is spark',
      found: foundWith(r, ['outputMode'], `semantics ${s.semantics}`),
      why: 'Output modes belong to Spark Structured Streaming',
    });
  }
  return undefined;
};

const kafkaStreams: Rule = (s, r) => {
  if (s.semantics !== 'kafka-streams') return undefined;
  if (r.valueAt(['trigger']) !== undefined) {
    return invalid(['trigger'], {
      expected: 'no trigger with semantics kafka-streams',
      why: 'Kafka Streams has no triggers: every record updates its window\'s result at once (write suppress: untilWindowCloses for one final result per window)',
    });
  }
  if (s.accumulation !== 'accumulating') {
    return invalid(['accumulation'], {
      expected: 'accumulating with semantics kafka-streams',
      why: 'Each Kafka Streams update carries the whole aggregate of its window so far',
    });
  }
  return undefined;
};

const spark: Rule = (s, r) => {
  if (s.semantics !== 'spark') return undefined;
  if (s.allowedLatenessMs > 0) {
    return invalid(['allowedLateness'], {
      expected: '0 with semantics spark',
      why: 'The watermark delay is Spark\'s only bound on lateness (set watermark.maxDelay instead)',
    });
  }
  for (const firing of ['early', 'late'] as const) {
    if (r.valueAt(['trigger', firing]) === undefined) continue;
    return invalid(['trigger', firing], {
      expected: `no ${firing} firings with semantics spark`,
      why: 'A micro-batch query emits once per batch as outputMode says (append: once the watermark passes the window; update: in every batch that changes it)',
    });
  }
  return undefined;
};

const processingTime: Rule = (s) => {
  if (s.timeDomain !== 'processing-time') return undefined;
  const why = 'Nothing is late in processing time, since each record is stamped with the operator\'s clock as it arrives';
  if (s.allowedLatenessMs > 0) return invalid(['allowedLateness'], { expected: '0 with timeDomain processing-time', why });
  if (s.lateData === 'side-output') return invalid(['lateData'], { expected: 'drop with timeDomain processing-time', why });
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// input

function disorderProblem(d: Disorder, at: readonly PathSegment[], r: Reporter): Problem | undefined {
  if (d.type !== 'heavy-tailed' || d.maxDelayMs >= d.baseDelayMs) return undefined;
  const why = 'Stragglers are delayed at least as much as the other events';
  const heavy = [...at, 'heavyTailed'];
  if (r.valueAt([...heavy, 'max']) === undefined) {
    return invalid([...heavy, 'base'], { expected: `a duration no longer than heavyTailed.max (${d.maxDelayMs} ms, the default)`, why });
  }
  return invalid([...heavy, 'max'], { expected: `a duration no shorter than heavyTailed.base (${quote(r, [...heavy, 'base'], d.baseDelayMs)})`, why });
}

function partitionProblem(g: GeneratorSpec, r: Reporter): Problem | undefined {
  const parts = [
    ['laggingPartition', g.laggingPartition?.partition],
    ['idlePartition', g.idlePartition?.partition],
  ] as const;
  for (const [field, partition] of parts) {
    if (partition === undefined || partition < g.partitions) continue;
    const byDefault = r.valueAt(['input', 'generator', 'partitions']) === undefined ? ', the default' : '';
    return invalid(['input', 'generator', field, 'partition'], {
      expected: `a partition below generator.partitions (${g.partitions}${byDefault})`,
      why: 'Partitions are numbered from 0',
    });
  }
  return undefined;
}

const generatorRule: Rule = (s, r) => {
  if (s.input.kind !== 'generator') return undefined;
  const g = s.input.generator;
  const at = ['input', 'generator'] as const;
  const partitions = partitionProblem(g, r);
  if (partitions !== undefined) return partitions;
  if (g.valueMax <= g.valueMin) {
    const field = r.valueAt([...at, 'values', 'max']) === undefined ? 'min' : 'max';
    return invalid([...at, 'values', field], {
      expected: `values with min < max (min ${g.valueMin}, max ${g.valueMax})`,
      why: 'Values are integers drawn from [min, max)',
    });
  }
  const idle = g.idlePartition;
  if (idle !== undefined && idle.untilMs <= idle.fromMs) {
    const from = quote(r, [...at, 'idlePartition', 'from'], idle.fromMs);
    return invalid([...at, 'idlePartition', 'until'], { expected: `a time after idlePartition.from (${from})` });
  }
  const d = g.keyDistribution;
  if (d.type === 'rotating' && d.activeKeys > g.keys) {
    return invalid([...at, 'keys', 'distribution', 'rotating', 'active'], { expected: `at most keys.count (${g.keys}) active keys` });
  }
  return disorderProblem(g.disorder, [...at, 'disorder'], r);
};

const inputFields: Rule = (s, r) => {
  if (s.input.kind === 'events') return disorderProblem(s.input.disorder, ['input', 'disorder'], r);
  for (const field of ['disorder', 'partitions'] as const) {
    if (r.valueAt(['input', field]) === undefined) continue;
    const why =
      s.input.kind === 'timeline'
        ? 'A timeline scripts its arrivals and takes its partitions from its events'
        : `A generator takes it as input.generator.${field}`;
    return invalid(['input', field], { expected: `no input.${field} except with input.file`, why });
  }
  return undefined;
};

const pipelineRule: Rule = (s) => {
  const f = s.pipeline.filter;
  if (f?.valueMin !== undefined && f.valueMax !== undefined && f.valueMax <= f.valueMin) {
    return invalid(['pipeline', 'filter', 'valueMax'], {
      expected: `a number above pipeline.filter.valueMin (${f.valueMin})`,
      why: 'The filter keeps values in [valueMin, valueMax)',
    });
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// engine and cost

const engineRule: Rule = (s, r) => {
  if (s.engine?.type !== 'micro-batch' || s.semantics !== 'kafka-streams') return undefined;
  const at = r.valueAt(['engine', 'type']) === undefined ? ['engine'] : ['engine', 'type'];
  return invalid(at, {
    expected: 'native with semantics kafka-streams',
    found: foundWith(r, at, 'semantics kafka-streams'),
    why: 'Kafka Streams processes each record as it arrives; micro-batches are Spark\'s way of running',
  });
};

/**
 * Complete mode writes the whole result table after every trigger, which needs a trigger (the
 * micro-batch engine), and each row carries the whole aggregate (accumulating).
 */
const completeMode: Rule = (s, r) => {
  if (s.outputMode !== 'complete') return undefined;
  if (s.engine?.type !== 'micro-batch') {
    return invalid(['outputMode'], {
      expected: 'append or update unless engine is micro-batch',
      found: foundWith(r, ['outputMode'], `engine ${s.engine?.type ?? 'native'}`),
      why: 'Complete mode writes the whole result table after every micro-batch; the native engine has no batches',
    });
  }
  return undefined;
};

/** A micro-batch writes whole rows (update or complete mode): each carries its window's whole aggregate. */
const wholeRows: Rule = (s) => {
  if (s.outputMode === 'append' || s.engine?.type !== 'micro-batch' || s.accumulation === 'accumulating') return undefined;
  return invalid(['accumulation'], {
    expected: `accumulating with outputMode ${s.outputMode} on the micro-batch engine`,
    why: 'Each row a micro-batch writes in update or complete mode carries the whole aggregate of its window (Spark has no discarding or retracting panes)',
  });
};

const costRule: Rule = (s, r) => {
  const c = s.cost;
  if (c === undefined) return undefined;
  if (c.asyncConcurrency > 1 && c.stateBackend !== 'external') {
    return invalid(['cost', 'state', 'asyncConcurrency'], {
      expected: '1 unless cost.state.backend is external',
      found: foundWith(r, ['cost', 'state', 'asyncConcurrency'], `backend ${c.stateBackend}`),
      why: 'Asynchronous I/O overlaps requests to an external store; state in memory is read in place',
    });
  }
  if (c.bufferRecords > c.channelCapacity) {
    const why = 'A buffer is sent whole, so a receiver must have room for a full one';
    if (r.valueAt(['cost', 'buffer', 'records']) === undefined) {
      return invalid(['cost', 'channelCapacity'], { expected: `at least cost.buffer.records (${c.bufferRecords}, the default)`, why });
    }
    const capacity = r.valueAt(['cost', 'channelCapacity']) === undefined ? `${c.channelCapacity}, the default` : `${c.channelCapacity}`;
    return invalid(['cost', 'buffer', 'records'], { expected: `at most cost.channelCapacity (${capacity})`, why });
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// checkpoints and delivery

const checkpointRule: Rule = (s, r) => {
  const c = s.faultTolerance?.checkpoints;
  if (c?.alignedTimeoutMs === undefined || c.mode === 'aligned') return undefined;
  return invalid(['checkpoints', 'alignedTimeout'], {
    expected: 'no alignedTimeout unless checkpoints.mode is aligned',
    found: foundWith(r, ['checkpoints', 'alignedTimeout'], `mode ${c.mode}`),
    why: 'The timeout switches an aligned checkpoint to unaligned when alignment takes too long; unaligned and at-least-once checkpoints never align',
  });
};

const deliveryRule: Rule = (s, r) => {
  const ft = s.faultTolerance;
  if (ft === undefined) return undefined;
  const { guarantee, sink, readers } = ft.delivery;
  // Only written values can break these rules: the defaults satisfy them (defaults.ts).
  const guaranteeAt = r.valueAt(['delivery', 'guarantee']) === undefined ? ['delivery'] : ['delivery', 'guarantee'];
  // The micro-batch engine writes Spark's offset and commit logs and a state version every batch:
  // they are its checkpoints, so it replays without a `checkpoints` section.
  if (guarantee !== 'at-most-once' && ft.checkpoints === undefined && s.engine?.type !== 'micro-batch') {
    return invalid(guaranteeAt, {
      expected: 'at-most-once without checkpoints',
      found: foundWith(r, guaranteeAt, 'no checkpoints'),
      why: `${guarantee === 'exactly-once' ? 'Exactly-once' : 'At-least-once'} replays from the last completed checkpoint after a failure, so it needs checkpoints (e.g. checkpoints: { interval: 10s })`,
    });
  }
  if (guarantee === 'exactly-once' && sink === 'plain') {
    return invalid(['delivery', 'sink'], {
      expected: 'transactional or idempotent with exactly-once',
      found: foundWith(r, ['delivery', 'sink'], 'guarantee exactly-once'),
      why: 'A plain sink cannot give exactly-once: choose transactional or idempotent (a plain sink writes replayed results again)',
    });
  }
  if (guarantee === 'at-most-once' && sink !== 'plain') {
    return invalid(['delivery', 'sink'], {
      expected: 'plain with at-most-once',
      found: foundWith(r, ['delivery', 'sink'], 'guarantee at-most-once'),
      why: `At-most-once never replays, so ${sink === 'transactional' ? 'a transactional sink has nothing to hold back' : 'an idempotent sink has nothing to overwrite'} (choose at-least-once or exactly-once, or sink plain)`,
    });
  }
  if (readers.length > 0 && sink !== 'transactional') {
    return invalid(['delivery', 'readers'], {
      expected: 'no readers unless delivery.sink is transactional',
      found: foundWith(r, ['delivery', 'readers'], `sink ${sink}`),
      why: 'Isolation levels belong to transactions: only a transactional sink has uncommitted output for a reader to see or not',
    });
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// failures and savepoints

/**
 * Where each normalized fault was written: the faults keep the written order but leave the random
 * entry out, so faults[j] is failures[faults[j]] here, and the random entry is failures[random].
 */
function failureIndexes(r: Reporter): { faults: number[]; random?: number } {
  const written = r.valueAt(['failures']);
  const faults: number[] = [];
  let random: number | undefined;
  for (const [i, entry] of (Array.isArray(written) ? written : []).entries()) {
    if (entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>)['random'] !== undefined) random ??= i;
    else faults.push(i);
  }
  return { faults, ...(random !== undefined && { random }) };
}

/** A task that does not exist, or a source task where only a window task will do. */
function taskProblem(s: Scenario, r: Reporter, ref: TaskRef, at: readonly PathSegment[], windowOnly?: string): Problem | undefined {
  if (windowOnly !== undefined && ref.stage !== 'window') return invalid(at, { expected: 'a window task such as window-0', why: windowOnly });
  const n = s.parallelism[ref.stage];
  if (ref.index < n) return undefined;
  const written = r.valueAt(['parallelism']);
  const byDefault = written === undefined || (typeof written === 'object' && r.valueAt(['parallelism', ref.stage]) === undefined) ? ', the default' : '';
  const range = n === 1 ? `${ref.stage}-0` : `${ref.stage}-0 to ${ref.stage}-${n - 1}`;
  return invalid(at, { expected: `${range} (parallelism.${ref.stage} is ${n}${byDefault})`, why: 'Tasks are numbered from 0' });
}

function inputPartitions(s: Scenario): number {
  return s.input.kind === 'generator' ? s.input.generator.partitions : s.input.partitions;
}

/** `until` after `from`, for the faults that last a while. */
function periodProblem(r: Reporter, at: readonly PathSegment[], fromMs: number, untilMs: number, what: string): Problem | undefined {
  if (untilMs > fromMs) return undefined;
  const start = r.valueAt([...at, 'from']) === undefined ? '0, the default' : quote(r, [...at, 'from'], fromMs);
  return invalid([...at, 'until'], { expected: `a time after ${what}.from (${start})` });
}

const NO_CHECKPOINTS = 'add checkpoints: { interval: 10s }';

/** The problem with one scripted fault, written at failures[i]. */
function faultProblem(s: Scenario, r: Reporter, f: FaultSpec, i: number): Problem | undefined {
  const at = ['failures', i] as const;
  const ft = s.faultTolerance;
  // A micro-batch query checkpoints every batch: checkpoint n is the commit of its n-th batch (batch id n − 1).
  const microBatch = s.engine?.type === 'micro-batch';
  const checkpoints = ft?.checkpoints !== undefined || microBatch;
  if ('trigger' in f && f.trigger.kind === 'after-checkpoint' && !checkpoints) {
    return invalid([...at, 'afterCheckpoint'], {
      expected: 'at or afterRecords without checkpoints',
      why: `Checkpoint ${f.trigger.checkpoint} never completes in a scenario without checkpoints (${NO_CHECKPOINTS})`,
    });
  }
  switch (f.type) {
    case 'task-crash':
      return taskProblem(s, r, f.task, [...at, 'crash']);
    case 'job-failure':
      return undefined;
    case 'slow-task':
      if (s.cost === undefined) {
        return invalid([...at, 'slow'], {
          expected: 'no slow task without cost',
          found: foundWith(r, [...at, 'slow'], 'no cost'),
          why: 'A slow task does its work factor times slower, and without a cost model work takes no time (add cost: {} for the default costs)',
        });
      }
      return taskProblem(s, r, f.task, [...at, 'slow']) ?? periodProblem(r, at, f.fromMs, f.untilMs, 'slow');
    case 'channel': {
      const to = f.to === undefined ? undefined : taskProblem(s, r, f.to, [...at, 'to'], 'Channels run from the source tasks to the window tasks, so only a window task has channels coming in');
      if (to !== undefined) return to;
      if (r.valueAt([...at, 'delay']) !== undefined && f.fault !== 'delay' && f.fault !== 'reorder') {
        return invalid([...at, 'delay'], { expected: `no delay with network ${f.fault}`, why: 'Only delay and reorder faults hold records back' });
      }
      if (r.valueAt([...at, 'restartDelay']) !== undefined && f.fault !== 'drop') {
        return invalid([...at, 'restartDelay'], { expected: `no restartDelay with network ${f.fault}`, why: 'Only a drop breaks the connection and fails the task; TCP hides the other faults' });
      }
      return periodProblem(r, at, f.fromMs, f.untilMs, 'network');
    }
    case 'sink-write-failure':
      return taskProblem(s, r, f.task, [...at, 'sinkWriteFailure'], 'The sink is chained to the window tasks, so only they write to it');
    case 'sink-commit-failure': {
      // Micro-batch: writing the n-th batch's commit log entry fails after its output was written, whatever the sink.
      if (microBatch) return undefined;
      const sink = ft?.delivery.sink ?? 'plain';
      if (!checkpoints || sink !== 'transactional') {
        return invalid([...at, 'sinkCommitFailure'], {
          expected: 'no sinkCommitFailure unless delivery.sink is transactional and there are checkpoints',
          found: foundWith(r, [...at, 'sinkCommitFailure'], checkpoints ? `sink ${sink}` : 'no checkpoints'),
          why: checkpoints
            ? 'Only a transactional sink commits, once per completed checkpoint'
            : `A transactional sink commits when a checkpoint completes, and there are none (${NO_CHECKPOINTS})`,
        });
      }
      return undefined;
    }
    case 'partition-outage': {
      const n = inputPartitions(s);
      if (f.partition >= n) {
        return invalid([...at, 'partitionOutage'], { expected: `a partition below ${n}, the input's partition count`, why: 'Partitions are numbered from 0' });
      }
      return periodProblem(r, at, f.fromMs, f.untilMs, 'partitionOutage');
    }
    default:
      return assertNever(f, 'fault');
  }
}

const failuresRule: Rule = (s, r) => {
  const ft = s.faultTolerance;
  if (ft === undefined) return undefined;
  const indexes = failureIndexes(r);
  for (const [j, fault] of ft.faults.entries()) {
    const problem = faultProblem(s, r, fault, indexes.faults[j] ?? j);
    if (problem !== undefined) return problem;
  }
  const random = ft.randomFaults;
  if (random === undefined || indexes.random === undefined) return undefined;
  const at = ['failures', indexes.random, 'random'] as const;
  if (random.crashes + random.jobFailures === 0) {
    return invalid(at, { expected: 'crashes or jobFailures above 0', why: 'A random entry draws that many faults from the seed' });
  }
  return periodProblem(r, at, random.fromMs, random.untilMs, 'random');
};

const savepointsRule: Rule = (s, r) => {
  const times = s.faultTolerance?.savepointsAtMs ?? [];
  if (times.length > 0 && s.engine?.type === 'micro-batch') {
    return invalid(['savepoints'], {
      expected: 'no savepoints with engine micro-batch',
      why: 'Savepoints are Flink\'s; a micro-batch query resumes from its checkpoint location (offset log, commit log, state store)',
    });
  }
  for (const [i, t] of times.entries()) {
    const previous = times[i - 1];
    if (previous === undefined || t > previous) continue;
    return invalid(['savepoints', i], { expected: `a time after the previous savepoint's (${quote(r, ['savepoints', i - 1], previous)})`, why: 'Savepoints are taken in the order written' });
  }
  return undefined;
};

const RULES: readonly Rule[] = [
  inputFields,
  timelineInOrder,
  generatorRule,
  pipelineRule,
  windowShape,
  scriptedNeedsTimeline,
  watermarkStepsNeedScripted,
  engineOnlyFields,
  kafkaStreams,
  spark,
  processingTime,
  engineRule,
  completeMode,
  wholeRows,
  costRule,
  checkpointRule,
  deliveryRule,
  failuresRule,
  savepointsRule,
];

/** The first rule `scenario` breaks, or undefined. */
export function brokenRule(scenario: Scenario, reporter: Reporter): Problem | undefined {
  for (const rule of RULES) {
    const problem = rule(scenario, reporter);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
