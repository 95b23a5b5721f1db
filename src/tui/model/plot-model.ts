/**
 * The event-time / processing-time plot of Streaming Systems (ch. 2 and 3), as a character grid:
 * event time runs right, processing time runs up. Every event is a point at (its event time, the
 * processing time it was ingested), marked by what became of it; the window tasks' watermark is a
 * staircase; window boundaries are vertical rules; each pane is drawn across its window on the row
 * where it fired, with its value. Only what happened before the cursor is drawn; the axes span the
 * whole run so the picture fills in as the cursor moves, as the book's animations do.
 *
 * Glyphs differ by fate as well as by colour, so the plot reads without colour (NO_COLOR).
 */
import { formatClock } from '../../sim/model/time.js';
import type { Window } from '../../sim/model/window.js';
import { type PlotPoint, type PointFate, type Timeline } from './timeline.js';
import { clockAt, fateAt, FATE_SEVERITY } from './timeline/lookups.js';
import { fitLine, padLeft, seg, type Line, type Segment, type Tone } from './text.js';

export interface PlotOptions {
  readonly width: number;
  readonly height: number;
  /** Only this key's events and panes, or null for every key. */
  readonly key: string | null;
  /** The selected window (keyWindowId), marked under the x axis. */
  readonly selected: string | null;
}

export const FATE_GLYPH: Readonly<Record<PointFate, { readonly ch: string; readonly tone: Tone; readonly label: string }>> = {
  'in-flight': { ch: '○', tone: 'inFlight', label: 'in flight' },
  filtered: { ch: '·', tone: 'filtered', label: 'filtered' },
  'on-time': { ch: '●', tone: 'onTime', label: 'on time' },
  'late-allowed': { ch: '▲', tone: 'lateAllowed', label: 'late, allowed' },
  'side-output': { ch: '⊘', tone: 'sideOutput', label: 'late, side output' },
  dropped: { ch: '✕', tone: 'dropped', label: 'dropped' },
};

const TIMING_TONE = { EARLY: 'early', ON_TIME: 'onTimePane', LATE: 'latePane' } as const satisfies Record<string, Tone>;
/** Pane bars differ by timing in shape as well as colour: ┄ early, ═ on time, ─ late. */
export const TIMING_BAR = { EARLY: '┄', ON_TIME: '═', LATE: '─' } as const;
/** With several keys, whose panes fire together, a mark per pane: □ early, ■ on time, ▪ late. */
export const TIMING_MARK = { EARLY: '□', ON_TIME: '■', LATE: '▪' } as const;

/**
 * Draw order: a higher layer covers a lower one in the same cell. Points cover pane bars, so an
 * event that made a pane fire stays visible on its row; the watermark covers both, as in the book's
 * figures: it is the line the lesson is about, and late points lie left of it. Values go on top.
 */
const Z = { boundary: 1, paneBar: 2, point: 3, watermark: 4, label: 5 } as const;
/** When several panes mark one cell, ON_TIME shows over LATE over EARLY. */
const TIMING_RANK = { EARLY: 0, LATE: 1, ON_TIME: 2 } as const;

/** Tick spacings a reader can count in: milliseconds to hours. */
const NICE_STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

/** The smallest nice spacing that gives at most `maxTicks` ticks over `span`. */
export function niceStep(span: number, maxTicks: number): number {
  for (const step of NICE_STEPS_MS) if (span / step <= Math.max(1, maxTicks)) return step;
  return NICE_STEPS_MS[NICE_STEPS_MS.length - 1] as number;
}

interface Cell {
  ch: string;
  tone: Tone;
  z: number;
  /** For points: the fate severity, so the worst fate in a cell wins. */
  rank: number;
}

/** Maps times to cells. Rows count from the top; processing time grows upward. */
export interface PlotScale {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly gridW: number;
  readonly gridH: number;
  col(x: number): number;
  /** Row from the top for a processing time. */
  row(y: number): number;
  /** The processing time where bottom-based row i ends (exclusive). */
  rowEnd(i: number): number;
}

export function plotScale(tl: Timeline, gridW: number, gridH: number): PlotScale {
  const { min, max } = xRange(tl);
  const yMin = tl.startAt;
  const yMax = Math.max(tl.endAt, yMin + 1);
  const ySpan = yMax - yMin + 1;
  const xSpan = Math.max(1, max - min);
  return {
    xMin: min,
    xMax: max,
    yMin,
    yMax,
    gridW,
    gridH,
    col: (x) => Math.max(0, Math.min(gridW - 1, Math.floor(((x - min) * gridW) / xSpan))),
    row: (y) => gridH - 1 - Math.max(0, Math.min(gridH - 1, Math.floor(((y - yMin) * gridH) / ySpan))),
    rowEnd: (i) => yMin + ((i + 1) * ySpan) / gridH,
  };
}

/**
 * The event-time range: the events, the session windows and the watermark's finite values (a
 * scripted watermark may run ahead of the data, and the lesson is where it stands), snapped out to
 * window boundaries.
 */
