/**
 * Spark's two write-ahead logs in a query's checkpoint location (MicroBatchExecution):
 * - the offset log (OffsetSeqLog) gets batch N's offset ranges and its metadata, including the
 *   watermark the batch applies (OffsetSeqMetadata.batchWatermarkMs), BEFORE the batch runs;
 * - the commit log (CommitLog) gets batch N AFTER its output is written, with the watermark the
 *   next batch applies (CommitMetadata.nextBatchWatermarkMs).
 * On restart, a batch in the offset log but not in the commit log is run again with exactly the
 * same offsets and watermark (populateStartOffsets); a committed batch is never run again.
 */
import type { OffsetRange } from '../../trace/events.js';

export interface OffsetLogEntry {
  readonly batch: number;
  readonly ranges: readonly OffsetRange[];
  /** The watermark this batch applies: late-data filtering and state eviction use it. */
  readonly watermark: number;
  /** The batch timestamp (Spark's batchTimestampMs): when it was planned; current_timestamp() in the batch. */
  readonly plannedAt: number;
}

export interface CommitLogEntry {
  readonly batch: number;
  readonly committedAt: number;
  /** CommitMetadata.nextBatchWatermarkMs: what the next batch applies. */
  readonly nextWatermark: number;
  /**
   * The watermark estimate of each partition at the commit. Spark keeps one global value; the
   * rule book's min combine (Flink-style per-split watermarks) needs the parts to resume them.
   */
  readonly partitionWatermarks: readonly number[];
}

export class OffsetLog {
  private readonly entries: OffsetLogEntry[] = [];

  write(entry: OffsetLogEntry): void {
    const last = this.latest();
    if (last !== undefined && entry.batch !== last.batch + 1) {
      throw new Error(`offset log: batch ${entry.batch} written after batch ${last.batch}; batch ids must follow one another`);
    }
    this.entries.push(entry);
  }

  latest(): OffsetLogEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get(batch: number): OffsetLogEntry | undefined {
    const first = this.entries[0];
    return first === undefined ? undefined : this.entries[batch - first.batch];
  }

  get size(): number {
    return this.entries.length;
  }
}

export class CommitLog {
  private last: CommitLogEntry | undefined;
  private count = 0;

  write(entry: CommitLogEntry): void {
    if (this.last !== undefined && entry.batch <= this.last.batch) {
      throw new Error(`commit log: batch ${entry.batch} committed after batch ${this.last.batch}; a committed batch is never run again`);
    }
    this.last = entry;
    this.count++;
  }

  latest(): CommitLogEntry | undefined {
    return this.last;
  }

  get size(): number {
    return this.count;
  }
}

/** The batch a restart must run again: planned (offset log) but not committed. */
export function uncommittedBatch(offsets: OffsetLog, commits: CommitLog): OffsetLogEntry | undefined {
  const planned = offsets.latest();
  if (planned === undefined) return undefined;
  const committed = commits.latest()?.batch ?? -1;
  return planned.batch > committed ? planned : undefined;
}

/** Where reading resumes after the batches in the offset log: the end of each partition's last range. */
export function endOffsets(offsets: OffsetLog, partitions: number): number[] {
  const ends = Array.from({ length: partitions }, () => 0);
  const last = offsets.latest();
  if (last !== undefined) for (const r of last.ranges) ends[r.partition] = r.to;
  return ends;
}
