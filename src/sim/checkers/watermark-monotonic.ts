/**
 * Watermarks never go backwards in any operator (SEMANTICS.md, "Watermarks"): per (scope, id),
 * each `watermark-advanced` entry must be >= the one before. An equal value is not a regression.
 * A restart begins new task incarnations whose watermarks start again from the restored state (or
 * from -∞ at the sources), so the high-water marks are reset at each `job-restarted`.
 */
import type { TraceEvent } from '../trace/events.js';

type WatermarkEntry = Extract<TraceEvent, { type: 'watermark-advanced' }>;

export interface WatermarkViolation {
  readonly traceIndex: number;
  readonly at: number;
  readonly scope: WatermarkEntry['scope'];
  readonly id: number;
  /** The highest watermark this (scope, id) had reached before. */
  readonly previous: number;
  readonly watermark: number;
}

export function checkWatermarksMonotonic(trace: readonly TraceEvent[]): WatermarkViolation[] {
  const highest = new Map<string, number>();
  const violations: WatermarkViolation[] = [];
  trace.forEach((e, traceIndex) => {
    if (e.type === 'job-restarted') highest.clear();
    if (e.type !== 'watermark-advanced') return;
    const id = `${e.scope}#${e.id}`;
    const previous = highest.get(id);
    if (previous !== undefined && e.watermark < previous) {
      violations.push({ traceIndex, at: e.at, scope: e.scope, id: e.id, previous, watermark: e.watermark });
      // Keep the high-water mark: every later entry below it is a regression too.
      return;
    }
    highest.set(id, e.watermark);
  });
  return violations;
}
