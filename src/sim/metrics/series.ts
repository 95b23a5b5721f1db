/**
 * Time series of a run in simulated time, on one grid shared by every metric so they line up.
 * The grid covers the run in at most `maxPoints` buckets whose width is a "nice" number of
 * milliseconds (1, 2 or 5 times a power of ten), so a chart's axis reads well and the number of
 * points stays bounded however long the run is.
 *
 * A bucket i covers [startMs + i·stepMs, startMs + (i+1)·stepMs). A rate series holds what happened
 * in the bucket, per simulated second; a level series (backlog, state size) holds the value at the
 * end of the bucket, after everything that happened at a time inside it.
 */

export interface Grid {
  readonly startMs: number;
  readonly stepMs: number;
  readonly count: number;
}

export interface Series {
  readonly startMs: number;
  readonly stepMs: number;
  readonly values: readonly number[];
}

/** Default bound on the points of a series: enough for a terminal-wide chart. */
export const DEFAULT_MAX_POINTS = 120;

/** The smallest of 1, 2, 5, 10, 20, 50 … that is at least `ms`. */
export function niceStepMs(ms: number): number {
  if (!(ms > 1)) return 1;
  let decade = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * decade >= ms) return m * decade;
    decade *= 10;
  }
}

/** A grid over [fromMs, toMs] (both included) with at most `maxPoints` buckets. */
export function gridOver(fromMs: number, toMs: number, maxPoints = DEFAULT_MAX_POINTS): Grid {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) throw new Error(`gridOver: maxPoints must be a positive integer, got ${maxPoints}`);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return { startMs: Number.isFinite(fromMs) ? fromMs : 0, stepMs: 1, count: 1 };
  const span = toMs - fromMs + 1;
  const stepMs = niceStepMs(Math.ceil(span / maxPoints));
  return { startMs: fromMs, stepMs, count: Math.ceil(span / stepMs) };
}

/** The bucket a time falls in, clamped to the grid. */
export function bucketOf(grid: Grid, atMs: number): number {
  const i = Math.floor((atMs - grid.startMs) / grid.stepMs);
  return Math.min(grid.count - 1, Math.max(0, i));
}

/** The first time after bucket i: a level series samples just before it. */
export function bucketEnd(grid: Grid, i: number): number {
  return grid.startMs + (i + 1) * grid.stepMs;
}

/** Counts per bucket turned into a rate per simulated second. */
export function rateSeries(grid: Grid, counts: readonly number[]): Series {
  return { startMs: grid.startMs, stepMs: grid.stepMs, values: counts.map((n) => (n * 1000) / grid.stepMs) };
}

export function levelSeries(grid: Grid, values: readonly number[]): Series {
  return { startMs: grid.startMs, stepMs: grid.stepMs, values };
}
