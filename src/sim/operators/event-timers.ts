/**
 * Event-time timers of a window operator, as Flink's InternalTimerService keeps them: fired in
 * timestamp order when the progress clock passes them. Many windows share a timestamp (every key's
 * window [0, 10 s) fires at the same watermark), so timers are bucketed by timestamp and only the
 * distinct timestamps go into a heap. Stale timers (a merged session moved its end) are skipped by
 * the caller, which compares the timestamp with the window's current one.
 */

export type TimerKind = 'fire' | 'expire';

/** `T` is what a timer names: a window state, or under slicing a key whose window a timestamp identifies. */
export class EventTimers<T> {
  private readonly fires = new Map<number, T[]>();
  private readonly expiries = new Map<number, T[]>();
  private readonly times: number[] = [];

  get size(): number {
    return this.times.length;
  }

  register(time: number, kind: TimerKind, ws: T): void {
    const buckets = kind === 'fire' ? this.fires : this.expiries;
    const bucket = buckets.get(time);
    if (bucket) {
      bucket.push(ws);
      return;
    }
    buckets.set(time, [ws]);
    if (!(kind === 'fire' ? this.expiries : this.fires).has(time)) this.pushTime(time);
  }

  /** The earliest registered timestamp, or Infinity. */
  peek(): number {
    return this.times[0] ?? Infinity;
  }

  /**
   * Removes the earliest timestamp if it is <= clock and hands its fire timers, then its expiry
   * timers, to the visitor. Returns false when nothing is due.
   */
  popDue(clock: number, visit: (time: number, kind: TimerKind, ws: T) => void): boolean {
    const time = this.times[0];
    if (time === undefined || time > clock) return false;
    this.popTime();
    const fires = this.fires.get(time);
    const expiries = this.expiries.get(time);
    this.fires.delete(time);
    this.expiries.delete(time);
    if (fires) for (const ws of fires) visit(time, 'fire', ws);
    if (expiries) for (const ws of expiries) visit(time, 'expire', ws);
    return true;
  }

  private pushTime(t: number): void {
    const h = this.times;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = h[p] as number;
      if (pt <= t) break;
      h[i] = pt;
      i = p;
    }
    h[i] = t;
  }

  private popTime(): void {
    const h = this.times;
    const last = h.pop() as number;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (h[r] as number) < (h[l] as number) ? r : l;
      const cv = h[c] as number;
      if (cv >= last) break;
      h[i] = cv;
      i = c;
    }
    h[i] = last;
  }
}
