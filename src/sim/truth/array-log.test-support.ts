/**
 * Test support: a minimal in-memory PartitionedLog over an array, and a scenario with every field
 * filled, so the truth and checker tests do not depend on the real sources or the scenario loader.
 */
import { KeyTable, type LogEntry } from '../model/record.js';
import { eventTime, procTime } from '../model/time.js';
import type { Scenario } from '../scenario/types.js';
import type { LogCursor, PartitionedLog } from '../sources/log.js';

export interface LogRow {
  readonly key: string;
  readonly value: number;
  readonly eventTime: number;
  /** Default: the event time (no disorder). */
  readonly appendTime?: number;
  /** Default 0. */
  readonly partition?: number;
}

class ArrayCursor implements LogCursor {
  constructor(
    private readonly entries: readonly LogEntry[],
    readonly partition: number,
    public offset: number,
  ) {}

  peekAppendTime(): number {
    return this.entries[this.offset]?.appendTime ?? Infinity;
  }

  next(): LogEntry {
    const entry = this.entries[this.offset];
    if (entry === undefined) throw new Error(`ArrayCursor: partition ${this.partition} has no entry at ${this.offset}`);
    this.offset += 1;
    return entry;
  }

  minPendingEventTime(): number {
    let min = Infinity;
    for (let i = this.offset; i < this.entries.length; i++) min = Math.min(min, this.entries[i]?.eventTime ?? Infinity);
    return min;
  }
}

/** Rows go to their partition in the order given; offsets count from 0 in each partition. */
export class ArrayLog implements PartitionedLog {
  readonly keys = new KeyTable();
  private readonly byPartition: LogEntry[][];

  constructor(rows: readonly LogRow[], readonly partitions = 1) {
    this.byPartition = Array.from({ length: partitions }, () => []);
    for (const row of rows) {
      const partition = row.partition ?? 0;
      const entries = this.byPartition[partition];
      if (entries === undefined) throw new Error(`ArrayLog: no partition ${partition}`);
      entries.push({
        partition,
        offset: entries.length,
        key: this.keys.intern(row.key),
        value: row.value,
        eventTime: eventTime(row.eventTime),
        appendTime: procTime(row.appendTime ?? row.eventTime),
      });
    }
  }

  open(partition: number, fromOffset: number): LogCursor {
    return new ArrayCursor(this.byPartition[partition] ?? [], partition, fromOffset);
  }
}

/** Flink, event time, tumbling 10 s windows, sum, accumulating; override what a test is about. */
export function testScenario(overrides: Partial<Scenario> = {}): Scenario {
  const base: Scenario = {
    name: 'test',
    description: 'a scenario built by a unit test',
    covers: [],
    story: '',
    source: 'test',
    seed: 1,
    semantics: 'flink',
    timeDomain: 'event-time',
    input: { kind: 'timeline', steps: [], partitions: 1 },
    pipeline: {},
    window: { type: 'tumbling', sizeMs: 10_000, offsetMs: 0 },
    aggregate: 'sum',
    watermark: { type: 'scripted' },
    trigger: { late: { type: 'count', count: 1 } },
    allowedLatenessMs: 0,
    accumulation: 'accumulating',
    lateData: 'drop',
    parallelism: { source: 1, window: 1 },
    channelDelayMs: 0,
    outputMode: 'append',
    suppress: false,
    maxSteps: 1_000_000,
  };
  return { ...base, ...overrides };
}
