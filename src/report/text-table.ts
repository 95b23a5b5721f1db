/** The plain report's building blocks: windows as text, and aligned columns that ignore colour codes. */
import { formatClock } from '../sim/model/time.js';
import { MAX_WATERMARK_JSON, type ReportWindow } from '../sim/report/report.js';

const t = (ms: number | null, nullAs: string): string => (ms === null ? nullAs : ms >= MAX_WATERMARK_JSON ? '+∞' : formatClock(ms));
export const windowText = (w: ReportWindow): string => (w.start === null && w.end === null ? 'global' : `[${t(w.start, '-∞')}, ${t(w.end, '+∞')})`);

/** Rows as aligned columns; the last column is not padded, so lines carry no trailing spaces. */
export function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ').trimEnd());
}

export function visibleLength(s: string): string['length'] {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}
