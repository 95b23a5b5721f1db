import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestRank, percentilesOf, prefixPercentiles } from './order-stats.js';

/** A small deterministic generator, so the test needs no seed plumbing. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % 1000) - 200;
}

test('nearest rank: p100 is the last, p50 of two is the first', () => {
  assert.equal(nearestRank(100, 7), 7);
  assert.equal(nearestRank(50, 2), 1);
  assert.equal(nearestRank(99, 100), 99);
  assert.equal(nearestRank(1, 1), 1);
});

test('every prefix has the percentiles of its sorted values', () => {
  const next = lcg(42);
  const values = Array.from({ length: 300 }, next);
  const prefix = prefixPercentiles(values);
  assert.equal(prefix.at(0), undefined);
  for (let k = 1; k <= values.length; k++) {
    assert.deepEqual(prefix.at(k), percentilesOf(values.slice(0, k)), `prefix ${k}`);
  }
});

test('percentiles are ordered and are samples', () => {
  const values = [5, 5, 1, 9, 3, 3, 3, 100];
  const p = prefixPercentiles(values).at(values.length);
  assert.ok(p !== undefined);
  assert.ok(p[50] <= p[90] && p[90] <= p[99] && p[99] <= p[100]);
  for (const v of [p[50], p[90], p[99], p[100]]) assert.ok(values.includes(v));
  assert.deepEqual(p, { 50: 3, 90: 100, 99: 100, 100: 100 });
});
