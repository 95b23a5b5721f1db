import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { compileKeyDistribution } from './key-distributions.js';

function histogram(counts: number, keyCount: number, draw: (i: number) => number): number[] {
  const seen = new Array<number>(keyCount).fill(0);
  for (let i = 0; i < counts; i++) {
    const k = draw(i);
    assert.ok(Number.isInteger(k) && k >= 0 && k < keyCount, `key ${k} out of range`);
    seen[k] = (seen[k] ?? 0) + 1;
  }
  return seen;
}

describe('key distributions', () => {
  it('uniform draws every key about equally often', () => {
    const chooser = compileKeyDistribution({ type: 'uniform' }, 10);
    const prng = new Prng(1);
    const seen = histogram(100_000, 10, () => chooser.choose(prng, 0));
    for (const n of seen) assert.ok(Math.abs(n - 10_000) < 600, `count ${n}`);
  });

  it('zipf makes k0 the most frequent and frequencies fall with rank, at the 1/(k+1)^s weights', () => {
    const keyCount = 100;
    const s = 1.2;
    const chooser = compileKeyDistribution({ type: 'zipf', exponent: s }, keyCount);
    const prng = new Prng(2);
    const draws = 200_000;
    const seen = histogram(draws, keyCount, () => chooser.choose(prng, 0));
    const counts = (k: number) => seen[k] ?? 0;
    assert.ok(counts(0) > counts(1) && counts(1) > counts(2) && counts(2) > counts(5) && counts(5) > counts(50));
    assert.equal(Math.max(...seen), counts(0));
    let total = 0;
    for (let k = 0; k < keyCount; k++) total += 1 / Math.pow(k + 1, s);
    for (const k of [0, 1, 9]) {
      const expected = draws / Math.pow(k + 1, s) / total;
      assert.ok(Math.abs(counts(k) - expected) < 0.05 * expected + 50, `k${k}: ${counts(k)} vs ${expected.toFixed(0)}`);
    }
  });

  it('zipf with a million keys is quick to build and to draw from', () => {
    const chooser = compileKeyDistribution({ type: 'zipf', exponent: 1 }, 1_000_000);
    const prng = new Prng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(chooser.choose(prng, 0));
    assert.ok(seen.has(0));
    assert.ok(seen.size > 10_000, 'the long tail is drawn from too');
  });

  it('hot-key gives k0 its share and spreads the rest over k1..K-1', () => {
    const chooser = compileKeyDistribution({ type: 'hot-key', shareNumerator: 1, shareDenominator: 5 }, 50);
    const prng = new Prng(4);
    const draws = 100_000;
    const seen = histogram(draws, 50, () => chooser.choose(prng, 0));
    const hot = seen[0] ?? 0;
    assert.ok(Math.abs(hot / draws - 0.2) < 0.01, `hot share ${hot / draws}`);
    const perColdKey = (draws - hot) / 49;
    for (let k = 1; k < 50; k++) assert.ok(Math.abs((seen[k] ?? 0) - perColdKey) < 0.15 * perColdKey, `k${k}`);
  });

  it('hot-key with one key always draws it', () => {
    const chooser = compileKeyDistribution({ type: 'hot-key', shareNumerator: 0, shareDenominator: 1 }, 1);
    const prng = new Prng(5);
    for (let i = 0; i < 100; i++) assert.equal(chooser.choose(prng, i), 0);
  });

  it('rotating draws only the active keys of each period, base = period × activeKeys mod K', () => {
    const keyCount = 10;
    const chooser = compileKeyDistribution({ type: 'rotating', activeKeys: 3, periodMs: 1000 }, keyCount);
    const prng = new Prng(6);
    for (let period = -2; period < 12; period++) {
      const base = (((period * 3) % keyCount) + keyCount) % keyCount;
      const allowed = new Set([base, (base + 1) % keyCount, (base + 2) % keyCount]);
      const seen = new Set<number>();
      for (let t = period * 1000; t < (period + 1) * 1000; t += 5) seen.add(chooser.choose(prng, t));
      assert.deepEqual(seen, allowed, `period ${period}`);
    }
  });

  it('rejects bad distributions with messages naming keyDistribution', () => {
    assert.throws(() => compileKeyDistribution({ type: 'zipf', exponent: -1 }, 10), /^Error: keyDistribution: zipf exponent/);
    assert.throws(() => compileKeyDistribution({ type: 'hot-key', shareNumerator: 3, shareDenominator: 2 }, 10), /^Error: keyDistribution: hot-key share/);
    assert.throws(() => compileKeyDistribution({ type: 'rotating', activeKeys: 11, periodMs: 10 }, 10), /^Error: keyDistribution: rotating activeKeys/);
    assert.throws(() => compileKeyDistribution({ type: 'rotating', activeKeys: 1, periodMs: 0 }, 10), /^Error: keyDistribution: rotating periodMs/);
    assert.throws(() => compileKeyDistribution({ type: 'uniform' }, 0), /^Error: keyDistribution: the key count/);
  });
});
