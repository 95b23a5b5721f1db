/**
 * Tumbling and sliding windows: epoch-aligned, with an optional offset (Flink
 * TimeWindow.getWindowStartWithOffset, Beam FixedWindows/SlidingWindows). A tumbling window is the
 * sliding case with every = size. An element at t belongs to every window [s, s + size) with
 * s ≡ offset (mod every) and s <= t < s + size: ceil(size / every) windows when every divides
 * size. Windows with negative starts are included, as in Flink and Beam, so an element near time
 * zero still belongs to ceil(size / every) windows.
 */
export interface FixedWindows {
  readonly sizeMs: number;
  readonly everyMs: number;
  readonly offsetMs: number;
}

/** The end of the window starting at `start` (the global window ends at +∞). */
export function windowEnd(w: FixedWindows, start: number): number {
  return w.sizeMs === Infinity ? Infinity : start + w.sizeMs;
}

/** The start of the last (latest) window containing t: Flink's getWindowStartWithOffset. */
export function lastWindowStart(w: FixedWindows, t: number): number {
  const r = (t - w.offsetMs) % w.everyMs;
  return t - (r < 0 ? r + w.everyMs : r);
}

/**
 * Writes the starts of the windows containing t into `out`, latest first, and returns how many.
 * No allocation: the caller reuses `out`.
 */
export function assignStarts(w: FixedWindows, t: number, out: number[]): number {
  if (w.sizeMs === Infinity) {
    // The global window [-∞, +∞).
    out[0] = -Infinity;
    return 1;
  }
  let n = 0;
  for (let s = lastWindowStart(w, t); s > t - w.sizeMs; s -= w.everyMs) out[n++] = s;
  return n;
}
