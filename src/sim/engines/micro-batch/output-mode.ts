/**
 * Spark's output modes (Structured Streaming guide, "Output Modes"), on top of the shared window
 * operator:
 * - append: a window's row is written once, when the watermark passes its end and its state is
 *   evicted; this is the operator's on-time firing under the rule book, applied per batch;
 * - update: every row whose aggregate changed in the batch is written once, at the end of the
 *   batch. The operator's Spark update rule emits the updated row on every element; the batch
 *   keeps the last row per window (and none for a session window merged away later in the same
 *   batch), which is the row the batch's StateStoreSaveExec writes. Rows carry the whole
 *   aggregate, so update mode is accumulating. When the watermark later passes the window, Spark
 *   only evicts the state: nothing is written then;
 * - complete: the whole result table is written after every batch. Spark keeps all aggregation
 *   state in complete mode (the watermark evicts nothing and drops nothing), so the operator's
 *   clock is never advanced and the table is read from its state. Rows carry no pane number in
 *   Spark; a complete-mode row's index is the batch id, the key an idempotent sink writes it under.
 */
import { assertNever } from '../../kernel/assert.js';
import type { Pane } from '../../model/pane.js';
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';
import { resultOf } from '../../operators/aggregate.js';
import type { OutputMode, Scenario } from '../../scenario/types.js';

/** The scenario the window operator runs with under this output mode. */
export function operatorScenario(s: Scenario, mode: OutputMode): Scenario {
  switch (mode) {
    case 'append':
      return s;
    case 'update':
      return s;
    case 'complete':
      return { ...s, outputMode: 'append', trigger: { late: s.trigger.late } };
    default:
      return assertNever(mode, 'operatorScenario');
  }
}

/** Does the batch keep only the last row per window (update mode)? */
export function keepsLastRowPerWindow(mode: OutputMode): boolean {
  return mode === 'update';
}

/** Does the watermark drive the operator (fire, evict, drop late data) under this mode? */
export function watermarkApplies(mode: OutputMode): boolean {
  return mode !== 'complete';
}

export interface TableRow {
  readonly task: number;
  readonly pane: Pane;
}

/**
 * Complete mode: one row per (key, window) held in state, with its whole aggregate. `fireAt`
 * says when the rule book would call the window complete, for the pane's timing.
 */
export function completeTable(
  scenario: Scenario,
  partitions: readonly OperatorSnapshot[],
  batch: number,
  now: number,
  watermark: number,
  fireAt: (w: { start: number; end: number }) => number,
): TableRow[] {
  const rows: TableRow[] = [];
  partitions.forEach((snapshot, task) => {
    for (const e of snapshot.windows) {
      const value = resultOf(scenario.aggregate, e.total);
      if (value === undefined) continue;
      const window = { start: e.start, end: e.end };
      rows.push({
        task,
        pane: {
          key: e.key,
          window,
          value,
          timing: watermark >= fireAt(window) ? 'LATE' : 'EARLY',
          index: batch,
          isLast: false,
          emittedAt: now,
          count: e.total.count,
          maxEventTime: e.maxEventTime,
          maxIngestionTime: e.maxIngestionTime,
        },
      });
    }
  });
  return rows;
}
