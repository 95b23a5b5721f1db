/**
 * The trace: one typed, append-only log of everything a run did. The report, the checkers, the
 * terminal UI and the tests all read it; none of them reaches inside the engine.
 *
 * Every entry carries `at`, the processing time (simulated ms) when it happened. Entries are
 * appended in the order the simulation executed them, so equal `at` values keep causal order.
 */
import type { Pane } from '../model/pane.js';
import type { Window } from '../model/window.js';

/** Identifies an input event across the run: its position in the source log. */
export interface EventRef {
  readonly partition: number;
  readonly offset: number;
}

export type TraceEvent =
  /** The source task read an event from its partition (ingestion). */
  | {
      readonly type: 'event-ingested';
      readonly at: number;
      readonly task: number;
      readonly ref: EventRef;
      readonly key: string;
      readonly value: number;
      readonly eventTime: number;
      readonly appendTime: number;
    }
  /** The filter dropped it; it belongs to no window. */
  | { readonly type: 'event-filtered'; readonly at: number; readonly ref: EventRef }
  /** The window operator added the event (value after map) to a window of its key. */
  | {
      readonly type: 'event-windowed';
      readonly at: number;
      readonly task: number;
      readonly ref: EventRef;
      readonly key: string;
      readonly value: number;
      readonly timestamp: number;
      readonly window: Window;
      /** True when the window had already fired on time: a late but allowed element. */
      readonly late: boolean;
      readonly watermark: number;
    }
  /** The event was too late for this window: dropped, or sent to the side output. */
  | {
      readonly type: 'event-late';
      readonly at: number;
      readonly task: number;
      readonly ref: EventRef;
      readonly key: string;
      readonly value: number;
      readonly eventTime: number;
      readonly arrivedAt: number;
      readonly timestamp: number;
      readonly window: Window;
      readonly watermark: number;
      readonly disposition: 'dropped' | 'side-output';
    }
  /** A partition's, a source task's or an operator's watermark (or Kafka Streams' stream time) moved forward. */
  | {
      readonly type: 'watermark-advanced';
      readonly at: number;
      readonly scope: 'partition' | 'source' | 'operator';
      readonly id: number;
      readonly watermark: number;
      /** For an operator: the input channel (or partition) holding the minimum, if one does. */
      readonly heldBy?: number;
    }
  /** A partition went idle (no events for the idle timeout) or became active again (Flink withIdleness). */
  | { readonly type: 'partition-idle'; readonly at: number; readonly partition: number; readonly idle: boolean }
  /** Session windows of a key merged into one. */
  | { readonly type: 'windows-merged'; readonly at: number; readonly task: number; readonly key: string; readonly from: readonly Window[]; readonly into: Window }
  /** The window operator emitted a pane. */
  | { readonly type: 'pane-fired'; readonly at: number; readonly task: number; readonly pane: Pane; readonly watermark: number }
  /** The window's state was cleared (Flink: maxTimestamp + allowed lateness <= watermark). */
  | { readonly type: 'window-cleared'; readonly at: number; readonly task: number; readonly key: string; readonly window: Window; readonly watermark: number }
  /** A source finished its input and sent the end-of-input watermark. */
  | { readonly type: 'source-finished'; readonly at: number; readonly task: number }
  /** The checkpoint coordinator started checkpoint `id` (a savepoint when `savepoint`). */
  | { readonly type: 'checkpoint-triggered'; readonly at: number; readonly id: number; readonly savepoint: boolean }
  /** A source task recorded its offsets for checkpoint `id` and sent barrier `id` downstream. */
  | { readonly type: 'barrier-emitted'; readonly at: number; readonly id: number; readonly task: number; readonly offsets: readonly EventRef[] }
  /** Barrier `id` reached a window task on input `channel`; `blocked` when alignment holds that input back. */
  | { readonly type: 'barrier-received'; readonly at: number; readonly id: number; readonly task: number; readonly channel: number; readonly blocked: boolean }
  /** A window task snapshotted its state for checkpoint `id`. */
  | {
      readonly type: 'checkpoint-snapshot';
      readonly at: number;
      readonly id: number;
      readonly task: number;
      /** Time from the first barrier to the snapshot. */
      readonly alignmentMs: number;
      readonly windows: number;
      /** In-flight records stored with the snapshot (unaligned checkpoints). */
      readonly inFlightRecords: number;
      readonly unaligned: boolean;
    }
  | {
      readonly type: 'checkpoint-completed';
      readonly at: number;
      readonly id: number;
      readonly savepoint: boolean;
      readonly durationMs: number;
      readonly alignmentMs: number;
      readonly sizeBytes: number;
    }
  | { readonly type: 'checkpoint-aborted'; readonly at: number; readonly id: number; readonly reason: string }
  /** A fault struck (a crash, a job failure, a network fault, a slow task, a sink failure, a partition outage). */
  | { readonly type: 'fault'; readonly at: number; readonly fault: string; readonly task?: string; readonly detail: string }
  /** The job failed: every task is cancelled; what was in flight is lost. */
  | { readonly type: 'job-failed'; readonly at: number; readonly reason: string }
  /**
   * The job restarted. With a checkpoint, its state is restored and the sources rewind to its
   * offsets, so everything after them is replayed; without one (at-most-once), state starts empty
   * and the sources resume where they were.
   */
  | {
      readonly type: 'job-restarted';
      readonly at: number;
      readonly fromCheckpoint: number | null;
      readonly offsets: readonly EventRef[];
      readonly restoredWindows: number;
      readonly inFlightRecords: number;
    }
  | { readonly type: 'transaction-committed'; readonly at: number; readonly task: number; readonly txn: number; readonly checkpoint: number }
  | { readonly type: 'transaction-aborted'; readonly at: number; readonly task: number; readonly txn: number }
  /** A savepoint completed; its state is in the run result. */
  | { readonly type: 'savepoint-taken'; readonly at: number; readonly id: number }
  /**
   * A task is blocked on a full output channel (credit-based backpressure), or free again: a source
   * task, or with `stage` an unchained filter or map task (chaining off) with that subtask index.
   */
  | {
      readonly type: 'backpressure';
      readonly at: number;
      readonly task: number;
      readonly stage?: 'filter' | 'map';
      readonly blocked: boolean;
      readonly channel: number;
    }
  /**
   * Micro-batch engine: batch `batch` was planned and its offset log entry written before it runs
   * (Spark's write-ahead OffsetSeqLog): per partition the range [from, to) it reads, and the
   * watermark it applies (computed at the end of the batch before). `rerun` when a restart runs a
   * planned batch again with the same offsets; `noData` for a batch that reads nothing and runs to
   * move the watermark or evict state (spark.sql.streaming.noDataMicroBatches.enabled).
   */
  | {
      readonly type: 'batch-planned';
      readonly at: number;
      readonly batch: number;
      readonly offsets: readonly OffsetRange[];
      readonly watermark: number;
      readonly noData: boolean;
      readonly rerun: boolean;
    }
  /** Micro-batch engine: batch `batch` wrote its output and its commit log entry (Spark's CommitLog). */
  | {
      readonly type: 'batch-committed';
      readonly at: number;
      readonly batch: number;
      /** From planning to commit: scheduling overhead plus the slowest task of each stage. */
      readonly durationMs: number;
      readonly records: number;
      readonly panes: number;
      /** The watermark computed at the end of this batch, which the next batch applies. */
      readonly nextWatermark: number;
    };

/** The offsets a micro-batch reads from one partition: [from, to). */
export interface OffsetRange {
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

export type TraceEventType = TraceEvent['type'];

/** Where the engine writes its trace. A run for a report keeps every entry; a benchmark keeps none. */
export interface TraceSink {
  /** False when entries would be thrown away, so the engine can skip building them on the hot path. */
  readonly detailed: boolean;
  emit(event: TraceEvent): void;
}

export class ArrayTrace implements TraceSink {
  readonly detailed = true;
  readonly events: TraceEvent[] = [];
  emit(event: TraceEvent): void {
    this.events.push(event);
  }
}

/** Keeps nothing: the benchmark sink. Panes still reach the sink operator's own collector. */
export class NullTrace implements TraceSink {
  readonly detailed = false;
  emit(_event: TraceEvent): void {}
}
