/**
 * Several runs on one shared clock. The cursor is a position in the union of the processing times
 * at which any run has a trace entry; each run shows every entry at or before that time, so equal
 * clocks line up across engines, guarantees or watermark strategies.
 */
import { durationText } from '../../sim/semantics/explain/wording.js';
import type { CheckedRun } from '../../sim/report/simulate.js';
import { describeWatermark } from '../../report/describe-settings.js';
import { latencyText, countText } from './format.js';
import { ledgerAt, latencyAt } from './metrics-model.js';
import { neighbour } from './nav.js';
import { countAtMost } from './search.js';
import type { Nav } from './state.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { rowVisibleAt } from './timeline/lookups.js';
import { fitBlock, seg, type Line } from './text.js';

export interface CompareRun {
  readonly label: string;
  readonly checked: CheckedRun;
}

export interface Comparison {
  readonly runs: readonly { readonly label: string; readonly timeline: Timeline }[];
  /** Every processing time at which some run has an entry, ascending and distinct. */
  readonly times: readonly number[];
  readonly keys: readonly string[];
  /** Every window id of every run, in key and window order. */
  readonly rowIds: readonly string[];
}

export function buildComparison(runs: readonly CompareRun[]): Comparison {
  const built = runs.map((r) => ({ label: r.label, timeline: buildTimeline(r.checked) }));
  const times = [...new Set(built.flatMap((r) => [...r.timeline.ats]))].sort((a, b) => a - b);
  const keys = [...new Set(built.flatMap((r) => r.timeline.keys))].sort();
  const rows = new Map<string, { key: string; start: number; end: number }>();
  for (const r of built) for (const row of r.timeline.rows) rows.set(row.id, { key: row.key, start: row.window.start, end: row.window.end });
  const rowIds = [...rows.entries()]
    .sort(([, a], [, b]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start || a.end - b.end))
    .map(([id]) => id);
  return { runs: built, times, keys, rowIds };
}

/** The shared clock at a position: −∞ before the first entry. */
export function sharedClock(c: Comparison, position: number): number {
  return position <= 0 ? -Infinity : (c.times[Math.min(position, c.times.length) - 1] as number);
}

/** Each run's own cursor at a position of the shared clock: its entries at or before that time. */
export function runCursors(c: Comparison, position: number): number[] {
  const t = sharedClock(c, position);
  return c.runs.map((r) => (t === -Infinity ? 0 : countAtMost(r.timeline.ats, t)));
}

/** Processing times of the entries in `pick` of every run, ascending and distinct. */
function timesOf(c: Comparison, pick: (tl: Timeline) => readonly number[]): number[] {
  return [...new Set(c.runs.flatMap((r) => pick(r.timeline).map((step) => r.timeline.ats[step] as number)))].sort((a, b) => a - b);
}

/** The position whose clock is `t`. */
function positionOf(c: Comparison, t: number): number {
  return countAtMost(c.times, t);
}

export function compareNav(c: Comparison): Nav {
  const panes = timesOf(c, (tl) => tl.kinds.panes);
  const failures = timesOf(c, (tl) => tl.kinds.failures);
  const checkpoints = timesOf(c, (tl) => tl.kinds.checkpoints);
  const jumpIn = (times: number[], position: number, direction: 1 | -1, none: string, what: string): number | string => {
    if (times.length === 0) return none;
    const now = sharedClock(c, position);
    const t = direction === 1 ? times.find((x) => x > now) : [...times].reverse().find((x) => x < now);
    return t === undefined ? (direction === 1 ? `no more ${what}s after this point` : `no earlier ${what}`) : positionOf(c, t);
  };
  return {
    total: c.times.length,
    keys: c.keys,
    jump(target, position, direction) {
      switch (target) {
        case 'pane':
          return jumpIn(panes, position, direction, 'no panes in any run', 'pane');
        case 'failure':
          return jumpIn(failures, position, direction, 'no failures in these runs: no trace has a fault, failure or restart', 'failure');
        case 'checkpoint':
          return jumpIn(checkpoints, position, direction, 'no checkpoints in these runs: no trace has a checkpoint or savepoint', 'checkpoint');
      }
    },
    neighbourWindow(position, current, delta) {
      const cursors = runCursors(c, position);
      const shown = (i: number) => {
        const id = c.rowIds[i];
        return c.runs.some((r, k) => {
          const index = id === undefined ? undefined : r.timeline.rowById.get(id);
          const row = index === undefined ? undefined : r.timeline.rows[index];
          return row !== undefined && rowVisibleAt(row, cursors[k] ?? 0);
        });
      };
      const from = current === null ? undefined : c.rowIds.indexOf(current);
      return neighbour(c.rowIds, shown, from === -1 ? undefined : from, delta);
    },
  };
}

/** A run's column title: its label, and the settings that usually differ between compared runs. */
export function columnTitle(label: string, tl: Timeline, width: number): Line[] {
  const s = tl.scenario;
  return fitBlock(
    [
      [seg(label, 'title')],
      [seg(`${s.semantics} · watermark ${describeWatermark(s.watermark)} · lateness ${durationText(s.allowedLatenessMs)}`, 'dim')],
    ],
    width,
    2,
  );
}

/** The ledger in three short lines, for a narrow column. */
export function compactLedger(tl: Timeline, cursor: number, width: number): Line[] {
  const l = ledgerAt(tl, cursor);
  const lat = latencyAt(tl, cursor);
  const pending = l.final ? 'missing' : 'pending';
  return fitBlock(
    [
      [
        seg(`${countText(l.windows.exact)} exact`, l.windows.exact > 0 ? 'good' : 'plain'),
        seg(` · ${countText(l.windows.differs)} differ`, l.windows.differs > 0 ? 'warn' : 'plain'),
        seg(` · ${countText(l.windows.pending)} ${pending}`, l.final && l.windows.pending > 0 ? 'bad' : 'plain'),
      ],
      [
        seg(`panes ${countText(l.panes.correct)} correct · ${countText(l.panes.partial)} partial · `),
        seg(`${countText(l.panes.wrong)} wrong`, l.panes.wrong > 0 ? 'bad' : 'plain'),
        seg(' · '),
        seg(`${countText(l.panes.duplicated)} dup`, l.panes.duplicated > 0 ? 'bad' : 'plain'),
      ],
      [
        seg(
          lat.eventTime === undefined
            ? 'latency —'
            : `latency p50 ${latencyText(lat.eventTime[50])} p99 ${latencyText(lat.eventTime[99])} max ${latencyText(lat.eventTime[100])}`,
          'dim',
        ),
      ],
    ],
    width,
    3,
  );
}
