import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Accumulator, aggregate } from './aggregate.js';

describe('aggregate', () => {
  const values = [5, 8, 3, 15];

  it('computes count, sum, min, max and avg = sum / count', () => {
    assert.equal(aggregate('count', values), 4);
    assert.equal(aggregate('sum', values), 31);
    assert.equal(aggregate('min', values), 3);
    assert.equal(aggregate('max', values), 15);
    assert.equal(aggregate('avg', values), 31 / 4);
  });

  it('gives 0 for count and sum of nothing, and no value for min, max, avg', () => {
    assert.equal(aggregate('count', []), 0);
    assert.equal(aggregate('sum', []), 0);
    assert.equal(aggregate('min', []), null);
    assert.equal(aggregate('max', []), null);
    assert.equal(aggregate('avg', []), null);
  });

  it('handles negative values for min and max', () => {
    assert.equal(aggregate('max', [-7, -3]), -3);
    assert.equal(aggregate('min', [-7, -3]), -7);
  });

  it('combines accumulators part by part', () => {
    const a = new Accumulator().add(1).add(9);
    a.addParts(2, 5, 0, 4);
    assert.deepEqual([a.count, a.sum, a.min, a.max], [4, 15, 0, 9]);
  });
});
