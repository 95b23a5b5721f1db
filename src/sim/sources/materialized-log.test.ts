import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { KeyTable, type LogEntry } from '../model/record.js';
import { MaterializedLog, type UnplacedEntry } from './materialized-log.js';
import type { LogCursor } from './log.js';

function readAll(cursor: LogCursor): LogEntry[] {
  const entries: LogEntry[] = [];
  while (cursor.peekAppendTime() !== Infinity) entries.push(cursor.next());
  return entries;
}

const entry = (partition: number, value: number, eventTime: number, appendTime: number): UnplacedEntry => ({ partition, key: 0, value, eventTime, appendTime });

describe('MaterializedLog', () => {
  it('orders each partition by append time, ties in the given order, with offsets 0..n-1', () => {
    const log = new MaterializedLog(2, new KeyTable(), [
      entry(0, 1, 10, 30),
      entry(1, 2, 11, 5),
      entry(0, 3, 12, 20),
      entry(0, 4, 13, 30),
      entry(0, 5, 14, 20),
      entry(1, 6, 15, 5),
    ]);
    const p0 = readAll(log.open(0, 0));
    assert.deepEqual(p0.map((e) => e.value), [3, 5, 1, 4]);
    assert.deepEqual(p0.map((e) => e.offset), [0, 1, 2, 3]);
    assert.ok(p0.every((e) => e.partition === 0));
    assert.deepEqual(readAll(log.open(1, 0)).map((e) => e.value), [2, 6]);
    assert.equal(log.size(0), 4);
  });

  it('opens at an offset, and at the end', () => {
    const log = new MaterializedLog(1, new KeyTable(), [entry(0, 1, 0, 3), entry(0, 2, 0, 1), entry(0, 3, 0, 2)]);
    const cursor = log.open(0, 1);
    assert.equal(cursor.offset, 1);
    assert.deepEqual(readAll(cursor).map((e) => e.value), [3, 1]);
    assert.equal(cursor.offset, 3);
    const atEnd = log.open(0, 3);
    assert.equal(atEnd.peekAppendTime(), Infinity);
    assert.equal(atEnd.minPendingEventTime(), Infinity);
    assert.throws(() => atEnd.next(), /MaterializedLog: partition 0 has no entry at offset 3/);
  });

  it('answers minPendingEventTime as a brute-force minimum over the unread entries', () => {
    const prng = new Prng(9);
    const entries = Array.from({ length: 300 }, (_, i) => entry(prng.int(0, 2), i, prng.int(0, 1000), prng.int(0, 1000)));
    const log = new MaterializedLog(2, new KeyTable(), entries);
    for (let p = 0; p < 2; p++) {
      const all = readAll(log.open(p, 0));
      const cursor = log.open(p, 0);
      for (let i = 0; i <= all.length; i++) {
        assert.equal(cursor.minPendingEventTime(), Math.min(...all.slice(i).map((e) => e.eventTime)), `partition ${p} offset ${i}`);
        if (i < all.length) cursor.next();
      }
    }
  });

  it('rejects entries and opens that do not fit, naming MaterializedLog', () => {
    assert.throws(() => new MaterializedLog(2, new KeyTable(), [entry(2, 0, 0, 0)]), /^Error: MaterializedLog: entry 0 has partition 2, but the log has partitions 0 … 1$/);
    assert.throws(() => new MaterializedLog(1, new KeyTable(), [entry(0, 0, 0.5, 0)]), /MaterializedLog: entry 0 has eventTime 0.5/);
    assert.throws(() => new MaterializedLog(0, new KeyTable(), []), /MaterializedLog: partitions must be a positive integer/);
    const log = new MaterializedLog(1, new KeyTable(), [entry(0, 0, 0, 0)]);
    assert.throws(() => log.open(1, 0), /^Error: MaterializedLog.open: partition must be an integer in \[0, 1\), got 1$/);
    assert.throws(() => log.open(0, 2), /^Error: MaterializedLog.open: fromOffset must be an integer in \[0, 1\] for partition 0, got 2$/);
  });
});
