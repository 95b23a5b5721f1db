/**
 * The fault-tolerance part of the report, as plain data: the ledger of each reader against the
 * failure-free run, the checkpoint figures (count, duration, alignment time, size, as Flink's
 * checkpoint statistics show them), and the failures and restarts in the order they happened.
 * Present only when the scenario has faults (ledger) or checkpoints, so the reports of scenarios
 * without them are unchanged.
 */
import type { Ledger, LedgerVerdict } from '../delivery/ledger.js';
import type { LatencySummary } from '../metrics/latency.js';
import type { Window } from '../model/window.js';
import type { CheckpointMode, Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import type { CheckpointStats } from '../engines/native/checkpoint-coordinator.js';

export interface ReportLedgerResult {
  readonly key: string;
  readonly window: { readonly start: number | null; readonly end: number | null };
  readonly index: number;
  readonly retraction?: true;
  readonly verdict: LedgerVerdict;
  /** Copies the reader saw, and copies the failure-free run's reader saw. */
  readonly seen: number;
  readonly expected: number;
  readonly value: number | null;
  readonly expectedValue: number | null;
  readonly visibleAt: number | null;
  /** How long after the failure-free run wrote it the reader could first see it; null if never. */
  readonly visibilityDelayMs: number | null;
}

export interface ReportLedger {
  /** The reader's view: plain, upsert (idempotent sink), read-committed or read-uncommitted. */
  readonly reader: string;
  readonly results: number;
  readonly exact: number;
  readonly duplicated: number;
  readonly missing: number;
  readonly wrong: number;
  readonly extra: number;
  readonly offending: readonly ReportLedgerResult[];
  /** First visible − event time of the latest event in the result. */
  readonly visibilityLatency: LatencySummary | null;
  /** First visible − first written in the failure-free run. */
  readonly visibilityDelay: LatencySummary | null;
}

/** The median (nearest rank) and maximum of a few figures; null when there are none. */
export interface Spread {
  readonly p50: number;
  readonly max: number;
}

export interface ReportCheckpoint {
  readonly id: number;
  readonly savepoint: boolean;
  readonly triggeredAt: number;
  readonly completedAt: number;
  readonly durationMs: number;
  readonly alignmentMs: number;
  readonly sizeBytes: number;
}

export interface ReportCheckpoints {
  readonly mode: CheckpointMode;
  readonly intervalMs: number;
  readonly completed: number;
  readonly aborted: number;
  readonly durationMs: Spread | null;
  readonly alignmentMs: Spread | null;
  readonly sizeBytes: Spread | null;
  /** Records stored as in-flight data by unaligned snapshots, over all tasks and checkpoints. */
  readonly inFlightRecords: number;
  readonly list: readonly ReportCheckpoint[];
}

export type ReportFailureStep =
  | { readonly at: number; readonly kind: 'fault'; readonly fault: string; readonly task?: string; readonly detail: string }
  | { readonly at: number; readonly kind: 'job-failed'; readonly reason: string }
  | { readonly at: number; readonly kind: 'job-restarted'; readonly fromCheckpoint: number | null; readonly restoredWindows: number; readonly inFlightRecords: number }
  | { readonly at: number; readonly kind: 'transaction-aborted'; readonly task: number; readonly txn: number };

export interface ReportFailures {
  readonly failures: number;
  readonly restarts: number;
  readonly steps: readonly ReportFailureStep[];
}

/** Nearest-rank percentile of a non-empty sorted list. */
function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(sorted, 50), max: sorted[sorted.length - 1] ?? 0 };
}

const windowOf = (w: Window) => ({ start: Number.isFinite(w.start) ? w.start : null, end: Number.isFinite(w.end) ? w.end : null });

export function ledgerReport(ledger: Ledger): ReportLedger {
  return {
    reader: ledger.view,
    results: ledger.results,
    exact: ledger.exact,
    duplicated: ledger.duplicated,
    missing: ledger.missing,
    wrong: ledger.wrong,
    extra: ledger.extra,
    offending: ledger.offending.map((r) => ({
      key: r.key,
      window: windowOf(r.window),
      index: r.index,
      ...(r.retraction ? { retraction: true as const } : {}),
      verdict: r.verdict,
      seen: r.seen,
      expected: r.expected,
      value: r.value,
      expectedValue: r.expectedValue,
      visibleAt: r.visibleAt,
      visibilityDelayMs: r.visibleAt !== null && r.baselineWrittenAt !== null ? Math.max(0, r.visibleAt - r.baselineWrittenAt) : null,
    })),
    visibilityLatency: ledger.visibilityLatency,
    visibilityDelay: ledger.visibilityDelay,
  };
}

export function checkpointsReport(
  scenario: Scenario,
  completed: readonly CheckpointStats[],
  aborted: readonly number[],
  trace: readonly TraceEvent[],
): ReportCheckpoints | undefined {
  const spec = scenario.faultTolerance?.checkpoints;
  if (spec === undefined) return undefined;
  const list: ReportCheckpoint[] = completed.map((c) => ({
    id: c.id,
    savepoint: c.savepoint,
    triggeredAt: c.triggeredAt,
    completedAt: c.completedAt,
    durationMs: c.durationMs,
    alignmentMs: c.alignmentMs,
    sizeBytes: c.sizeBytes,
  }));
  let inFlightRecords = 0;
  for (const e of trace) if (e.type === 'checkpoint-snapshot') inFlightRecords += e.inFlightRecords;
  return {
    mode: spec.mode,
    intervalMs: spec.intervalMs,
    completed: list.length,
    aborted: aborted.length,
    durationMs: spreadOf(list.map((c) => c.durationMs)),
    alignmentMs: spreadOf(list.map((c) => c.alignmentMs)),
    sizeBytes: spreadOf(list.map((c) => c.sizeBytes)),
    inFlightRecords,
    list,
  };
}

export function failuresReport(failures: number, restarts: number, trace: readonly TraceEvent[]): ReportFailures {
  const steps: ReportFailureStep[] = [];
  for (const e of trace) {
    switch (e.type) {
      case 'fault':
        steps.push({ at: e.at, kind: 'fault', fault: e.fault, ...(e.task !== undefined ? { task: e.task } : {}), detail: e.detail });
        break;
      case 'job-failed':
        steps.push({ at: e.at, kind: 'job-failed', reason: e.reason });
        break;
      case 'job-restarted':
        steps.push({ at: e.at, kind: 'job-restarted', fromCheckpoint: e.fromCheckpoint, restoredWindows: e.restoredWindows, inFlightRecords: e.inFlightRecords });
        break;
      case 'transaction-aborted':
        steps.push({ at: e.at, kind: 'transaction-aborted', task: e.task, txn: e.txn });
        break;
      default:
        break;
    }
  }
  return { failures, restarts, steps };
}
