/**
 * Key distributions of a generator. Each is compiled once per log into a `KeyChooser` that holds no
 * per-cursor state: the cursor passes its own key stream, so two cursors on one partition draw the
 * same keys and precomputed tables (the zipf CDF) are shared rather than rebuilt per cursor.
 */
import { assertNever } from '../kernel/assert.js';
import type { Prng, Ratio } from '../kernel/prng.js';
import type { KeyDistribution } from '../scenario/types.js';

/** Draws a key index in [0, keyCount) for an event with the given event time. */
export interface KeyChooser {
  choose(prng: Prng, eventTimeMs: number): number;
}

class UniformKeys implements KeyChooser {
  constructor(private readonly keyCount: number) {}

  choose(prng: Prng): number {
    return prng.int(0, this.keyCount);
  }
}

/**
 * Zipf: key k has weight 1/(k+1)^s, so k0 is the most frequent. The cumulative weights are
 * precomputed once (O(K)) and each draw is a binary search (O(log K)).
 */
class ZipfKeys implements KeyChooser {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(keyCount: number, exponent: number) {
    const cumulative = new Float64Array(keyCount);
    let sum = 0;
    for (let k = 0; k < keyCount; k++) {
      sum += 1 / Math.pow(k + 1, exponent);
      cumulative[k] = sum;
    }
    this.cumulative = cumulative;
    this.total = sum;
  }

  choose(prng: Prng): number {
    const cumulative = this.cumulative;
    const u = prng.nextFloat() * this.total;
    // The first k whose cumulative weight exceeds u.
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Key 0 gets `share` of the events; the others spread uniformly over keys 1..K-1 (WORKLOADS W7). */
class HotKey implements KeyChooser {
  constructor(
    private readonly keyCount: number,
    private readonly share: Ratio,
  ) {}

  choose(prng: Prng): number {
    if (this.keyCount === 1 || prng.chance(this.share)) return 0;
    return prng.int(1, this.keyCount);
  }
}

/**
 * During period floor(t / periodMs) only keys [base, base + activeKeys) mod K are drawn, with
 * base = period × activeKeys mod K, so each key sees a burst and then a silence (WORKLOADS W4).
 */
class RotatingKeys implements KeyChooser {
  constructor(
    private readonly keyCount: number,
    private readonly activeKeys: number,
    private readonly periodMs: number,
  ) {}

  choose(prng: Prng, eventTimeMs: number): number {
    const k = this.keyCount;
    const period = Math.floor(eventTimeMs / this.periodMs);
    // Event times before 0 give negative periods; the double modulo keeps the base in [0, K).
    const base = (((period % k) * this.activeKeys) % k + k) % k;
    return (base + prng.int(0, this.activeKeys)) % k;
  }
}

function isPositiveInteger(x: number): boolean {
  return Number.isInteger(x) && x > 0;
}

function hotKeyShare(numerator: number, denominator: number): Ratio {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0 || numerator > denominator) {
    throw new Error(`keyDistribution: hot-key share must be a ratio of integers in [0, 1], got ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
}

/** Validates `distribution` against `keyCount` keys and compiles it. */
export function compileKeyDistribution(distribution: KeyDistribution, keyCount: number): KeyChooser {
  if (!isPositiveInteger(keyCount)) throw new Error(`keyDistribution: the key count must be a positive integer, got ${keyCount}`);
  switch (distribution.type) {
    case 'uniform':
      return new UniformKeys(keyCount);
    case 'zipf': {
      const s = distribution.exponent;
      if (!Number.isFinite(s) || s < 0) throw new Error(`keyDistribution: zipf exponent must be a non-negative number, got ${s}`);
      return new ZipfKeys(keyCount, s);
    }
    case 'hot-key':
      return new HotKey(keyCount, hotKeyShare(distribution.shareNumerator, distribution.shareDenominator));
    case 'rotating': {
      const { activeKeys, periodMs } = distribution;
      if (!isPositiveInteger(activeKeys) || activeKeys > keyCount) {
        throw new Error(`keyDistribution: rotating activeKeys must be an integer in [1, ${keyCount}], got ${activeKeys}`);
      }
      if (!isPositiveInteger(periodMs)) throw new Error(`keyDistribution: rotating periodMs must be a positive integer, got ${periodMs}`);
      return new RotatingKeys(keyCount, activeKeys, periodMs);
    }
    default:
      return assertNever(distribution, 'keyDistribution');
  }
}
