/**
 * Busy and backpressured time per task, as Flink's web UI shows them (busyTimeMsPerSecond,
 * backPressuredTimeMsPerSecond), here as shares of the run: from RunResult.tasks, which every
 * engine fills in (summed over restarts).
 */
import type { TaskStats } from '../engines/engine.js';

export interface TaskMetrics extends TaskStats {
  /** busyMs over the run's duration, in [0, 1]. */
  readonly busyRatio: number;
  /** backpressuredMs over the run's duration, in [0, 1]. */
  readonly backpressuredRatio: number;
}

/** `durationMs` is the run's length in simulated time; a zero-length run has ratios of 0. */
export function taskMetrics(tasks: readonly TaskStats[], durationMs: number): TaskMetrics[] {
  const ratio = (ms: number): number => (durationMs > 0 ? Math.min(1, ms / durationMs) : 0);
  return tasks.map((t) => ({ ...t, busyRatio: ratio(t.busyMs), backpressuredRatio: ratio(t.backpressuredMs) }));
}

/** The busiest task: the bottleneck of a saturated job. */
export function busiestTask(tasks: readonly TaskMetrics[]): TaskMetrics | undefined {
  let best: TaskMetrics | undefined;
  for (const t of tasks) if (best === undefined || t.busyMs > best.busyMs) best = t;
  return best;
}
