/**
 * Every metric of one run in simulated time, computed after the fact from its RunResult (the trace,
 * the source log and the task figures) by pure functions. Nothing here knows which engine ran:
 * the native and micro-batch engines emit the same trace entries.
 *
 * All series share one grid from the first append to the log (or the first trace entry) to the end
 * of the run, with at most `maxPoints` points (series.ts).
 */
import type { RunResult } from '../engines/engine.js';
import { appendTimes, backlog, type Backlog } from './backlog.js';
import { checkpointMetrics, type CheckpointMetrics } from './checkpoints.js';
import { paneLatencies, type LatencySummary } from './latency.js';
import { DEFAULT_MAX_POINTS, type Grid, gridOver } from './series.js';
import { stateSize, type StateSize } from './state-size.js';
import { taskMetrics, type TaskMetrics } from './tasks.js';
import { throughput, type Throughput } from './throughput.js';

export interface RunMetricsOptions {
  /** Bound on the points of every series (default 120). */
  readonly maxPoints?: number;
}

export interface RunMetrics {
  readonly grid: Grid;
  /** From the first append (or trace entry) to the end of the run. */
  readonly durationMs: number;
  readonly throughput: Throughput;
  readonly backlog: Backlog;
  readonly state: StateSize;
  readonly tasks: readonly TaskMetrics[];
  readonly checkpoints: CheckpointMetrics;
  readonly latency: { readonly eventTime: LatencySummary | undefined; readonly processingTime: LatencySummary | undefined };
}

export function computeRunMetrics(run: RunResult, options: RunMetricsOptions = {}): RunMetrics {
  const appended = appendTimes(run.log);
  let from = Infinity;
  for (const times of appended) if (times.length > 0) from = Math.min(from, times[0] as number);
  const firstEntry = run.trace[0];
  if (firstEntry !== undefined) from = Math.min(from, firstEntry.at);
  if (from === Infinity) from = 0;
  const lastEntry = run.trace[run.trace.length - 1];
  const to = Math.max(from, run.endedAt, lastEntry?.at ?? from);
  const grid = gridOver(from, to, options.maxPoints ?? DEFAULT_MAX_POINTS);
  const durationMs = to - from;
  return {
    grid,
    durationMs,
    throughput: throughput(run.trace, grid),
    backlog: backlog(run.trace, appended, grid, run.endedAt),
    state: stateSize(run.trace, grid),
    tasks: taskMetrics(run.tasks, durationMs),
    checkpoints: checkpointMetrics(run.trace),
    latency: paneLatencies(run.panes),
  };
}