function xRange(tl: Timeline): { min: number; max: number } {
  let { min, max } = tl.eventTimeRange;
  const spec = tl.scenario.window;
  if (tl.scenario.timeDomain === 'event-time') {
    for (const w of tl.operatorMin.values) if (Number.isFinite(w) && w > max) max = w;
  }
  if (spec.type === 'session' && tl.scenario.timeDomain === 'event-time') {
    for (const r of tl.rows) {
      if (Number.isFinite(r.window.start)) min = Math.min(min, r.window.start);
      if (Number.isFinite(r.window.end)) max = Math.max(max, r.window.end);
    }
  }
  if (tl.scenario.timeDomain === 'event-time' && (spec.type === 'tumbling' || spec.type === 'sliding')) {
    const every = spec.type === 'tumbling' ? spec.sizeMs : spec.everyMs;
    const offset = spec.offsetMs;
    min = offset + Math.floor((min - offset) / every) * every;
    max = offset + Math.ceil((max + 1 - offset) / every) * every;
  }
  if (max <= min) max = min + 1000;
  return { min, max };
}

/** Window boundaries to draw: every start and end in range for fixed windows, the sessions' edges otherwise. */
function boundaries(tl: Timeline, scale: PlotScale, key: string | null, cursor: number): number[] {
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

class Grid {
  readonly cells: Cell[][];
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.cells = Array.from({ length: h }, () => Array.from({ length: w }, () => ({ ch: ' ', tone: 'plain' as Tone, z: 0, rank: 0 })));
  }
  put(row: number, col: number, ch: string, tone: Tone, z: number, rank = 0): void {
    const cell = this.cells[row]?.[col];
    if (cell === undefined || z < cell.z || (z === cell.z && rank < cell.rank)) return;
    cell.ch = ch;
    cell.tone = tone;
    cell.z = z;
    cell.rank = rank;
  }
}

export function plotModel(tl: Timeline, cursor: number, o: PlotOptions): Line[] {
  const gridH = o.height - 3;
  const labelWidth = yLabelWidth(tl);
  const gutter = labelWidth + 1;
  const gridW = o.width - gutter;
  const lines: Line[] = [titleLine(tl, o.key)];
  if (gridH < 3 || gridW < 10) {
    lines.push([seg('(the plot needs more room)', 'dim')]);
    return pad(lines, o);
  }
  const scale = plotScale(tl, gridW, gridH);
  const grid = new Grid(gridW, gridH);
  const windowsOnX = tl.scenario.timeDomain === 'event-time';

  for (const b of boundaries(tl, scale, o.key, cursor)) {
    if (b < scale.xMin || b > scale.xMax) continue;
    const c = scale.col(b);
    for (let r = 0; r < gridH; r++) grid.put(r, c, '┊', 'boundary', Z.boundary);
  }
  drawWatermark(tl, cursor, scale, grid);
  if (windowsOnX) drawPanes(tl, cursor, scale, grid, o.key);
  drawPoints(tl.points, cursor, scale, grid, o.key);

  const now = clockAt(tl, cursor);
  const nowRow = cursor > 0 ? scale.row(now) : -1;
  const ticks = yTicks(scale);
  for (let r = 0; r < gridH; r++) {
    let label: Segment = seg(' '.repeat(labelWidth));
    if (r === nowRow) label = seg(padLeft(formatClock(now), labelWidth), 'now');
    else {
      const tick = ticks.get(r);
      if (tick !== undefined) label = seg(padLeft(formatClock(tick), labelWidth), 'dim');
    }
    const axis = seg(r === nowRow ? '▶' : ticks.has(r) ? '┤' : '│', r === nowRow ? 'now' : 'dim');
    lines.push([label, axis, ...rowSegments(grid.cells[r] ?? [])]);
  }
  lines.push(xAxis(tl, scale, labelWidth, o.selected));
  lines.push(xLabels(tl, scale, gutter));
  return pad(lines, o);
}

function pad(lines: Line[], o: PlotOptions): Line[] {
  const out = lines.slice(0, o.height).map((l) => fitLine(l, o.width));
  while (out.length < o.height) out.push(fitLine([], o.width));
  return out;
}

function titleLine(tl: Timeline, key: string | null): Line {
  const clock = tl.scenario.semantics === 'kafka-streams' ? 'stream time' : 'watermark';
  const which = key === null ? (tl.keys.length > 1 ? `all ${tl.keys.length} keys` : 'all keys') : `key ${key}`;
  const domain = tl.scenario.timeDomain === 'event-time' ? '' : ` · windows on ${tl.scenario.timeDomain}, not drawn`;
  return [
    seg('Event time → / processing time ↑', 'title'),
    seg(` · ${which}${domain} · `, 'dim'),
    seg('● on time ', 'onTime'),
    seg('▲ late ', 'lateAllowed'),
    seg('✕ dropped ', 'dropped'),
    seg(`┃ ${clock} `, 'watermark'),
    seg('panes ', 'dim'),
    seg('┄E', 'early'),
    seg('═O', 'onTimePane'),
    seg('─L', 'latePane'),
  ];
}

