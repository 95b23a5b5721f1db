/**
 * Stream slicing (Carbone et al., "Cutty: Aggregate Sharing for User-Defined Windows", CIKM 2016;
 * Traub et al., "Scotty: Efficient Window Aggregation for Out-of-Order Stream Processing", ICDE
 * 2018): instead of adding each element to the size / every sliding windows it belongs to (what
 * Flink's SlidingEventTimeWindows assigner does), the operator adds it once to the slice that holds
 * its timestamp, and a window's aggregate is the combination of its slices' partial aggregates when
 * it fires. count, sum, min, max and avg all have associative partials (aggregate.ts), so the
 * combination equals the per-window aggregate exactly (the same additions, in timestamp order of
 * slices rather than arrival order, which integer values and their sums do not notice).
 *
 * Slices are gcd(size, every) wide and aligned like the windows (every window boundary is a slice
 * boundary). One key's non-empty slices are kept sorted by start in one Float64Array, a record of
 * FIELDS numbers per slice, so that combining a window's slices reads contiguous memory.
 */
import type { Acc } from './aggregate.js';

/** What a window's slices combine to: its aggregate and the latest event and ingestion times behind it. */
export interface SliceTotal extends Acc {
  maxEventTime: number;
  maxIngestionTime: number;
}

const START = 0;
const COUNT = 1;
const SUM = 2;
const MIN = 3;
const MAX = 4;
const MAX_EVENT_TIME = 5;
const MAX_INGESTION_TIME = 6;
const FIELDS = 7;

export class KeySlices {
  private data = new Float64Array(8 * FIELDS);
  /** Slices live in records [head, head + length) of `data`. */
  private head = 0;
  length = 0;

  startAt(i: number): number {
    return this.data[(this.head + i) * FIELDS + START] as number;
  }

  /**
   * The index of the slice starting at `start`, or, when there is none, -(insertion point) - 1
   * (the convention of java.util.Arrays.binarySearch).
   */
  find(start: number): number {
    const d = this.data;
    // Out-of-order data mostly lands among the newest slices: walk back a few before bisecting
    // (the branches of a bisection mispredict, a short walk's do not).
    let hi = this.length - 1;
    const stop = Math.max(0, hi - 8);
    for (; hi >= stop; hi--) {
      const s = d[(this.head + hi) * FIELDS + START] as number;
      if (start > s) return -(hi + 1) - 1;
      if (start === s) return hi;
    }
    let lo = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.startAt(mid);
      if (s < start) lo = mid + 1;
      else if (s > start) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Inserts an empty slice starting at `start` at index `i` (from find). */
  insert(i: number, start: number): void {
    if ((this.head + this.length + 1) * FIELDS > this.data.length) this.makeRoom();
    const d = this.data;
    const at = (this.head + i) * FIELDS;
    // Most new slices are the newest: nothing to move then.
    if (i < this.length) d.copyWithin(at + FIELDS, at, (this.head + this.length) * FIELDS);
    d[at + START] = start;
    d[at + COUNT] = 0;
    d[at + SUM] = 0;
    d[at + MIN] = Infinity;
    d[at + MAX] = -Infinity;
    d[at + MAX_EVENT_TIME] = -Infinity;
    d[at + MAX_INGESTION_TIME] = -Infinity;
    this.length++;
  }

  add(i: number, value: number, eventTime: number, ingestionTime: number): void {
    const d = this.data;
    const at = (this.head + i) * FIELDS;
    d[at + COUNT] = (d[at + COUNT] as number) + 1;
    d[at + SUM] = (d[at + SUM] as number) + value;
    if (value < (d[at + MIN] as number)) d[at + MIN] = value;
    if (value > (d[at + MAX] as number)) d[at + MAX] = value;
    if (eventTime > (d[at + MAX_EVENT_TIME] as number)) d[at + MAX_EVENT_TIME] = eventTime;
    if (ingestionTime > (d[at + MAX_INGESTION_TIME] as number)) d[at + MAX_INGESTION_TIME] = ingestionTime;
  }

  /**
   * Combines the slices in [start, end) into `out` (which it resets first) and returns it. Without
   * `minMax`, min and max are left at their identities: a pane of count, sum or avg does not carry them.
   */
  combine(start: number, end: number, out: SliceTotal, minMax = true): SliceTotal {
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let maxEventTime = -Infinity;
    let maxIngestionTime = -Infinity;
    const d = this.data;
    const stop = (this.head + this.length) * FIELDS;
    // A firing window is among the oldest: its first slice is near the front.
    let first = this.head * FIELDS;
    while (first < stop && (d[first + START] as number) < start) first += FIELDS;
    for (let at = first; at < stop; at += FIELDS) {
      if ((d[at + START] as number) >= end) break;
      count += d[at + COUNT] as number;
      sum += d[at + SUM] as number;
      if (minMax) {
        const lo = d[at + MIN] as number;
        if (lo < min) min = lo;
        const hi = d[at + MAX] as number;
        if (hi > max) max = hi;
      }
      const et = d[at + MAX_EVENT_TIME] as number;
      if (et > maxEventTime) maxEventTime = et;
      const it = d[at + MAX_INGESTION_TIME] as number;
      if (it > maxIngestionTime) maxIngestionTime = it;
    }
    out.count = count;
    out.sum = sum;
    out.min = min;
    out.max = max;
    out.maxEventTime = maxEventTime;
    out.maxIngestionTime = maxIngestionTime;
    return out;
  }

  /** Drops the slices starting before `bound`: no live window covers them any more. */
  evictBefore(bound: number): void {
    while (this.length > 0 && this.startAt(0) < bound) {
      this.head++;
      this.length--;
    }
    if (this.length === 0) this.head = 0;
  }

  /** Moves the live records to the front, or doubles the buffer when they fill more than half of it. */
  private makeRoom(): void {
    const used = this.length * FIELDS;
    const d = used * 2 >= this.data.length ? new Float64Array(this.data.length * 2) : this.data;
    d.set(this.data.subarray(this.head * FIELDS, (this.head + this.length) * FIELDS));
    this.data = d;
    this.head = 0;
  }
}

export function emptySliceTotal(): SliceTotal {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity, maxEventTime: -Infinity, maxIngestionTime: -Infinity };
}
