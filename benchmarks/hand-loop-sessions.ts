/**
 * Session windows in the hand loop (hand-loop.ts).
 */
import type { WindowSums } from './hand-loop-windows.js';

export interface Session {
  start: number;
  end: number;
  count: number;
  sum: number;
  live: boolean;
}

/**
 * Session windows, Flink's rules: a lone element opens [t, t + gap); sessions of a key merge when
 * they overlap or touch (TimeWindow.intersects); the merged span is checked for lateness before the
 * element joins; a session fires at end − 1. Fire times sit in a binary heap; a merge that moves a
 * session's end leaves a stale entry behind, skipped when popped.
 */
export class SessionSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly byKey = new Map<number, Session[]>();
  private readonly heapTimes: number[] = [];
  private readonly heapSessions: Session[] = [];
  private readonly heapKeys: number[] = [];

  constructor(private readonly gapMs: number) {}

  add(key: number, value: number, t: number): void {
    let sessions = this.byKey.get(key);
    let start = t;
    let end = t + this.gapMs;
    let first = -1;
    let count = 0;
    if (sessions !== undefined) {
      for (let i = 0; i < sessions.length; i++) {
        const s = sessions[i] as Session;
        if (s.start <= end && start <= s.end) {
          if (first < 0) first = i;
          count++;
          if (s.start < start) start = s.start;
          if (s.end > end) end = s.end;
        } else if (first >= 0) break;
      }
    }
    if (this.clock >= end - 1) {
      this.dropped++;
      return;
    }
    let target: Session;
    if (count === 0) {
      target = { start, end, count: 0, sum: 0, live: true };
      if (sessions === undefined) {
        sessions = [];
        this.byKey.set(key, sessions);
      }
      let at = 0;
      while (at < sessions.length && (sessions[at] as Session).start < start) at++;
      sessions.splice(at, 0, target);
      this.push(end - 1, target, key);
    } else {
      const list = sessions as Session[];
      target = list[first] as Session;
      for (let i = first + 1; i < first + count; i++) {
        const s = list[i] as Session;
        target.count += s.count;
        target.sum += s.sum;
        s.live = false;
      }
      list.splice(first + 1, count - 1);
      const moved = target.end !== end;
      target.start = start;
      target.end = end;
      if (moved) this.push(end - 1, target, key);
    }
    target.count++;
    target.sum += value;
  }

  advance(clock: number): void {
    this.clock = clock;
    while (this.heapTimes.length > 0 && (this.heapTimes[0] as number) <= clock) {
      const time = this.heapTimes[0] as number;
      const s = this.heapSessions[0] as Session;
      const key = this.heapKeys[0] as number;
      this.pop();
      if (!s.live || s.end - 1 !== time) continue;
      s.live = false;
      this.results++;
      this.total += s.sum;
      const list = this.byKey.get(key);
      if (list === undefined) continue;
      const at = list.indexOf(s);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byKey.delete(key);
    }
  }

  private push(time: number, s: Session, key: number): void {
    const times = this.heapTimes;
    let i = times.length;
    times.push(time);
    this.heapSessions.push(s);
    this.heapKeys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((times[parent] as number) <= time) break;
      this.moveSlot(parent, i);
      i = parent;
    }
    times[i] = time;
    this.heapSessions[i] = s;
    this.heapKeys[i] = key;
  }

  private pop(): void {
    const times = this.heapTimes;
    const lastTime = times.pop() as number;
    const lastSession = this.heapSessions.pop() as Session;
    const lastKey = this.heapKeys.pop() as number;
    const n = times.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (times[r] as number) < (times[l] as number) ? r : l;
      if ((times[c] as number) >= lastTime) break;
      this.moveSlot(c, i);
      i = c;
    }
    times[i] = lastTime;
    this.heapSessions[i] = lastSession;
    this.heapKeys[i] = lastKey;
  }

  private moveSlot(from: number, to: number): void {
    this.heapTimes[to] = this.heapTimes[from] as number;
    this.heapSessions[to] = this.heapSessions[from] as Session;
    this.heapKeys[to] = this.heapKeys[from] as number;
  }
}

