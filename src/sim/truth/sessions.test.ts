import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Semantics } from '../model/semantics.js';
import { sessionize, touchPoints } from './sessions.js';

const at = (...ts: number[]) => ts.map((timestamp) => ({ timestamp }));
const windows = (ts: number[], gap: number, semantics: Semantics) =>
  sessionize(at(...ts), gap, semantics).map((s) => [s.window.start, s.window.end, s.items.length]);

describe('sessionize', () => {
  it('merges overlapping windows under every semantics: [first, last + gap)', () => {
    for (const semantics of ['flink', 'beam', 'spark'] as const) {
      assert.deepEqual(windows([0, 5, 9, 30], 10, semantics), [
        [0, 19, 3],
        [30, 40, 1],
      ]);
    }
  });

  it('merges touching windows in Flink ([0,10) and [10,20)) but not in Beam or Spark', () => {
    assert.deepEqual(windows([0, 10], 10, 'flink'), [[0, 20, 2]]);
    assert.deepEqual(windows([0, 10], 10, 'beam'), [
      [0, 10, 1],
      [10, 20, 1],
    ]);
    assert.deepEqual(windows([0, 10], 10, 'spark'), [
      [0, 10, 1],
      [10, 20, 1],
    ]);
  });

  it('keeps Kafka Streams sessions inclusive: a gap of exactly `gap` merges, written as [first, last + 1)', () => {
    assert.deepEqual(windows([0, 10, 21], 10, 'kafka-streams'), [
      [0, 11, 2],
      [21, 22, 1],
    ]);
    assert.deepEqual(windows([5], 10, 'kafka-streams'), [[5, 6, 1]]);
  });

  it('chains: each event extends the session from its own timestamp', () => {
    assert.deepEqual(windows([0, 9, 18, 27], 10, 'beam'), [[0, 37, 4]]);
    assert.deepEqual(windows([0, 10, 20], 10, 'kafka-streams'), [[0, 21, 3]]);
  });

  it('puts equal timestamps in one session', () => {
    assert.deepEqual(windows([4, 4, 4], 1, 'beam'), [[4, 5, 3]]);
  });

  it('refuses unsorted input and a non-positive gap', () => {
    assert.throws(() => sessionize(at(5, 1), 10, 'flink'), /sorted/);
    assert.throws(() => sessionize(at(1), 0, 'flink'), /gapMs/);
  });

  it('splits a Flink session only at a touch point it is asked to split', () => {
    const items = at(0, 10, 15, 25);
    assert.deepEqual(touchPoints(items, 10, 'flink').map((i) => i.timestamp), [10, 25]);
    assert.deepEqual(touchPoints(items, 10, 'beam'), []);
    const split = (keep: number[]) =>
      sessionize(items, 10, 'flink', (i) => keep.includes(i.timestamp)).map((s) => [s.window.start, s.window.end, s.items.length]);
    assert.deepEqual(split([]), [[0, 35, 4]]);
    assert.deepEqual(split([10]), [
      [0, 10, 1],
      [10, 35, 3],
    ]);
    // 15 is no touch point (it overlaps [10, 20)): asking to split there changes nothing.
    assert.deepEqual(split([15, 25]), [
      [0, 25, 3],
      [25, 35, 1],
    ]);
  });
});
