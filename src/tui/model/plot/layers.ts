/**
 * What the plot draws on its grid, layer by layer: window boundaries, the watermark's staircase,
 * the panes and the events, each only as far as the cursor.
 */
import type { PlotPoint, Timeline } from '../timeline.js';
import { clockAt, fateAt, FATE_SEVERITY } from '../timeline/lookups.js';
import { FATE_GLYPH, TIMING_BAR, TIMING_MARK, TIMING_RANK, TIMING_TONE } from './glyphs.js';
import { Z, type Grid } from './grid.js';
import { clampWindow, type PlotScale } from './scale.js';

/** Window boundaries to draw: every start and end in range for fixed windows, the sessions' edges otherwise. */
export function boundaries(tl: Timeline, scale: PlotScale, key: string | null, cursor: number): number[] {
  const spec = tl.scenario.window;
  if (tl.scenario.timeDomain !== 'event-time') return [];
  const out = new Set<number>();
  switch (spec.type) {
    case 'global':
      return [];
    case 'tumbling':
    case 'sliding': {
      const every = spec.type === 'tumbling' ? spec.sizeMs : spec.everyMs;
      const count = (scale.xMax - scale.xMin) / every;
      // Too dense to read: a rule in every column says nothing.
      if (count > scale.gridW / 3) return [];
      for (let b = scale.xMin; b <= scale.xMax; b += every) out.add(b);
      return [...out];
    }
    case 'session':
      for (const r of tl.rows) {
        if (r.firstSeenStep >= cursor || (key !== null && r.key !== key) || r.mergedStep < cursor) continue;
        out.add(r.window.start);
        out.add(r.window.end);
      }
      return [...out];
  }
}

/**
 * The staircase of the slowest window task's watermark: on each row, its value when the row's
 * processing time ends (or at the cursor, on the current row), joined to the row below.
 */
export function drawWatermark(tl: Timeline, cursor: number, scale: PlotScale, grid: Grid): void {
  const series = tl.operatorMin;
  if (cursor === 0) return;
  const nowRowFromBottom = scale.gridH - 1 - scale.row(clockAt(tl, cursor));
  let j = 0;
  let value = -Infinity;
  let prevCol: number | undefined;
  for (let i = 0; i <= nowRowFromBottom; i++) {
    const end = scale.rowEnd(i);
    while (j < series.steps.length && (series.steps[j] as number) < cursor && (tl.ats[series.steps[j] as number] as number) < end) {
      value = series.values[j] as number;
      j++;
    }
    const r = scale.gridH - 1 - i;
    if (value === Infinity) {
      const from = prevCol ?? 0;
      if (prevCol !== undefined) grid.put(r, from, '┏', 'watermark', Z.watermark);
      for (let c = from + (prevCol === undefined ? 0 : 1); c < scale.gridW - 1; c++) grid.put(r, c, '━', 'watermark', Z.watermark);
      grid.put(r, scale.gridW - 1, '▶', 'watermark', Z.watermark);
      return;
    }
    if (value === -Infinity || value < scale.xMin) {
      prevCol = undefined;
      continue;
    }
    const c = scale.col(value);
    if (prevCol === undefined || c <= prevCol) grid.put(r, c, '┃', 'watermark', Z.watermark);
    else {
      grid.put(r, prevCol, '┏', 'watermark', Z.watermark);
      for (let x = prevCol + 1; x < c; x++) grid.put(r, x, '━', 'watermark', Z.watermark);
      grid.put(r, c, '┛', 'watermark', Z.watermark);
    }
    prevCol = c;
  }
}

/**
 * Panes: with one key, a bar across the window on the row where the pane fired, with its value;
 * with several keys, whose panes fire together, a mark at the window's last column.
 */
export function drawPanes(tl: Timeline, cursor: number, scale: PlotScale, grid: Grid, key: string | null): void {
  const single = key !== null || tl.keys.length <= 1;
  for (const p of tl.panes) {
    if (p.step >= cursor) break;
    const pane = p.pane;
    if (pane.retraction === true || (key !== null && pane.key !== key)) continue;
    const w = clampWindow(pane.window, scale);
    if (w === undefined) continue;
    const r = scale.row(pane.emittedAt);
    const tone = TIMING_TONE[pane.timing];
    const c0 = scale.col(w.start);
    const c1 = Math.max(c0, scale.col(w.end) - 1);
    if (!single) {
      grid.put(r, c1, TIMING_MARK[pane.timing], tone, Z.label, TIMING_RANK[pane.timing]);
      continue;
    }
    const inner0 = c1 > c0 ? c0 + 1 : c0;
    for (let c = inner0; c <= c1; c++) grid.put(r, c, TIMING_BAR[pane.timing], tone, Z.paneBar);
    const label = ` ${valueLabel(pane.value)} `;
    const width = c1 - inner0 + 1;
    const start = Math.max(0, Math.min(scale.gridW - label.length, inner0 + Math.floor((width - label.length) / 2)));
    [...label].forEach((ch, i) => grid.put(r, start + i, ch, tone === 'onTimePane' ? 'bold' : tone, Z.label));
  }
}

function valueLabel(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export function drawPoints(points: readonly PlotPoint[], cursor: number, scale: PlotScale, grid: Grid, key: string | null): void {
  for (const p of points) {
    if (p.step >= cursor) break;
    if (key !== null && p.key !== key) continue;
    const fate = fateAt(p, cursor);
    const g = FATE_GLYPH[fate];
    grid.put(scale.row(p.arrivedAt), scale.col(p.eventTime), g.ch, g.tone, Z.point, FATE_SEVERITY[fate]);
  }
}
