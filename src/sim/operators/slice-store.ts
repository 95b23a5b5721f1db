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
 *
 * A key's windows fire in start order, each one slide after the previous: `slide` answers them in
 * amortized constant time with the two-stacks scheme of sliding-window aggregation (Tangwongsan et
 * al., "General Incremental Sliding-Window Aggregation", VLDB 2015): below a cut, every slice keeps
 * the aggregate of itself and the slices after it up to the cut (a suffix); above it, one running
 * aggregate grows as windows end later (the prefix). A window straddling the cut is suffix ⊕ prefix;
 * when windows have moved past the cut, the suffixes are rebuilt up to the new window's end. Out of
 * order elements update what already covers them: the prefix, or the suffixes at or before their
 * slice (rare: an element below the cut is older than a window that already fired).
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
/** The suffix aggregate (see slide), valid for slices below the cut. */
const SUFFIX = 7;
const FIELDS = 13;

export class KeySlices {
  private data = new Float64Array(8 * FIELDS);
  /** Slices live in records [head, head + length) of `data`. */
  private head = 0;
  length = 0;
  /** slide's cut: slices below it have suffixes (NaN: none yet); the prefix covers [cut, prefixEnd). */
  private cut = NaN;
  private prefixEnd = NaN;
  /**
   * The index of the first slice at or after prefixEnd, kept as slices come and go, so a slide
   * starts folding there without searching (a search read the far end of the key's slices: a
   * cache miss per window fired, when every firing visits another key).
   */
  private prefixAt = 0;
  /**
   * The prefix aggregate, as fields of this object rather than a small array of its own: a firing
   * visits another key's slices each time, and one object less is one cache miss less per window.
   */
  private pCount = 0;
  private pSum = 0;
  private pMin = Infinity;
  private pMax = -Infinity;
  private pMaxEventTime = -Infinity;
  private pMaxIngestionTime = -Infinity;

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
    // An empty slice below the cut: its suffix is the next slice's, or empty when the cut is next.
    const next = at + FIELDS;
    if (start < this.cut && i < this.length && (d[next + START] as number) < this.cut) d.copyWithin(at + SUFFIX, next + SUFFIX, next + SUFFIX + 6);
    else clear(d, at + SUFFIX);
    this.length++;
    if (start < this.prefixEnd) this.prefixAt++;
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
    // What slide keeps already covering this slice takes the element too.
    const x = d[at + START] as number;
    if (x < this.cut) {
      for (let j = this.head * FIELDS; j <= at; j += FIELDS) foldElement(d, j + SUFFIX, value, eventTime, ingestionTime);
    } else if (x < this.prefixEnd) {
      this.pCount++;
      this.pSum += value;
      if (value < this.pMin) this.pMin = value;
      if (value > this.pMax) this.pMax = value;
      if (eventTime > this.pMaxEventTime) this.pMaxEventTime = eventTime;
      if (ingestionTime > this.pMaxIngestionTime) this.pMaxIngestionTime = ingestionTime;
    }
  }

  /**
   * The window [start, end) combined, like combine, in amortized constant time when the key's
   * windows come in start order (see the file comment).
   */
  slide(start: number, end: number, out: SliceTotal): SliceTotal {
    // NaN compares false: no cut yet.
    if (!(this.cut >= start && this.cut <= end && this.prefixEnd <= end)) this.rebuild(start, end);
    const d = this.data;
    const stop = (this.head + this.length) * FIELDS;
    let i = this.prefixAt;
    for (let at = (this.head + i) * FIELDS; at < stop && (d[at + START] as number) < end; at += FIELDS, i++) {
      this.pCount += d[at + COUNT] as number;
      this.pSum += d[at + SUM] as number;
      this.pMin = Math.min(this.pMin, d[at + MIN] as number);
      this.pMax = Math.max(this.pMax, d[at + MAX] as number);
      this.pMaxEventTime = Math.max(this.pMaxEventTime, d[at + MAX_EVENT_TIME] as number);
      this.pMaxIngestionTime = Math.max(this.pMaxIngestionTime, d[at + MAX_INGESTION_TIME] as number);
    }
    this.prefixEnd = end;
    this.prefixAt = i;
    out.count = this.pCount;
    out.sum = this.pSum;
    out.min = this.pMin;
    out.max = this.pMax;
    out.maxEventTime = this.pMaxEventTime;
    out.maxIngestionTime = this.pMaxIngestionTime;
    let first = this.head * FIELDS;
    while (first < stop && (d[first + START] as number) < start) first += FIELDS;
    if (first < stop && (d[first + START] as number) < this.cut) {
      const at = first + SUFFIX;
      out.count += d[at] as number;
      out.sum += d[at + 1] as number;
      out.min = Math.min(out.min, d[at + 2] as number);
      out.max = Math.max(out.max, d[at + 3] as number);
      out.maxEventTime = Math.max(out.maxEventTime, d[at + 4] as number);
      out.maxIngestionTime = Math.max(out.maxIngestionTime, d[at + 5] as number);
    }
    return out;
  }

  /** Moves the cut to `end`: suffixes for the slices in [start, end), an empty prefix. */
  private rebuild(start: number, end: number): void {
    const d = this.data;
    const f = this.find(end);
    const endAt = f >= 0 ? f : -f - 1;
    let at = (this.head + endAt) * FIELDS - FIELDS;
    const low = this.head * FIELDS;
    let next = -1;
    for (; at >= low && (d[at + START] as number) >= start; at -= FIELDS) {
      if (next < 0) {
        d.copyWithin(at + SUFFIX, at + COUNT, at + COUNT + 6);
      } else {
        d.copyWithin(at + SUFFIX, next + SUFFIX, next + SUFFIX + 6);
        foldRecord(d, at + SUFFIX, d, at);
      }
      next = at;
    }
    this.cut = end;
    this.prefixEnd = end;
    this.prefixAt = endAt;
    this.pCount = 0;
    this.pSum = 0;
    this.pMin = Infinity;
    this.pMax = -Infinity;
    this.pMaxEventTime = -Infinity;
    this.pMaxIngestionTime = -Infinity;
  }

  /** Combines the slices in [start, end) into `out` (which it resets first) and returns it. */
  combine(start: number, end: number, out: SliceTotal): SliceTotal {
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
      const lo = d[at + MIN] as number;
      if (lo < min) min = lo;
      const hi = d[at + MAX] as number;
      if (hi > max) max = hi;
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
      if (this.startAt(0) < this.prefixEnd) this.prefixAt--;
      this.head++;
      this.length--;
    }
    if (this.length === 0) this.head = 0;
  }

  /** Moves the live records to the front, or doubles the buffer when they fill more than half of it. */
  private makeRoom(): void {
    const used = this.length * FIELDS;
    const from = this.head * FIELDS;
    if (used * 2 >= this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data.subarray(from, from + used));
      this.data = d;
    } else {
      // In place: a subarray view would be one more object per compaction.
      this.data.copyWithin(0, from, from + used);
    }
    this.head = 0;
  }
}

