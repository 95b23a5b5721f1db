/**
 * What the timeline says at a cursor: the latest value of a series, the clock, a point's fate, a
 * window row's status and panes. Each is a binary search or a short scan over the ascending steps
 * the timeline keeps, never a replay of the trace.
 */
import { sameValue } from '../../../sim/checkers/values.js';
import type { PaneRecord, PlotPoint, PointFate, Series, Timeline, WindowRow, WindowStatus } from '../timeline.js';
import { countLess } from '../search.js';

/** When an event has several fates (sliding windows), the plot shows the most severe. */
export const FATE_SEVERITY: Readonly<Record<PointFate, number>> = {
  'in-flight': 0,
  filtered: 1,
  'on-time': 2,
  'late-allowed': 3,
  'side-output': 4,
  dropped: 5,
};

export const seriesKey = (scope: 'partition' | 'source' | 'operator', id: number): string => `${scope}:${id}`;

/** The latest value of a series at the cursor, or undefined before its first change. */
export function valueAt<T>(series: Series<T> | undefined, cursor: number): T | undefined {
  if (series === undefined) return undefined;
  const n = countLess(series.steps, cursor);
  return n === 0 ? undefined : series.values[n - 1];
}

/** Processing time at the cursor: when the last applied step happened. */
export function clockAt(tl: Timeline, cursor: number): number {
  if (cursor <= 0 || tl.steps === 0) return tl.startAt;
  return tl.ats[Math.min(cursor, tl.steps) - 1] as number;
}

/** The fate of a point at the cursor: the most severe of those already known. */
export function fateAt(p: PlotPoint, cursor: number): PointFate {
  let fate: PointFate = 'in-flight';
  for (const f of p.fates) {
    if (f.step >= cursor) break;
    if (FATE_SEVERITY[f.fate] > FATE_SEVERITY[fate]) fate = f.fate;
  }
  return fate;
}

/** The status of a window row at the cursor, or undefined while it is not yet seen (or merged away). */
export function rowStatusAt(tl: Timeline, row: WindowRow, cursor: number): WindowStatus | undefined {
  if (!rowVisibleAt(row, cursor)) return undefined;
  const current = currentPaneAt(tl, row, cursor);
  if (row.truth === undefined) return 'extra';
  if (current === undefined) return 'pending';
  return sameValue(current.consumerValue, current.truthValue) ? 'exact' : 'differs';
}

export function rowVisibleAt(row: WindowRow, cursor: number): boolean {
  return row.firstSeenStep < cursor && !(row.mergedStep < cursor);
}

/** The row's latest non-retraction pane before the cursor: what the reader holds. */
export function currentPaneAt(tl: Timeline, row: WindowRow, cursor: number): PaneRecord | undefined {
  for (let i = row.panes.length - 1; i >= 0; i--) {
    const p = tl.panes[row.panes[i] as number];
    if (p === undefined || p.step >= cursor) continue;
    if (p.pane.retraction !== true) return p;
  }
  return undefined;
}

/** The row's panes before the cursor. */
export function panesAt(tl: Timeline, row: WindowRow, cursor: number): PaneRecord[] {
  const out: PaneRecord[] = [];
  for (const i of row.panes) {
    const p = tl.panes[i];
    if (p !== undefined && p.step < cursor) out.push(p);
  }
  return out;
}
