/** Compact forms for narrow panels, built on the simulator's clock and duration formatters. */
import { formatClock } from '../../sim/model/time.js';
import type { Window } from '../../sim/model/window.js';
import { durationText } from '../../sim/semantics/explain/wording.js';

/** `12:00–12:02` when both ends are whole minutes, else `12:00:26–12:00:31.500`; `global` for the global window. */
export function compactWindow(w: Window): string {
  if (w.start === -Infinity && w.end === Infinity) return 'global';
  const a = formatClock(w.start);
  const b = formatClock(w.end);
  if (a.length === 8 && b.length === 8 && w.start % 60_000 === 0 && w.end % 60_000 === 0) return `${a.slice(0, 5)}–${b.slice(0, 5)}`;
  return `${a}–${b}`;
}

export function valueText(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Thousands separated, for counts. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** A latency: a duration, with milliseconds below a second. */
export function latencyText(ms: number): string {
  if (ms < 0) return `−${latencyText(-ms)}`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return durationText(Math.round(ms));
}

/** A clock value that may not exist yet. */
export function clockText(ms: number | undefined): string {
  return ms === undefined ? '—' : formatClock(ms);
}
