/**
 * A scenario after validation: every duration is integer milliseconds, every default filled in.
 * The YAML form (see schema.ts) is what people write; this is what the simulator runs.
 */
import type { Accumulation } from '../model/pane.js';
import type { Semantics } from '../model/semantics.js';

export type TimeDomain = 'event-time' | 'ingestion-time' | 'processing-time';
export type AggregateKind = 'count' | 'sum' | 'min' | 'max' | 'avg';
/** Spark's output modes: append (final rows once), update (changed rows each batch), complete (the whole table each batch). */
export type OutputMode = 'append' | 'update' | 'complete';

/** An event written out in a timeline or a file, key by name. */
export interface EventSpec {
  readonly key: string;
  readonly value: number;
  readonly eventTime: number;
  /** Partition of the source log; default 0. */
  readonly partition: number;
  /** For punctuated watermarks. */
  readonly marker?: boolean;
}

/** A step of a scripted timeline, like Beam's TestStream: at a processing time, add events or advance the watermark. */
export type TimelineStep =
  | { readonly at: number; readonly kind: 'events'; readonly events: readonly EventSpec[] }
  | { readonly at: number; readonly kind: 'watermark'; readonly watermark: number /* Infinity = end of time */ };

export type KeyDistribution =
  | { readonly type: 'uniform' }
  | { readonly type: 'zipf'; readonly exponent: number }
  /** One key (`k0`) gets `share` of the events (a ratio), the rest spread uniformly: WORKLOADS W7. */
  | { readonly type: 'hot-key'; readonly shareNumerator: number; readonly shareDenominator: number }
  /**
   * Keys active in turns, for sessions (WORKLOADS W4): during each period of event time only
   * `activeKeys` consecutive keys receive events, so each key sees a burst and then a long silence.
   */
  | { readonly type: 'rotating'; readonly activeKeys: number; readonly periodMs: number };

/** How arrival time relates to event time (the disorder model). Delays are added to the event time. */
export type Disorder =
  | { readonly type: 'none' }
  /** Uniform delay in [0, maxDelayMs). WORKLOADS: [0, 6000). */
  | { readonly type: 'uniform'; readonly maxDelayMs: number }
  /**
   * Heavy-tailed stragglers: most events are delayed uniformly in [0, baseDelayMs); a fraction
   * (a ratio) is delayed by a Pareto draw with scale baseDelayMs and shape `alpha`, capped at maxDelayMs.
   */
  | {
      readonly type: 'heavy-tailed';
      readonly baseDelayMs: number;
      readonly stragglerNumerator: number;
      readonly stragglerDenominator: number;
      readonly alpha: number;
      readonly maxDelayMs: number;
    };

export interface GeneratorSpec {
  readonly events: number;
  /** Events per second of event time, across all partitions. */
  readonly ratePerSec: number;
  /** Event time of the first event. */
  readonly startMs: number;
  readonly partitions: number;
  readonly keys: number;
  readonly keyDistribution: KeyDistribution;
  /** Values are integers uniform in [valueMin, valueMax). */
  readonly valueMin: number;
  readonly valueMax: number;
  /** Optional bursts: `onMs` of event time at `burstRatePerSec`, then `offMs` at the base rate. */
  readonly bursts?: { readonly onMs: number; readonly offMs: number; readonly burstRatePerSec: number };
  readonly disorder: Disorder;
  /** One partition whose events arrive `lagMs` later than the others (a slow broker, a lagging producer). */
  readonly laggingPartition?: { readonly partition: number; readonly lagMs: number };
  /** One partition that receives no events in [fromMs, untilMs) of event time (untilMs may be Infinity). */
  readonly idlePartition?: { readonly partition: number; readonly fromMs: number; readonly untilMs: number };
  /** Every n-th event of each partition is a punctuation marker. */
  readonly markerEvery?: number;
}

export type InputSpec =
  | { readonly kind: 'timeline'; readonly steps: readonly TimelineStep[]; readonly partitions: number }
  | { readonly kind: 'generator'; readonly generator: GeneratorSpec }
  /**
   * Events read from a JSONL or CSV file (the CLI reads the file; the simulator gets the rows).
   * Rows without an arrival time arrive at their event time, then `disorder` applies.
   */
  | {
      readonly kind: 'events';
      readonly file: string;
      readonly events: readonly (EventSpec & { readonly arrivalTime?: number })[];
      readonly partitions: number;
      readonly disorder: Disorder;
    };

