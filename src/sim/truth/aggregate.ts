/**
 * The aggregates a window can compute, from one running accumulator: count, sum, min, max, and avg,
 * which is sum / count computed exactly like that, once, at the end.
 */
import { assertNever } from '../kernel/assert.js';
import type { AggregateKind } from '../scenario/types.js';

export class Accumulator {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(value: number): this {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    return this;
  }

  /** Adds another accumulator's contents (the parts are what a segment-tree node holds). */
  addParts(count: number, sum: number, min: number, max: number): this {
    this.count += count;
    this.sum += sum;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    return this;
  }

  /**
   * The aggregate's value. Over no elements a count is 0 and a sum is 0 (Beam's empty pane: "a sum
   * of nothing is 0"); min, max and avg have no value, so null.
   */
  result(kind: AggregateKind): number | null {
    switch (kind) {
      case 'count':
        return this.count;
      case 'sum':
        return this.sum;
      case 'min':
        return this.count === 0 ? null : this.min;
      case 'max':
        return this.count === 0 ? null : this.max;
      case 'avg':
        return this.count === 0 ? null : this.sum / this.count;
      default:
        return assertNever(kind, 'Accumulator.result');
    }
  }
}

/** The aggregate of a list of values (null for min, max and avg of nothing). */
export function aggregate(kind: AggregateKind, values: Iterable<number>): number | null {
  const acc = new Accumulator();
  for (const v of values) acc.add(v);
  return acc.result(kind);
}
