/**
 * Every default a scenario file may leave out, in one place, with the rule it follows.
 * The schema (schema.ts) and the normalizer (parse.ts) read these; nothing else invents a default.
 */
import type { Accumulation } from '../model/pane.js';
import type { Semantics } from '../model/semantics.js';
import type {
  AggregateKind,
  CheckpointMode,
  CostModel,
  DeliveryGuarantee,
  DeliverySpec,
  EngineSpec,
  OutputMode,
  FiringSpec,
  ReaderIsolation,
  SinkKind,
  TimeDomain,
} from './types.js';

export const SCENARIO_DEFAULTS = {
  description: '',
  covers: [] as readonly string[],
  story: '',
  seed: 1,
  semantics: 'flink' as Semantics,
  timeDomain: 'event-time' as TimeDomain,
  aggregate: 'sum' as AggregateKind,
  /** Flink's EventTimeTrigger without a purging wrapper keeps the window contents between firings. */
  accumulation: 'accumulating' as Accumulation,
  lateData: 'drop' as 'drop' | 'side-output',
  allowedLatenessMs: 0,
  /** Every late element fires once more, as Flink's EventTimeTrigger and Beam's default trigger do. */
  lateFiring: { type: 'count', count: 1 } as FiringSpec,
  parallelism: 1,
  channelDelayMs: 0,
  outputMode: 'append' as OutputMode,
  maxSteps: 50_000_000,
  engine: { type: 'native' } as EngineSpec,
  /** Flink chains map and filter into the source task unless told not to. */
  chaining: true,
} as const;

export const WINDOW_DEFAULTS = {
  /** Windows are epoch-aligned unless an offset is given (Flink's TumblingEventTimeWindows.of(size)). */
  offsetMs: 0,
} as const;

export const WATERMARK_DEFAULTS = {
  /** Flink's pipeline.auto-watermark-interval: 200 ms of processing time. */
  intervalMs: 200,
  /** Flink forMonotonousTimestamps / a punctuated generator with no bound. */
  punctuatedMaxDelayMs: 0,
  percentileSample: 1000,
} as const;

export const GENERATOR_DEFAULTS = {
  ratePerSec: 1000,
  startMs: 0,
  partitions: 1,
  keys: 1000,
  /** Values are integers uniform in [valueMin, valueMax). */
  valueMin: 0,
  valueMax: 100,
  idleFromMs: 0,
  idleUntilMs: Infinity,
} as const;

export const DISORDER_DEFAULTS = {
  /** The Pareto shape of the straggler tail; 1.5 gives a finite mean and an infinite variance. */
  heavyTailedAlpha: 1.5,
  heavyTailedMaxDelayMs: 600_000,
} as const;

export const PIPELINE_DEFAULTS = {
  multiply: 1,
  add: 0,
} as const;

/**
 * Without a `watermark` field: a timeline that scripts the watermark gets the scripted strategy;
 * anything else gets the perfect watermark, the baseline against which heuristics are judged
 * (Streaming Systems ch. 3), so a scenario that does not mention watermarks shows no late data.
 */
export const DEFAULT_UNSCRIPTED_WATERMARK = { type: 'perfect', intervalMs: WATERMARK_DEFAULTS.intervalMs } as const;

// ---------------------------------------------------------------------------------------------
// Engines and the cost model

export const MICRO_BATCH_DEFAULTS = {
  /** Spark's default trigger: the next batch starts as soon as the previous one ends. */
  triggerIntervalMs: 0,
  /** spark.sql.streaming.noDataMicroBatches.enabled (default true): batches without data still advance the watermark. */
  noDataBatches: true,
} as const;

/**
 * What `cost: {}` fills in. Without a `cost` field there is no cost model at all (every cost zero),
 * so these apply only to a scenario that asks for costs.
 */
export const COST_DEFAULTS: CostModel = {
  sourceRecordUs: 1,
  operatorRecordUs: 0.2,
  windowRecordUs: 1,
  serializationUs: 0.5,
  sinkRecordUs: 1,
  stateBackend: 'memory',
  /** A heap state backend: a hash map lookup. An external store defaults to EXTERNAL_STATE_ACCESS_US. */
  stateAccessUs: 0.1,
  /** Synchronous state access. */
  asyncConcurrency: 1,
  bufferRecords: 100,
  /** Flink's execution.buffer-timeout. */
  bufferTimeoutMs: 100,
  /** Sending one network buffer, whatever it holds: 10 µs. */
  bufferOverheadUs: 10,
  channelCapacity: 1000,
  batchOverheadMs: 50,
  snapshotMsPerThousand: 1,
};

/** State access of `state: { backend: external }` without `access`: a 1 ms round trip to a remote key-value store. */
export const EXTERNAL_STATE_ACCESS_US = 1000;

// ---------------------------------------------------------------------------------------------
// Fault tolerance

export const CHECKPOINT_DEFAULTS = {
  mode: 'aligned' as CheckpointMode,
  /** execution.checkpointing.timeout: 10 minutes. */
  timeoutMs: 600_000,
  maxConcurrent: 1,
  minPauseMs: 0,
} as const;

export const FAULT_DEFAULTS = {
  restartDelayMs: 1000,
  /** Extra latency of a network `delay` or `reorder` fault. */
  networkDelayMs: 500,
  /** A slow task, a network fault or a partition outage lasts from 0 until the end unless bounded. */
  fromMs: 0,
  untilMs: Infinity,
  crashes: 0,
  jobFailures: 0,
} as const;

/**
 * Without `delivery`: at-least-once when the scenario has checkpoints (Flink with checkpointing
 * and a plain sink replays from the last checkpoint), at-most-once when it has none.
 */
export function defaultGuarantee(hasCheckpoints: boolean): DeliveryGuarantee {
  return hasCheckpoints ? 'at-least-once' : 'at-most-once';
}

/** Exactly-once needs a sink that can undo or absorb replays; the weaker guarantees write plainly. */
export function defaultSink(guarantee: DeliveryGuarantee): SinkKind {
  return guarantee === 'exactly-once' ? 'transactional' : 'plain';
}

/** A transactional sink shows both readers side by side; other sinks have no isolation levels to show. */
export function defaultReaders(sink: SinkKind): readonly ReaderIsolation[] {
  return sink === 'transactional' ? ['read-committed', 'read-uncommitted'] : [];
}

/** A delivery spec with every default that `guarantee` (and a written sink) implies. */
export function deliveryFor(guarantee: DeliveryGuarantee, sink?: SinkKind, readers?: readonly ReaderIsolation[]): DeliverySpec {
  const kind = sink ?? defaultSink(guarantee);
  return { guarantee, sink: kind, readers: readers ?? defaultReaders(kind) };
}
