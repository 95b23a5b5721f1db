/**
 * A small text scatter chart of a trade-off, such as latency against throughput across a sweep of
 * the batch interval or the buffer timeout: one marker per run (1-9, then a-z) on a grid with
 * labelled axes, and a legend that gives each marker's exact figures. Pure: the same points give
 * the same lines; colour comes from the chalk instance passed in (level 0 under NO_COLOR).
 */
import type { ChalkInstance } from 'chalk';

export interface ChartPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface ChartOptions {
  /** Plot columns and rows, not counting the axes and their labels. */
  readonly width: number;
  readonly height: number;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatX: (n: number) => string;
  readonly formatY: (n: number) => string;
}

const MARKERS = '123456789abcdefghijklmnopqrstuvwxyz';

export function markerOf(i: number): string {
  return MARKERS[i] ?? '+';
}

/** Where v falls on a scale of `cells` cells from lo to hi; the middle when the range is empty. */
export function cellOf(v: number, lo: number, hi: number, cells: number): number {
  if (cells <= 1) return 0;
  if (hi <= lo) return Math.floor((cells - 1) / 2);
  return Math.min(cells - 1, Math.max(0, Math.round(((v - lo) / (hi - lo)) * (cells - 1))));
}

/**
 * The chart as lines. The y axis starts at 0 (a latency of zero is the floor that matters); the x
 * axis spans the points' range, so a sweep whose throughput barely moves still spreads out.
 * Markers that land on the same cell show as `*`; the legend still lists each.
 */
export function renderTradeoffChart(points: readonly ChartPoint[], o: ChartOptions, c: ChalkInstance): string[] {
  if (points.length === 0 || o.width < 2 || o.height < 2) return [];
  const xs = points.map((p) => p.x);
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs);
  const yHi = Math.max(0, ...points.map((p) => p.y));
  const grid: string[][] = Array.from({ length: o.height }, () => Array.from({ length: o.width }, () => ' '));
  points.forEach((p, i) => {
    const col = cellOf(p.x, xLo, xHi, o.width);
    const row = o.height - 1 - cellOf(p.y, 0, yHi, o.height);
    const line = grid[row] as string[];
    line[col] = line[col] === ' ' ? markerOf(i) : '*';
  });
  const top = o.formatY(yHi);
  const bottom = o.formatY(0);
  const gutter = Math.max(top.length, bottom.length);
  const lines: string[] = [c.dim(`${o.yLabel}`)];
  grid.forEach((cells, r) => {
    const tick = r === 0 ? top : r === o.height - 1 ? bottom : '';
    const plotted = cells.map((ch) => (ch === ' ' ? ch : c.cyan.bold(ch))).join('');
    lines.push(`${tick.padStart(gutter)} ${c.dim('│')}${plotted}`.trimEnd());
  });
  lines.push(`${' '.repeat(gutter)} ${c.dim('└' + '─'.repeat(o.width))}`);
  const left = o.formatX(xLo);
  const right = xHi > xLo ? o.formatX(xHi) : '';
  const span = Math.max(1, o.width - left.length - right.length);
  lines.push(`${' '.repeat(gutter + 2)}${left}${' '.repeat(span)}${right}`.trimEnd());
  lines.push(`${' '.repeat(gutter + 2)}${c.dim(o.xLabel)}`);
  // A label that already names the x value (a sweep of that very setting) is not repeated.
  points.forEach((p, i) => {
    const x = `${o.xLabel} ${o.formatX(p.x)}`;
    lines.push(`  ${c.cyan.bold(markerOf(i))}  ${p.label}: ${o.yLabel} ${o.formatY(p.y)}${p.label === x ? '' : `, ${x}`}`);
  });
  return lines;
}