export type WindowSpec =
  | { readonly type: 'tumbling'; readonly sizeMs: number; readonly offsetMs: number }
  | { readonly type: 'sliding'; readonly sizeMs: number; readonly everyMs: number; readonly offsetMs: number }
  | { readonly type: 'session'; readonly gapMs: number }
  | { readonly type: 'global' };

export type WatermarkSpec =
  /** The oracle: knows exactly when all data up to t has arrived (Streaming Systems' perfect watermark). */
  | { readonly type: 'perfect'; readonly intervalMs: number; readonly idleTimeoutMs?: number }
  /** Flink forBoundedOutOfOrderness(maxDelay), emitted every intervalMs of processing time (auto-watermark interval). */
  | { readonly type: 'bounded-out-of-orderness'; readonly maxDelayMs: number; readonly intervalMs: number; readonly idleTimeoutMs?: number }
  /** Flink forMonotonousTimestamps: bounded out-of-orderness with a bound of 0. */
  | { readonly type: 'monotonous'; readonly intervalMs: number; readonly idleTimeoutMs?: number }
  /** Emitted on marker events: the marker's event time minus maxDelayMs (Flink convention: minus 1 as well). */
  | { readonly type: 'punctuated'; readonly maxDelayMs: number; readonly idleTimeoutMs?: number }
  /** Heuristic: now minus the p-th percentile of the delays seen in the last `sample` events. */
  | { readonly type: 'percentile'; readonly percentile: number; readonly sample: number; readonly intervalMs: number; readonly idleTimeoutMs?: number }
  /** Only the timeline's watermark steps move it, like Beam's TestStream.advanceWatermarkTo. */
  | { readonly type: 'scripted' };

/** Early or late firings: after a processing-time delay from the first element in the pane, at aligned periods, or every n elements. */
export type FiringSpec =
  | { readonly type: 'after-first-element'; readonly delayMs: number }
  | { readonly type: 'aligned'; readonly everyMs: number }
  | { readonly type: 'count'; readonly count: number };

export interface TriggerSpec {
  readonly early?: FiringSpec;
  /** Late firings; default: every late element fires (count 1), as Flink's EventTimeTrigger and Beam's default trigger do. */
  readonly late: FiringSpec;
}

