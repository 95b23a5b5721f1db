/**
 * The panes a read-committed reader of a two-phase-commit sink never sees: those written into a
 * transaction that a failure aborted (Flink's TwoPhaseCommitSinkFunction: on failure, every
 * transaction not yet committed is aborted, except the ones pre-committed for the checkpoint the
 * job restores, which recovery commits). The sink's writes say which transaction each pane went
 * into; the trace's `transaction-aborted` entries say which transactions were aborted.
 */
import type { Pane } from '../model/pane.js';
import type { TraceEvent } from '../trace/events.js';

/** A write as the sink recorded it: the pane and the (task, transaction) it went into. */
export interface TransactionalWrite {
  readonly pane: Pane;
  readonly task: number;
  readonly txn: number;
}

export function abortedPanes(trace: readonly TraceEvent[], writes: readonly TransactionalWrite[]): Set<Pane> {
  const aborted = new Set<string>();
  for (const e of trace) if (e.type === 'transaction-aborted') aborted.add(`${e.task}/${e.txn}`);
  const out = new Set<Pane>();
  if (aborted.size === 0) return out;
  for (const w of writes) if (aborted.has(`${w.task}/${w.txn}`)) out.add(w.pane);
  return out;
}
