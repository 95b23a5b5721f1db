/**
 * A materialized log: a PartitionedLog over a finite list of entries held in memory, for timelines
 * and event files. Each partition orders its entries by append time, equal append times in the
 * order they were given (a stable sort), and numbers them 0 … n-1.
 */
import type { KeyTable, LogEntry } from '../model/record.js';
import type { EventTime, ProcTime } from '../model/time.js';
import type { LogCursor, PartitionedLog } from './log.js';

/** An entry before it has a place in the log: its offset is assigned by the append order. */
export interface UnplacedEntry {
  readonly partition: number;
  /** An id interned in the log's KeyTable. */
  readonly key: number;
  readonly value: number;
  readonly eventTime: number;
  readonly appendTime: number;
  readonly marker?: boolean;
}

/** One partition: its entries in append order, and suffix minima of their event times. */
interface Partition {
  readonly entries: readonly LogEntry[];
  /** minEventTime[i] = min eventTime of entries[i…], with minEventTime[n] = Infinity. */
  readonly minEventTime: Float64Array;
}

class MaterializedLogCursor implements LogCursor {
  private position: number;

  constructor(
    private readonly source: Partition,
    readonly partition: number,
    fromOffset: number,
  ) {
    this.position = fromOffset;
  }

  get offset(): number {
    return this.position;
  }

  peekAppendTime(): number {
    const entry = this.source.entries[this.position];
    return entry === undefined ? Infinity : entry.appendTime;
  }

  next(): LogEntry {
    const entry = this.source.entries[this.position];
    if (entry === undefined) {
      throw new Error(`MaterializedLog: partition ${this.partition} has no entry at offset ${this.position}; check peekAppendTime() first`);
    }
    this.position++;
    return entry;
  }

  /** O(1): the precomputed suffix minimum from the next unread offset. */
  minPendingEventTime(): number {
    return this.source.minEventTime[this.position] ?? Infinity;
  }
}

function checkEntry(entry: UnplacedEntry, i: number, partitions: number): void {
  const p = entry.partition;
  if (!Number.isInteger(p) || p < 0 || p >= partitions) {
    throw new Error(`MaterializedLog: entry ${i} has partition ${p}, but the log has partitions 0 … ${partitions - 1}`);
  }
  if (!Number.isInteger(entry.eventTime)) throw new Error(`MaterializedLog: entry ${i} has eventTime ${entry.eventTime}, not an integer`);
  if (!Number.isInteger(entry.appendTime)) throw new Error(`MaterializedLog: entry ${i} has appendTime ${entry.appendTime}, not an integer`);
}

/** Stable by construction: ties on append time keep the given order (the `order` field). */
function placePartition(partition: number, unplaced: readonly { readonly entry: UnplacedEntry; readonly order: number }[]): Partition {
  const sorted = [...unplaced].sort((a, b) => a.entry.appendTime - b.entry.appendTime || a.order - b.order);
  const entries: LogEntry[] = sorted.map(({ entry }, offset) => ({
    partition,
    offset,
    key: entry.key,
    value: entry.value,
    eventTime: entry.eventTime as EventTime,
    appendTime: entry.appendTime as ProcTime,
    marker: entry.marker === true,
  }));
  const minEventTime = new Float64Array(entries.length + 1);
  minEventTime[entries.length] = Infinity;
  for (let i = entries.length - 1; i >= 0; i--) {
    minEventTime[i] = Math.min((entries[i] as LogEntry).eventTime, minEventTime[i + 1] as number);
  }
  return { entries, minEventTime };
}

export class MaterializedLog implements PartitionedLog {
  private readonly byPartition: readonly Partition[];

  constructor(
    readonly partitions: number,
    readonly keys: KeyTable,
    entries: readonly UnplacedEntry[],
  ) {
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new Error(`MaterializedLog: partitions must be a positive integer, got ${partitions}`);
    }
    const grouped = Array.from({ length: partitions }, () => [] as { entry: UnplacedEntry; order: number }[]);
    entries.forEach((entry, order) => {
      checkEntry(entry, order, partitions);
      grouped[entry.partition]?.push({ entry, order });
    });
    this.byPartition = grouped.map((unplaced, p) => placePartition(p, unplaced));
  }

  /** Number of entries in `partition`. */
  size(partition: number): number {
    return this.partitionAt(partition, 'size').entries.length;
  }

  open(partition: number, fromOffset: number): LogCursor {
    const source = this.partitionAt(partition, 'open');
    if (!Number.isInteger(fromOffset) || fromOffset < 0 || fromOffset > source.entries.length) {
      throw new Error(`MaterializedLog.open: fromOffset must be an integer in [0, ${source.entries.length}] for partition ${partition}, got ${fromOffset}`);
    }
    return new MaterializedLogCursor(source, partition, fromOffset);
  }

  private partitionAt(partition: number, method: string): Partition {
    const source = Number.isInteger(partition) ? this.byPartition[partition] : undefined;
    if (source === undefined) {
      throw new Error(`MaterializedLog.${method}: partition must be an integer in [0, ${this.partitions}), got ${partition}`);
    }
    return source;
  }
}
