import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lowerBound } from './lower-bound.js';

describe('lowerBound', () => {
  it('finds the first index holding a value >= the one asked', () => {
    const sorted = [1, 3, 3, 7];
    assert.deepEqual([0, 1, 2, 3, 4, 7, 8].map((v) => lowerBound(sorted, v)), [0, 0, 1, 1, 3, 3, 4]);
  });

  it('answers 0 for an empty array', () => {
    assert.equal(lowerBound(new Float64Array(0), 5), 0);
  });
});
