/**
 * The source side of a run: a partitioned, replayable log like a Kafka topic. Each partition is an
 * ordered sequence of entries with offsets 0, 1, 2 …, in append order; an entry becomes readable at
 * its append time. A cursor can be opened at any offset, which is how recovery rewinds a source.
 *
 * Generated logs stream: a cursor holds only the events generated but not yet appended (bounded by
 * the disorder model's largest delay), so memory does not grow with the number of events.
 */
import type { LogEntry } from '../model/record.js';
import type { KeyTable } from '../model/record.js';

export interface LogCursor {
  readonly partition: number;
  /** Offset of the next entry to read. */
  readonly offset: number;
  /** Append time of the next entry, or Infinity when the partition holds no more entries. */
  peekAppendTime(): number;
  /** Reads the next entry; only valid when peekAppendTime() is finite. */
  next(): LogEntry;
  /**
   * The smallest event time among the entries not yet read, Infinity when none remain. Only the
   * perfect (oracle) watermark may ask: it is knowledge no real source has.
   */
  minPendingEventTime(): number;
}

export interface PartitionedLog {
  readonly partitions: number;
  /** Names for the interned key ids the entries carry. */
  readonly keys: KeyTable;
  /** Opens a cursor at `fromOffset` (0 = the beginning). Cursors are independent of one another. */
  open(partition: number, fromOffset: number): LogCursor;
}

/** A watermark step of a scripted timeline: at processing time `at`, the watermark becomes `watermark`. */
export interface ScriptedWatermark {
  readonly at: number;
  readonly watermark: number;
}

/** What the input section of a scenario turns into. */
export interface BuiltInput {
  readonly log: PartitionedLog;
  readonly scriptedWatermarks: readonly ScriptedWatermark[];
}
