/**
 * A window covers [start, end): start inclusive, end exclusive, as in Flink's TimeWindow and
 * Beam's IntervalWindow. Its maxTimestamp is end − 1, the last instant an element can have.
 * The global window is [-∞, +∞).
 */
export interface Window {
  readonly start: number;
  readonly end: number;
}

export function maxTimestamp(w: Window): number {
  return w.end - 1;
}

export function windowId(w: Window): string {
  return `${w.start}:${w.end}`;
}

export function sameWindow(a: Window, b: Window): boolean {
  return a.start === b.start && a.end === b.end;
}

export function compareWindows(a: Window, b: Window): number {
  return a.start - b.start || a.end - b.end;
}
