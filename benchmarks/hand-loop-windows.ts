/**
 * The hand loop's window state (hand-loop.ts): what every window shape offers the loop, and the
 * two simplest shapes, tumbling windows and the global window. Sliding windows are in
 * hand-loop-sliced.ts, sessions in hand-loop-sessions.ts.
 */

export interface Acc {
  count: number;
  sum: number;
}

export interface WindowSums {
  readonly results: number;
  readonly total: number;
  readonly dropped: number;
  /** Adds an element at event time t with the current clock (the combined watermark). */
  add(key: number, value: number, t: number): void;
  /** Moves the clock forward and fires every window with end − 1 <= clock. */
  advance(clock: number): void;
}

/** t's window start for windows every `everyMs` from `offsetMs` (Flink's getWindowStartWithOffset). */
export function alignedStart(t: number, offsetMs: number, everyMs: number): number {
  const r = (t - offsetMs) % everyMs;
  return t - (r < 0 ? r + everyMs : r);
}


/** Tumbling windows: one Map of per-key sums per open window; an event costs one lookup. */
export class TumblingSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly windows = new Map<number, Map<number, Acc>>();
  /** Open window starts, ascending (a handful: the watermark lags by B plus the disorder). */
  private readonly starts: number[] = [];
  private lastStart = NaN;
  private lastWindow: Map<number, Acc> | undefined;

  constructor(
    private readonly sizeMs: number,
    private readonly offsetMs: number,
  ) {}

  add(key: number, value: number, t: number): void {
    const start = alignedStart(t, this.offsetMs, this.sizeMs);
    if (this.clock >= start + this.sizeMs - 1) {
      this.dropped++;
      return;
    }
    let w = start === this.lastStart ? this.lastWindow : this.windows.get(start);
    if (w === undefined) {
      w = new Map();
      this.windows.set(start, w);
      let i = this.starts.length;
      while (i > 0 && (this.starts[i - 1] as number) > start) i--;
      this.starts.splice(i, 0, start);
    }
    this.lastStart = start;
    this.lastWindow = w;
    const acc = w.get(key);
    if (acc === undefined) w.set(key, { count: 1, sum: value });
    else {
      acc.count++;
      acc.sum += value;
    }
  }

  advance(clock: number): void {
    this.clock = clock;
    while (this.starts.length > 0 && (this.starts[0] as number) + this.sizeMs - 1 <= clock) {
      const start = this.starts.shift() as number;
      const w = this.windows.get(start);
      this.windows.delete(start);
      if (start === this.lastStart) {
        this.lastStart = NaN;
        this.lastWindow = undefined;
      }
      if (w === undefined) continue;
      for (const acc of w.values()) {
        this.results++;
        this.total += acc.sum;
      }
    }
  }
}


export function addTo(map: Map<number, Acc>, key: number, count: number, sum: number): void {
  const acc = map.get(key);
  if (acc === undefined) map.set(key, { count, sum });
  else {
    acc.count += count;
    acc.sum += sum;
  }
}


/** The global window: one sum per key, fired by the final watermark. */
export class GlobalSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly sums = new Map<number, Acc>();

  add(key: number, value: number): void {
    if (this.clock === Infinity) {
      this.dropped++;
      return;
    }
    addTo(this.sums, key, 1, value);
  }

  advance(clock: number): void {
    this.clock = clock;
    if (clock !== Infinity) return;
    for (const acc of this.sums.values()) {
      this.results++;
      this.total += acc.sum;
    }
    this.sums.clear();
  }
}

