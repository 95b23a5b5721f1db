/**
 * Plans the offset range of each micro-batch, as Spark's KafkaMicroBatchStream does: at planning
 * time it asks each partition for its latest offset, and the batch reads everything from where the
 * previous batch stopped up to there, [from, to). (maxOffsetsPerTrigger is not modelled: a batch
 * takes everything available.) A partition in an outage cannot be asked, so its range is empty and
 * its data waits for a later batch.
 *
 * The planner reads the planned entries off the log as it plans (the log is replayable, so this is
 * only bookkeeping); a rerun after a failure reads its ranges again from fresh cursors.
 */
import type { LogEntry } from '../../model/record.js';
import type { LogCursor, PartitionedLog } from '../../sources/log.js';
import type { OffsetRange } from '../../trace/events.js';

export interface PlannedBatch {
  readonly ranges: readonly OffsetRange[];
  /** The entries in the ranges, in append order across partitions (ties by partition). */
  readonly entries: readonly LogEntry[];
}

export class BatchPlanner {
  private readonly cursors: LogCursor[];
  /** A partition outage: the partition cannot be read until this time. */
  readonly outageUntil: number[];

  constructor(private readonly log: PartitionedLog, startOffsets: readonly number[]) {
    this.cursors = Array.from({ length: log.partitions }, (_, p) => log.open(p, startOffsets[p] ?? 0));
    this.outageUntil = Array.from({ length: log.partitions }, () => 0);
  }

  /** The cursor of partition p, at the first offset no batch has planned yet. */
  cursor(p: number): LogCursor {
    return this.cursors[p] as LogCursor;
  }

  /** Everything appended by `now` that no batch has planned yet. */
  plan(now: number): PlannedBatch {
    const ranges: OffsetRange[] = [];
    const perPartition: LogEntry[][] = [];
    for (let partition = 0; partition < this.cursors.length; partition++) {
      const cursor = this.cursors[partition] as LogCursor;
      const from = cursor.offset;
      const taken: LogEntry[] = [];
      if ((this.outageUntil[partition] as number) <= now) {
        while (cursor.peekAppendTime() <= now) taken.push(cursor.next());
      }
      perPartition.push(taken);
      ranges.push({ partition, from, to: cursor.offset });
    }
    return { ranges, entries: inAppendOrder(perPartition) };
  }

  /** When the earliest entry not yet planned becomes readable; Infinity when none remains. */
  nextAvailableAt(): number {
    let at = Infinity;
    this.cursors.forEach((c, p) => {
      const t = c.peekAppendTime();
      if (t !== Infinity) at = Math.min(at, Math.max(t, this.outageUntil[p] as number));
    });
    return at;
  }

  /** True when partition p holds nothing more to plan. */
  exhausted(p: number): boolean {
    return this.cursor(p).peekAppendTime() === Infinity;
  }

  /** Reads a planned batch's ranges again, for a rerun after a failure. */
  reread(ranges: readonly OffsetRange[]): PlannedBatch {
    const perPartition = ranges.map((r) => {
      const cursor = this.log.open(r.partition, r.from);
      const taken: LogEntry[] = [];
      while (cursor.offset < r.to) taken.push(cursor.next());
      return taken;
    });
    return { ranges, entries: inAppendOrder(perPartition) };
  }
}

/** Merges per-partition lists (each in append order) by append time, ties by partition. */
export function inAppendOrder(perPartition: readonly (readonly LogEntry[])[]): readonly LogEntry[] {
  const nonEmpty = perPartition.filter((l) => l.length > 0);
  // One partition with data: its list is the order already (lists are never changed after planning).
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const out: LogEntry[] = [];
  const at = perPartition.map(() => 0);
  for (;;) {
    let pick = -1;
    let pickTime = Infinity;
    perPartition.forEach((l, p) => {
      const e = l[at[p] as number];
      if (e !== undefined && e.appendTime < pickTime) {
        pickTime = e.appendTime;
        pick = p;
      }
    });
    if (pick < 0) return out;
    out.push((perPartition[pick] as readonly LogEntry[])[at[pick] as number] as LogEntry);
    at[pick] = (at[pick] as number) + 1;
  }
}
