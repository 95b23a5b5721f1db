/**
 * Checkpoint durations from the trace's `checkpoint-completed` entries (engine-agnostic): how long
 * each took from trigger to the last acknowledgement, how much of it was barrier alignment, and
 * its size; savepoints are marked.
 */
import type { TraceEvent } from '../trace/events.js';

export interface CheckpointFigure {
  readonly id: number;
  readonly completedAt: number;
  readonly durationMs: number;
  readonly alignmentMs: number;
  readonly sizeBytes: number;
  readonly savepoint: boolean;
}

export interface CheckpointMetrics {
  readonly completed: readonly CheckpointFigure[];
  readonly aborted: number;
  /** Longest duration, or 0 when none completed. */
  readonly maxDurationMs: number;
  readonly meanDurationMs: number;
}

export function checkpointMetrics(trace: readonly TraceEvent[]): CheckpointMetrics {
  const completed: CheckpointFigure[] = [];
  let aborted = 0;
  for (const e of trace) {
    if (e.type === 'checkpoint-completed') {
      completed.push({ id: e.id, completedAt: e.at, durationMs: e.durationMs, alignmentMs: e.alignmentMs, sizeBytes: e.sizeBytes, savepoint: e.savepoint });
    } else if (e.type === 'checkpoint-aborted') aborted++;
  }
  const total = completed.reduce((n, c) => n + c.durationMs, 0);
  return {
    completed,
    aborted,
    maxDurationMs: completed.reduce((m, c) => Math.max(m, c.durationMs), 0),
    meanDurationMs: completed.length > 0 ? total / completed.length : 0,
  };
}
