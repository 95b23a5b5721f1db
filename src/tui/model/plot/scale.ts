/** The plot's scale: how event time maps to columns and processing time to rows, and nice tick spacings. */
import type { Window } from '../../../sim/model/window.js';
import type { Timeline } from '../timeline.js';

/** Tick spacings a reader can count in: milliseconds to hours. */
const NICE_STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

/** The smallest nice spacing that gives at most `maxTicks` ticks over `span`. */
export function niceStep(span: number, maxTicks: number): number {
  for (const step of NICE_STEPS_MS) if (span / step <= Math.max(1, maxTicks)) return step;
  return NICE_STEPS_MS[NICE_STEPS_MS.length - 1] as number;
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

export function clampWindow(w: Window, scale: PlotScale): Window | undefined {
  const start = Math.max(w.start, scale.xMin);
  const end = Math.min(w.end, scale.xMax);
  return end <= start ? undefined : { start, end };
}