/** Sets the six aggregate numbers at `at` to the empty aggregate. */
function clear(a: Float64Array, at: number): void {
  a[at] = 0;
  a[at + 1] = 0;
  a[at + 2] = Infinity;
  a[at + 3] = -Infinity;
  a[at + 4] = -Infinity;
  a[at + 5] = -Infinity;
}

/** Adds one element to the six aggregate numbers at `at`. */
function foldElement(a: Float64Array, at: number, value: number, eventTime: number, ingestionTime: number): void {
  a[at] = (a[at] as number) + 1;
  a[at + 1] = (a[at + 1] as number) + value;
  if (value < (a[at + 2] as number)) a[at + 2] = value;
  if (value > (a[at + 3] as number)) a[at + 3] = value;
  if (eventTime > (a[at + 4] as number)) a[at + 4] = eventTime;
  if (ingestionTime > (a[at + 5] as number)) a[at + 5] = ingestionTime;
}

/** Adds the slice record at `rec` of `d` to the six aggregate numbers at `at` of `a`. */
function foldRecord(a: Float64Array, at: number, d: Float64Array, rec: number): void {
  a[at] = (a[at] as number) + (d[rec + COUNT] as number);
  a[at + 1] = (a[at + 1] as number) + (d[rec + SUM] as number);
  a[at + 2] = Math.min(a[at + 2] as number, d[rec + MIN] as number);
  a[at + 3] = Math.max(a[at + 3] as number, d[rec + MAX] as number);
  a[at + 4] = Math.max(a[at + 4] as number, d[rec + MAX_EVENT_TIME] as number);
  a[at + 5] = Math.max(a[at + 5] as number, d[rec + MAX_INGESTION_TIME] as number);
}

export function emptySliceTotal(): SliceTotal {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity, maxEventTime: -Infinity, maxIngestionTime: -Infinity };
}
