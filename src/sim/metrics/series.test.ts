import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketEnd, bucketOf, gridOver, niceStepMs, rateSeries } from './series.js';

test('nice steps are 1, 2 or 5 times a power of ten, and never below what is asked', () => {
  assert.deepEqual([0, 1, 2, 3, 6, 11, 99, 101, 4999].map(niceStepMs), [1, 1, 2, 5, 10, 20, 100, 200, 5000]);
});

test('a grid covers the span in at most maxPoints buckets', () => {
  for (const [from, to, max] of [
    [0, 0, 10],
    [5, 1004, 10],
    [0, 123_456, 120],
    [1000, 1001, 120],
  ] as const) {
    const g = gridOver(from, to, max);
    assert.ok(g.count >= 1 && g.count <= max, JSON.stringify(g));
    assert.equal(g.startMs, from);
    assert.ok(bucketEnd(g, g.count - 1) > to, 'the last bucket reaches the end');
    assert.equal(bucketOf(g, from), 0);
    assert.equal(bucketOf(g, to), g.count - 1);
  }
});

test('rates are per simulated second', () => {
  const g = gridOver(0, 999, 2); // two buckets of 500 ms
  assert.equal(g.stepMs, 500);
  assert.deepEqual(rateSeries(g, [5, 10]).values, [10, 20]);
});

test('bad maxPoints is refused with the function name', () => {
  assert.throws(() => gridOver(0, 10, 0), /gridOver: maxPoints/);
});
