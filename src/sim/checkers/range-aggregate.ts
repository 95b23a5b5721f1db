/**
 * Count, sum, min and max over a range of positions, with point insertions: a segment tree over
 * the positions 0 … size − 1 (the sorted distinct timestamps of one key's events). Insert and query
 * are O(log size), so checking a session pane does not rescan the key's events.
 */
import { Accumulator } from '../truth/aggregate.js';

export class RangeAggregate {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(private readonly size: number) {
    // Iterative layout: leaves at [size, 2·size), the parent of node i at i >> 1.
    this.count = new Float64Array(2 * size);
    this.sum = new Float64Array(2 * size);
    this.min = new Float64Array(2 * size).fill(Infinity);
    this.max = new Float64Array(2 * size).fill(-Infinity);
  }

  add(position: number, value: number): void {
    if (!(position >= 0 && position < this.size)) throw new Error(`RangeAggregate.add: position ${position} outside [0, ${this.size})`);
    let node = position + this.size;
    this.count[node] = (this.count[node] ?? 0) + 1;
    this.sum[node] = (this.sum[node] ?? 0) + value;
    this.min[node] = Math.min(this.min[node] ?? Infinity, value);
    this.max[node] = Math.max(this.max[node] ?? -Infinity, value);
    for (node >>= 1; node >= 1; node >>= 1) this.pull(node);
  }

  /** The accumulator of every value inserted at a position in [from, to). */
  query(from: number, to: number): Accumulator {
    const acc = new Accumulator();
    let lo = Math.max(0, from) + this.size;
    let hi = Math.min(this.size, to) + this.size;
    while (lo < hi) {
      if (lo & 1) this.take(acc, lo++);
      if (hi & 1) this.take(acc, --hi);
      lo >>= 1;
      hi >>= 1;
    }
    return acc;
  }

  private pull(node: number): void {
    const l = 2 * node;
    const r = l + 1;
    this.count[node] = (this.count[l] ?? 0) + (this.count[r] ?? 0);
    this.sum[node] = (this.sum[l] ?? 0) + (this.sum[r] ?? 0);
    this.min[node] = Math.min(this.min[l] ?? Infinity, this.min[r] ?? Infinity);
    this.max[node] = Math.max(this.max[l] ?? -Infinity, this.max[r] ?? -Infinity);
  }

  private take(acc: Accumulator, node: number): void {
    acc.addParts(this.count[node] ?? 0, this.sum[node] ?? 0, this.min[node] ?? Infinity, this.max[node] ?? -Infinity);
  }
}

/** The first index i with sorted[i] >= value (sorted.length when none). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
