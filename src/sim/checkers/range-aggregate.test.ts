import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate } from '../truth/aggregate.js';
import { lowerBound, RangeAggregate } from './range-aggregate.js';

/** A tiny deterministic LCG: the test needs variety, not quality, and src/sim may not call Math.random. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

describe('lowerBound', () => {
  it('finds the first index holding a value >= the one asked', () => {
    const sorted = [1, 3, 3, 7];
    assert.deepEqual([0, 1, 2, 3, 4, 7, 8].map((v) => lowerBound(sorted, v)), [0, 0, 1, 1, 3, 3, 4]);
  });
});

describe('RangeAggregate', () => {
  it('agrees with a direct aggregate over every range, as values arrive', () => {
    const next = lcg(7);
    const size = 23;
    const tree = new RangeAggregate(size);
    const inserted: [number, number][] = [];
    for (let step = 0; step < 200; step++) {
      const position = next() % size;
      const value = (next() % 201) - 100;
      tree.add(position, value);
      inserted.push([position, value]);
      const from = next() % (size + 1);
      const to = from + (next() % (size + 1 - from));
      const inRange = inserted.filter(([p]) => p >= from && p < to).map(([, v]) => v);
      const acc = tree.query(from, to);
      for (const kind of ['count', 'sum', 'min', 'max'] as const) {
        assert.equal(acc.result(kind), aggregate(kind, inRange), `${kind} over [${from}, ${to}) at step ${step}`);
      }
    }
  });

  it('refuses a position outside the tree', () => {
    assert.throws(() => new RangeAggregate(3).add(3, 1), /RangeAggregate.add/);
  });
});