/** Clock labels are whole seconds (8 columns) unless the run is shorter than a few seconds. */
function yLabelWidth(tl: Timeline): number {
  return niceStep(tl.endAt - tl.startAt, 8) < 1000 ? 12 : 8;
}

/** Processing-time labels at nice times, at least three rows apart, keyed by row from the top. */
function yTicks(scale: PlotScale): Map<number, number> {
  const ticks = new Map<number, number>();
  const step = niceStep(scale.yMax - scale.yMin, Math.max(1, Math.floor(scale.gridH / 3)));
  let lastRow = Infinity;
  for (let t = Math.ceil(scale.yMin / step) * step; t <= scale.yMax; t += step) {
    const r = scale.row(t);
    if (Math.abs(lastRow - r) < 3) continue;
    ticks.set(r, t);
    lastRow = r;
  }
  return ticks;
}

function rowSegments(cells: readonly Cell[]): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let tone: Tone = 'plain';
  for (const c of cells) {
    if (c.tone !== tone && text !== '') {
      out.push(seg(text, tone));
      text = '';
    }
    tone = c.tone;
    text += c.ch;
  }
  if (text !== '') out.push(seg(text, tone));
  return out;
}

/**
 * The staircase of the slowest window task's watermark: on each row, its value when the row's
 * processing time ends (or at the cursor, on the current row), joined to the row below.
 */
function drawWatermark(tl: Timeline, cursor: number, scale: PlotScale, grid: Grid): void {
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
function drawPanes(tl: Timeline, cursor: number, scale: PlotScale, grid: Grid, key: string | null): void {
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

function clampWindow(w: Window, scale: PlotScale): Window | undefined {
  const start = Math.max(w.start, scale.xMin);
  const end = Math.min(w.end, scale.xMax);
  return end <= start ? undefined : { start, end };
}

function drawPoints(points: readonly PlotPoint[], cursor: number, scale: PlotScale, grid: Grid, key: string | null): void {
  for (const p of points) {
    if (p.step >= cursor) break;
    if (key !== null && p.key !== key) continue;
    const fate = fateAt(p, cursor);
    const g = FATE_GLYPH[fate];
    grid.put(scale.row(p.arrivedAt), scale.col(p.eventTime), g.ch, g.tone, Z.point, FATE_SEVERITY[fate]);
  }
}

/** The x axis, with the selected window marked along it. */
function xAxis(tl: Timeline, scale: PlotScale, labelWidth: number, selected: string | null): Line {
  const cells = Array.from({ length: scale.gridW }, () => '─');
  const marked = new Set<number>();
  const index = selected === null ? undefined : tl.rowById.get(selected);
  const row = index === undefined ? undefined : tl.rows[index];
  if (row !== undefined && tl.scenario.timeDomain === 'event-time') {
    const w = clampWindow(row.window, scale);
    if (w !== undefined) for (let c = scale.col(w.start); c <= Math.max(scale.col(w.start), scale.col(w.end) - 1); c++) marked.add(c);
  }
  const out: Segment[] = [seg(' '.repeat(labelWidth)), seg('└', 'dim')];
  let run = '';
  let runMarked = false;
  cells.forEach((ch, c) => {
    const m = marked.has(c);
    if (m !== runMarked && run !== '') {
      out.push(seg(run, runMarked ? 'selected' : 'dim'));
      run = '';
    }
    runMarked = m;
    run += m ? '━' : ch;
  });
  if (run !== '') out.push(seg(run, runMarked ? 'selected' : 'dim'));
  return out;
}

/** Event-time labels: at window boundaries when they are far enough apart, else at nice times. */
function xLabels(tl: Timeline, scale: PlotScale, gutter: number): Line {
  const gap = formatClock(scale.xMin).length + 2;
  const slots = Math.max(1, Math.floor(scale.gridW / gap));
  const positions: number[] = [];
  const spec = tl.scenario.window;
  const every = tl.scenario.timeDomain !== 'event-time' ? undefined : spec.type === 'tumbling' ? spec.sizeMs : spec.type === 'sliding' ? spec.everyMs : undefined;
  if (every !== undefined && (scale.xMax - scale.xMin) / every <= slots) {
    for (let x = scale.xMin; x <= scale.xMax; x += every) positions.push(x);
  } else {
    const step = niceStep(scale.xMax - scale.xMin, slots);
    for (let x = Math.ceil(scale.xMin / step) * step; x <= scale.xMax; x += step) positions.push(x);
  }
  let text = ' '.repeat(gutter);
  for (const x of positions) {
    const label = formatClock(Math.round(x));
    const at = gutter + Math.min(scale.col(x), scale.gridW - label.length);
    if (at < text.length + (text.trim() === '' ? 0 : 1)) continue;
    text = text.padEnd(at) + label;
  }
  return [seg(text, 'dim')];
}