export interface PipelineSpec {
  /** value → value × multiply + add, before keying. */
  readonly map?: { readonly multiply: number; readonly add: number };
  /** Keep events whose value is in [valueMin, valueMax) and, if set, whose key's numeric suffix has this parity. */
  readonly filter?: { readonly valueMin?: number; readonly valueMax?: number; readonly keyParity?: 'even' | 'odd'; readonly keys?: readonly string[] };
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** What the scenario teaches, as a list of concepts (the SimPy examples' "Covers:"). */
  readonly covers: readonly string[];
  /** The story, told to the learner before the run. */
  readonly story: string;
  /** File the scenario came from, for error messages and the report. */
  readonly source: string;
  readonly seed: number;
  readonly semantics: Semantics;
  readonly timeDomain: TimeDomain;
  readonly input: InputSpec;
  readonly pipeline: PipelineSpec;
  readonly window: WindowSpec;
  readonly aggregate: AggregateKind;
  readonly watermark: WatermarkSpec;
  readonly trigger: TriggerSpec;
  readonly allowedLatenessMs: number;
  readonly accumulation: Accumulation;
  readonly lateData: 'drop' | 'side-output';
  readonly parallelism: { readonly source: number; readonly window: number };
  /** Latency of every network channel between tasks. */
  readonly channelDelayMs: number;
  /** Spark output mode (semantics spark only; complete needs the micro-batch engine). */
  readonly outputMode: OutputMode;
  /** Kafka Streams suppress(untilWindowCloses) (semantics kafka-streams only). */
  readonly suppress: boolean;
  /** Bound on scheduler steps; reaching it is an error. */
  readonly maxSteps: number;
  /** Checkpoints, the delivery guarantee, failures and savepoints. Absent: none of them (NO_FAULT_TOLERANCE). */
  readonly faultTolerance?: FaultToleranceSpec;
  /** Absent: the native engine. */
  readonly engine?: EngineSpec;
  /** Absent: zero cost everywhere. */
  readonly cost?: CostModel;
  /** Operator chaining: map and filter run inside the source task (Flink's default, and the default when absent) or as tasks of their own. */
  readonly chaining?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Fault tolerance (issue 3): checkpoints, delivery guarantees, failures, savepoints.

/**
 * Flink's checkpointing modes: aligned exactly-once (barriers aligned at multi-input operators),
 * unaligned (barriers overtake in-flight data, which is stored as state), and AT_LEAST_ONCE (no
 * alignment: records after a barrier on a fast input are processed before the snapshot, so state
 * can count them twice after recovery).
 */
export type CheckpointMode = 'aligned' | 'unaligned' | 'at-least-once';

export interface CheckpointSpec {
  readonly intervalMs: number;
  readonly mode: CheckpointMode;
  /** execution.checkpointing.aligned-checkpoint-timeout: an alignment longer than this switches to unaligned. */
  readonly alignedTimeoutMs?: number;
  /** execution.checkpointing.timeout (Flink default 10 min): a checkpoint not complete by then is aborted. */
  readonly timeoutMs: number;
  /** execution.checkpointing.max-concurrent-checkpoints (default 1). */
  readonly maxConcurrent: number;
  /** execution.checkpointing.min-pause (default 0): time between the end of one and the start of the next. */
  readonly minPauseMs: number;
}

export type DeliveryGuarantee = 'at-most-once' | 'at-least-once' | 'exactly-once';
/** plain: writes are visible at once and never undone; transactional: two-phase commit on checkpoints; idempotent: upsert by a deterministic key. */
export type SinkKind = 'plain' | 'transactional' | 'idempotent';
export type ReaderIsolation = 'read-committed' | 'read-uncommitted';

export interface DeliverySpec {
  readonly guarantee: DeliveryGuarantee;
  readonly sink: SinkKind;
  /** Readers of a transactional sink, shown side by side. */
  readonly readers: readonly ReaderIsolation[];
}

/** A task of the job graph: `source-0`, `window-2`. */
export interface TaskRef {
  readonly stage: 'source' | 'window';
  readonly index: number;
}

/** When a scripted fault strikes. */
export type FaultTrigger =
  | { readonly kind: 'at'; readonly atMs: number }
  /** Right after checkpoint n completes. */
  | { readonly kind: 'after-checkpoint'; readonly checkpoint: number }
  /** After the task has processed n records. */
  | { readonly kind: 'after-records'; readonly records: number };

export type FaultSpec =
  /** A task crashes; the job restarts from the latest completed checkpoint after the restart delay (full restart: one pipelined region). */
  | { readonly type: 'task-crash'; readonly task: TaskRef; readonly trigger: FaultTrigger; readonly restartDelayMs: number }
  /** The whole job fails (JobManager failover) and restarts from the latest completed checkpoint. */
  | { readonly type: 'job-failure'; readonly trigger: FaultTrigger; readonly restartDelayMs: number }
  /** A task runs `factor` times slower during [fromMs, untilMs). Needs the cost model to matter. */
  | { readonly type: 'slow-task'; readonly task: TaskRef; readonly fromMs: number; readonly untilMs: number; readonly factor: number }
  /**
   * A network fault on the channels into `to` (or all channels) during [fromMs, untilMs). Handled as
   * Flink's TCP transport would: delay and reorder add latency (TCP restores order), duplicates are
   * discarded by TCP, a drop breaks the connection and fails the receiving task.
   */
  | {
      readonly type: 'channel';
      readonly fault: 'delay' | 'drop' | 'duplicate' | 'reorder';
      readonly to?: TaskRef;
      readonly fromMs: number;
      readonly untilMs: number;
      readonly delayMs: number;
      readonly restartDelayMs: number;
    }
  /** A sink write fails: the task fails and the job restarts. */
  | { readonly type: 'sink-write-failure'; readonly task: TaskRef; readonly trigger: FaultTrigger; readonly restartDelayMs: number }
  /** Committing the transaction of checkpoint n fails: the job restarts and recommits it on recovery. */
  | { readonly type: 'sink-commit-failure'; readonly checkpoint: number; readonly restartDelayMs: number }
  /** A source partition cannot be read during [fromMs, untilMs). */
  | { readonly type: 'partition-outage'; readonly partition: number; readonly fromMs: number; readonly untilMs: number };

/** Faults drawn from the seed: `crashes` task crashes at times uniform in [fromMs, untilMs). */
export interface RandomFaultSpec {
  readonly crashes: number;
  readonly jobFailures: number;
  readonly fromMs: number;
  readonly untilMs: number;
  readonly restartDelayMs: number;
}

export interface FaultToleranceSpec {
  /** Absent: no checkpoints (a failure then loses all state). */
  readonly checkpoints?: CheckpointSpec;
  readonly delivery: DeliverySpec;
  readonly faults: readonly FaultSpec[];
  readonly randomFaults?: RandomFaultSpec;
  /** Processing times at which to take a savepoint. */
  readonly savepointsAtMs: readonly number[];
}

// ---------------------------------------------------------------------------------------------
// Engines and the cost model (issue 4).

export type EngineSpec =
  | { readonly type: 'native' }
  /**
   * Spark Structured Streaming's micro-batch execution: a trigger interval (0 = as fast as
   * possible), the watermark of batch N applied in batch N+1, output modes, and optional no-data
   * batches that advance the watermark when no data arrives.
   */
  | { readonly type: 'micro-batch'; readonly triggerIntervalMs: number; readonly noDataBatches: boolean };

/**
 * What work costs on the simulated machine. Absent from a scenario, every cost is zero (an
 * infinitely fast machine, so results show the semantics alone); `cost: {}` fills the defaults
 * (COST_DEFAULTS in defaults.ts; the YAML name of each knob is in brackets). Per-record costs are
 * microseconds; simulated time stays integer milliseconds, so a task carries the fraction of a
 * millisecond over to its next record (WorkMeter). A task's costs add up: it handles one record at
 * a time, so its throughput is 1 / (its cost per record), and a task slower than its input fills
 * its input channels and backpressures the tasks before it. How the native engine applies each
 * knob is in engines/native/costs.ts. Parallelism per operator is `parallelism` (source and window;
 * unchained filter and map tasks take the source's), and network latency per hop is `channelDelay`.
 */
export interface CostModel {
  /** [sourceRecord] Reading and deserialising one record at the source. Default 1 µs. */
  readonly sourceRecordUs: number;
  /** [operatorRecord] Each stateless operator (filter, map) per record, in whichever task runs it. Default 0.2 µs. */
  readonly operatorRecordUs: number;
  /** [window] The window aggregate per record, besides state access. Default 1 µs. */
  readonly windowRecordUs: number;
  /**
   * [serialization] Serialising a record on the sending side of a network hop, and again
   * deserialising it on the receiving side; none between chained operators. Default 0.5 µs.
   */
  readonly serializationUs: number;
  /** [sink] Writing one result at the sink. Default 1 µs. */
  readonly sinkRecordUs: number;
  /** [state.backend] Where window state lives: `memory` (a heap state backend, default) or `external` (a remote store). */
  readonly stateBackend: 'memory' | 'external';
  /**
   * [state.access] State access per record on the window task. Default 0.1 µs in memory, 1 ms
   * (EXTERNAL_STATE_ACCESS_US) for an external store, where it is the round trip and easily the
   * bottleneck of a stateful job.
   */
  readonly stateAccessUs: number;
  /**
   * [state.asyncConcurrency] Asynchronous I/O to the external store: requests in flight per task
   * (Flink AsyncDataStream capacity), which divides the round trip's share of the task's time;
   * default 1 = synchronous. Only with an external backend.
   */
  readonly asyncConcurrency: number;
  /** [buffer.records] A network buffer is sent when it holds this many records. Default 100. */
  readonly bufferRecords: number;
  /** [buffer.timeout] … or this long after its first record (Flink's execution.buffer-timeout, default 100 ms); 0 sends every record at once. */
  readonly bufferTimeoutMs: number;
  /**
   * [buffer.overhead] Sending one network buffer, whatever it holds (the network stack's work per
   * buffer), paid by the sending task. Full buffers share it among many records; a short buffer
   * timeout sends buffers of few records and pays it nearly per record: the throughput side of the
   * buffer timeout's trade-off. Default 10 µs.
   */
  readonly bufferOverheadUs: number;
  /** [channelCapacity] Credit: records a receiver holds per input channel; a full channel backpressures the sender. Default 1000. */
  readonly channelCapacity: number;
  /** [batchOverhead] Micro-batch: scheduling and planning overhead per batch. Default 50 ms. */
  readonly batchOverheadMs: number;
  /**
   * [snapshot] Checkpoint: time to snapshot state, per thousand state entries (open windows),
   * during which the task processes no records. Default 1 ms.
   */
  readonly snapshotMsPerThousand: number;
}

/** No checkpoints, a plain at-least-once-style sink that is never replayed into, no faults. */
export const NO_FAULT_TOLERANCE: FaultToleranceSpec = {
  delivery: { guarantee: 'at-most-once', sink: 'plain', readers: [] },
  faults: [],
  savepointsAtMs: [],
};
