/**
 * Checks one run against the truth, reading only the trace: every pane classified, every truth
 * window found or explained, every event accounted for, every watermark monotonic.
 *
 * A run is ok when no event is unaccounted, no watermark regressed, and no pane is wrong or
 * duplicated. The reader is the sink's default one (ReaderModel): panes in aborted transactions
 * (aborted-panes.ts) are classified `aborted` and left out of what it holds, and an upsert holds one
 * copy of a pane written twice. Partial panes and missing or incomplete results are not failures by themselves: a
 * heuristic watermark that drops late data is a lesson, not a bug, and the summary shows it.
 */
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import type { Truth } from '../truth/exact-answer.js';
import { accountEvents, type AccountingReport } from './event-accounting.js';
import { indexEventFacts } from './event-facts.js';
import { findMissingResults, type EarlierJobResult, type IncompleteResult, type MissingResult } from './missing-results.js';
import { classifyTrace, type PaneVerdict, type PaneVerdictKind, type ReaderModel } from './pane-classification.js';
import { restoredContents, type RestoredStart } from './restored-start.js';
import { checkWatermarksMonotonic, type WatermarkViolation } from './watermark-monotonic.js';

export interface CheckSummary {
  readonly panes: number;
  readonly correct: number;
  readonly partial: number;
  readonly wrong: number;
  readonly duplicated: number;
  readonly retractions: number;
  /** Panes written into transactions a failure aborted: a read-committed reader never sees them. */
  readonly aborted: number;
  readonly truthWindows: number;
  /** Truth windows whose last value the reader holds equals the truth. */
  readonly finalCorrect: number;
  readonly missing: number;
  readonly incomplete: number;
  /** A resumed run: truth windows that closed before the savepoint (the earlier job emitted them). */
  readonly closedBeforeSavepoint: number;
  /** Distinct events ingested. */
  readonly events: number;
  readonly windowed: number;
  readonly filtered: number;
  readonly lateDropped: number;
  readonly sideOutput: number;
  readonly unaccounted: number;
}

export interface CheckResult {
  readonly panes: PaneVerdict[];
  readonly missing: MissingResult[];
  readonly closedBeforeSavepoint: EarlierJobResult[];
  readonly incomplete: IncompleteResult[];
  readonly accounting: AccountingReport;
  readonly watermarkViolations: WatermarkViolation[];
  readonly summary: CheckSummary;
  readonly ok: boolean;
}

/**
 * `start`: for a run resumed from a savepoint, the saved offsets and restored windows: restored
 * windows are judged with the contents the savepoint carried, and windows that closed before it
 * are the earlier job's, not missing (restored-start.ts).
 */
export function checkRun(scenario: Scenario, trace: readonly TraceEvent[], truth: Truth, reader: ReaderModel = {}, start?: RestoredStart): CheckResult {
  const facts = indexEventFacts(trace);
  const restored = start ? { start, contents: restoredContents(start, truth) } : undefined;
  const classification = classifyTrace(scenario, trace, truth, facts, reader, restored);
  const panes = classification.verdicts;
  const results = findMissingResults(scenario, trace, truth, classification, facts, start);
  const accounting = accountEvents(scenario, trace, truth, facts);
  const watermarkViolations = checkWatermarksMonotonic(trace);
  const verdicts = countVerdicts(panes);
  const totals = accounting.totals;
  const summary: CheckSummary = {
    panes: panes.length,
    correct: verdicts.correct,
    partial: verdicts.partial,
    wrong: verdicts.wrong,
    duplicated: verdicts.duplicated,
    retractions: verdicts.retraction,
    aborted: verdicts.aborted,
    truthWindows: truth.windows.length,
    finalCorrect: results.finalCorrect,
    missing: results.missing.length,
    incomplete: results.incomplete.length,
    closedBeforeSavepoint: results.closedBeforeSavepoint.length,
    events: totals.events,
    windowed: totals.windowed,
    filtered: totals.filtered,
    lateDropped: totals.lateDropped,
    sideOutput: totals.sideOutput,
    unaccounted: totals.unaccounted,
  };
  // After a failure, wrong and duplicated panes are what the delivery guarantee allows, and the
  // ledger judges them; the invariants below must hold in every run.
  const failed = trace.some((e) => e.type === 'job-failed');
  const ok = summary.unaccounted === 0 && watermarkViolations.length === 0 && (failed || (summary.wrong === 0 && summary.duplicated === 0));
  return { panes, missing: results.missing, closedBeforeSavepoint: results.closedBeforeSavepoint, incomplete: results.incomplete, accounting, watermarkViolations, summary, ok };
}

function countVerdicts(panes: readonly PaneVerdict[]): Record<PaneVerdictKind, number> {
  const counts: Record<PaneVerdictKind, number> = { correct: 0, partial: 0, wrong: 0, duplicated: 0, retraction: 0, aborted: 0 };
  for (const p of panes) counts[p.verdict] += 1;
  return counts;
}
