/**
 * Sliding windows in the hand loop (hand-loop.ts), by stream slicing, as a fast engine would.
 */
import { type Acc, type WindowSums, addTo, alignedStart } from './hand-loop-windows.js';

/**
 * Sliding windows by stream slicing. Each event goes into its slice [s, s + every) once. The sums
 * of the next window to fire, [nextEnd − size, nextEnd), are kept per key in `running`; firing it
 * emits every key there, then moves the window one slide on: the slice [nextEnd, nextEnd + every)
 * enters and [nextEnd − size, nextEnd − size + every) leaves (sum and count are invertible).
 *
 * Lateness needs no extra care: an element is late for exactly the windows already fired, and
 * those never read a slice again. One invariant makes that hold: after every `advance`,
 * nextEnd is the first window end with end − 1 > clock, or earlier only where no data is.
 */
export class SlicedSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly slices = new Map<number, Map<number, Acc>>();
  private readonly running = new Map<number, Acc>();
  private nextEnd = NaN;
  private lastSlice = NaN;
  private lastSliceSums: Map<number, Acc> | undefined;

  constructor(
    private readonly sizeMs: number,
    private readonly everyMs: number,
    private readonly offsetMs: number,
  ) {}

  add(key: number, value: number, t: number): void {
    const s = alignedStart(t, this.offsetMs, this.everyMs);
    // The latest window holding t ends at s + size; late for it means late for all of them.
    if (this.clock >= s + this.sizeMs - 1) {
      this.dropped++;
      return;
    }
    let slice = s === this.lastSlice ? this.lastSliceSums : this.slices.get(s);
    if (slice === undefined) {
      slice = new Map();
      this.slices.set(s, slice);
    }
    this.lastSlice = s;
    this.lastSliceSums = slice;
    addTo(slice, key, 1, value);
    if (s >= this.nextEnd - this.sizeMs && s < this.nextEnd) addTo(this.running, key, 1, value);
  }

  advance(clock: number): void {
    if (!(clock > this.clock)) return;
    this.clock = clock;
    if (Number.isNaN(this.nextEnd)) {
      // The first watermark: no window has fired, so start at the earliest end that holds data.
      this.nextEnd = Math.min(this.minSlice() + this.everyMs, this.firstEndAfter(clock));
      this.rebuildRunning();
    }
    for (;;) {
      if (this.running.size === 0) {
        // Nothing in the next window: skip to the first one that holds data, or is not yet due.
        const target = Math.min(this.minSlice() + this.everyMs, this.firstEndAfter(clock));
        if (target === Infinity) return;
        if (target > this.nextEnd) {
          this.nextEnd = target;
          this.rebuildRunning();
        }
      }
      if (this.nextEnd - 1 > clock) return;
      this.fireNext();
    }
  }

  private fireNext(): void {
    const end = this.nextEnd;
    for (const acc of this.running.values()) {
      this.results++;
      this.total += acc.sum;
    }
    const entering = this.slices.get(end);
    if (entering !== undefined) for (const [key, a] of entering) addTo(this.running, key, a.count, a.sum);
    const leavingStart = end - this.sizeMs;
    const leaving = this.slices.get(leavingStart);
    if (leaving !== undefined) {
      for (const [key, a] of leaving) {
        const r = this.running.get(key);
        if (r === undefined) throw new Error(`hand loop: slice ${leavingStart} leaves key ${key} that the window does not hold`);
        r.count -= a.count;
        r.sum -= a.sum;
        if (r.count === 0) this.running.delete(key);
      }
      this.slices.delete(leavingStart);
      if (leavingStart === this.lastSlice) {
        this.lastSlice = NaN;
        this.lastSliceSums = undefined;
      }
    }
    this.nextEnd = end + this.everyMs;
  }

  private rebuildRunning(): void {
    this.running.clear();
    for (const [s, slice] of this.slices) {
      if (s >= this.nextEnd - this.sizeMs && s < this.nextEnd) for (const [key, a] of slice) addTo(this.running, key, a.count, a.sum);
    }
  }

  private minSlice(): number {
    let min = Infinity;
    for (const s of this.slices.keys()) if (s < min) min = s;
    return min;
  }

  /** The first aligned window end e with e − 1 > clock. */
  private firstEndAfter(clock: number): number {
    if (clock === Infinity) return Infinity;
    return alignedStart(clock + 1, this.offsetMs, this.everyMs) + this.everyMs;
  }
}

