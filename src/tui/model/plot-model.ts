/**
 * The event-time / processing-time plot of Streaming Systems (ch. 2 and 3), as a character grid:
 * event time runs right, processing time runs up. Every event is a point at (its event time, the
 * processing time it was ingested), marked by what became of it; the window tasks' watermark is a
 * staircase; window boundaries are vertical rules; each pane is drawn across its window on the row
 * where it fired, with its value. Only what happened before the cursor is drawn; the axes span the
 * whole run so the picture fills in as the cursor moves, as the book's animations do.
 *
 * Glyphs differ by fate as well as by colour, so the plot reads without colour (NO_COLOR). The
 * pieces live in plot/: the scale, the grid, the glyphs, the layers drawn on the grid, and the axes.
 */
import { formatClock } from '../../sim/model/time.js';
import type { Timeline } from './timeline.js';
import { clockAt } from './timeline/lookups.js';
import { fitLine, padLeft, seg, type Line, type Segment } from './text.js';
import { xAxis, xLabels, yLabelWidth, yTicks } from './plot/axes.js';
import { Grid, rowSegments, Z } from './plot/grid.js';
import { boundaries, drawPanes, drawPoints, drawWatermark } from './plot/layers.js';
import { plotScale } from './plot/scale.js';

export interface PlotOptions {
  readonly width: number;
  readonly height: number;
  /** Only this key's events and panes, or null for every key. */
  readonly key: string | null;
  /** The selected window (keyWindowId), marked under the x axis. */
  readonly selected: string | null;
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
