import { sameValue } from '../../../sim/checkers/values.js';
import type { PaneRecord, WindowLedger, WindowRow, WindowStatus } from '../timeline.js';

/**
 * How many truth windows are pending (seen, no pane yet), exact (the reader holds the truth) or
 * differ, and how many engine windows are not in the answer at all, after each change.
 */
export function windowLedger(rows: readonly WindowRow[], panes: readonly PaneRecord[]): WindowLedger {
  const changes: { step: number; from: WindowStatus | 'hidden'; to: WindowStatus }[] = [];
  for (const row of rows) {
    const inTruth = row.truth !== undefined;
    let status: WindowStatus = inTruth ? 'pending' : 'extra';
    changes.push({ step: row.firstSeenStep, from: 'hidden', to: status });
    if (!inTruth) continue;
    for (const index of row.panes) {
      const p = panes[index];
      if (p === undefined || p.pane.retraction === true) continue;
      const next: WindowStatus = sameValue(p.consumerValue, p.truthValue) ? 'exact' : 'differs';
      if (next !== status) changes.push({ step: p.step, from: status, to: next });
      status = next;
    }
  }
  changes.sort((a, b) => a.step - b.step);
  const counts: Record<WindowStatus, number>[] = [];
  const current: Record<WindowStatus, number> = { pending: 0, exact: 0, differs: 0, extra: 0 };
  for (const c of changes) {
    if (c.from !== 'hidden') current[c.from] -= 1;
    current[c.to] += 1;
    counts.push({ ...current });
  }
  return { steps: changes.map((c) => c.step), counts };
}
