/**
 * The aggregate functions of a window (count, sum, min, max, avg) over a running accumulator.
 * An accumulator is four numbers, so panes can be combined (discarding panes add up; merged
 * sessions combine) without keeping the elements. avg is sum / count, computed only at output.
 */
import type { AggregateKind } from '../scenario/types.js';
import { assertNever } from '../kernel/assert.js';

export interface Acc {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptyAcc(): Acc {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity };
}

export function resetAcc(a: Acc): void {
  a.count = 0;
  a.sum = 0;
  a.min = Infinity;
  a.max = -Infinity;
}

export function addToAcc(a: Acc, value: number): void {
  a.count++;
  a.sum += value;
  if (value < a.min) a.min = value;
  if (value > a.max) a.max = value;
}

export function mergeAcc(into: Acc, from: Acc): void {
  into.count += from.count;
  into.sum += from.sum;
  if (from.min < into.min) into.min = from.min;
  if (from.max > into.max) into.max = from.max;
}

/**
 * The aggregate's value. For an empty accumulator, count and sum are 0 (Beam emits an empty
 * on-time pane with the combiner's identity) and min, max and avg have none: undefined.
 */
export function resultOf(kind: AggregateKind, a: Acc): number | undefined {
  switch (kind) {
    case 'count':
      return a.count;
    case 'sum':
      return a.sum;
    case 'min':
      return a.count === 0 ? undefined : a.min;
    case 'max':
      return a.count === 0 ? undefined : a.max;
    case 'avg':
      return a.count === 0 ? undefined : a.sum / a.count;
    default:
      return assertNever(kind, 'resultOf');
  }
}
