/**
 * The report of a checked run as plain data: what `streamsim run --json` prints and what the text
 * report, the golden files and the UI render. Times are integer milliseconds of simulated time;
 * the infinite bounds of the global window and of the initial watermark are null.
 */
import type { PaneTiming } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { PaneVerdictKind } from '../checkers/pane-classification.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { hasFaults, type CheckedRun } from './simulate.js';
import { checkpointsReport, failuresReport, ledgerReport, type ReportCheckpoints, type ReportFailures, type ReportLedger } from './fault-report.js';
import { metricsReport, type ReportMetrics } from './metrics-report.js';

export const REPORT_VERSION = 1;

export interface ReportWindow {
  readonly start: number | null;
  readonly end: number | null;
}

export interface ReportPane {
  readonly key: string;
  readonly window: ReportWindow;
  readonly value: number;
  readonly timing: PaneTiming;
  readonly index: number;
  readonly isLast: boolean;
  readonly emittedAt: number;
  readonly retraction?: true;
  readonly count: number;
  /** The operator's watermark (or stream time) when the pane fired. */
  readonly watermark: number | null;
  readonly verdict: PaneVerdictKind;
  /** What a downstream reader holds for the key and window after this pane. */
  readonly consumerValue: number | null;
  readonly truthValue: number | null;
}

export interface ReportLateEvent {
  readonly key: string;
  readonly value: number;
  readonly eventTime: number;
  readonly arrivedAt: number;
  readonly watermark: number | null;
  readonly window: ReportWindow;
  readonly partition: number;
  readonly offset: number;
}

export interface Report {
  readonly reportVersion: number;
  readonly scenario: { readonly name: string; readonly description: string; readonly file: string; readonly covers: readonly string[] };
  readonly seed: number;
  readonly semantics: Scenario['semantics'];
  readonly engine: string;
  readonly timeDomain: Scenario['timeDomain'];
  readonly settings: ReturnType<typeof settingsOf>;
  readonly panes: readonly ReportPane[];
  readonly sideOutput: readonly ReportLateEvent[];
  readonly dropped: readonly ReportLateEvent[];
  readonly truth: readonly { readonly key: string; readonly window: ReportWindow; readonly value: number; readonly count: number }[];
  readonly missing: readonly { readonly key: string; readonly window: ReportWindow; readonly truthValue: number; readonly reason: string }[];
  readonly incomplete: readonly { readonly key: string; readonly window: ReportWindow; readonly truthValue: number; readonly finalValue: number }[];
  /** A run resumed from a savepoint: truth windows that closed before it, which the earlier job emitted. */
  readonly closedBeforeSavepoint?: readonly { readonly key: string; readonly window: ReportWindow; readonly truthValue: number }[];
  /** With faults: each reader's ledger against the failure-free run of the same trace. */
  readonly ledger?: readonly ReportLedger[];
  /** With checkpoints: their figures. */
  readonly checkpoints?: ReportCheckpoints;
  /** With faults or checkpoints: the failures and restarts, in order. */
  readonly failures?: ReportFailures;
  /** Latency, throughput, backlog, state and task figures in simulated time (metrics-report.ts). */
  readonly metrics: ReportMetrics;
  readonly summary: ReportSummary;
}

export interface ReportSummary {
  readonly events: number;
  readonly windowed: number;
  readonly filtered: number;
  readonly lateDropped: number;
  readonly sideOutput: number;
  readonly unaccounted: number;
  readonly panes: number;
  readonly correct: number;
  readonly partial: number;
  readonly wrong: number;
  readonly duplicated: number;
  readonly retractions: number;
  readonly aborted: number;
  readonly truthWindows: number;
  readonly finalCorrect: number;
  readonly missing: number;
  readonly incomplete: number;
  readonly closedBeforeSavepoint: number;
  readonly watermarkRegressions: number;
  readonly endedAt: number;
  readonly steps: number;
  readonly ok: boolean;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
/**
 * A watermark as JSON: null before the first one (-∞); the end-of-input watermark +∞ as
 * Number.MAX_SAFE_INTEGER, as Flink sends Long.MAX_VALUE (Watermark.MAX_WATERMARK).
 */
export const MAX_WATERMARK_JSON = Number.MAX_SAFE_INTEGER;
const watermarkOf = (n: number): number | null => (n === Infinity ? MAX_WATERMARK_JSON : finite(n));
const windowOf = (w: Window): ReportWindow => ({ start: finite(w.start), end: finite(w.end) });

export function buildReport(checked: CheckedRun): Report {
  const { run, truth, check } = checked;
  const s = run.scenario;
  const late = lateEvents(run.trace);
  const checkpoints = checkpointsReport(s, run.checkpoints, run.abortedCheckpoints, run.trace);
  const faulty = hasFaults(s);
  return {
    reportVersion: REPORT_VERSION,
    scenario: { name: s.name, description: s.description, file: s.source, covers: s.covers },
    seed: run.seed,
    semantics: s.semantics,
    engine: run.engine,
    timeDomain: s.timeDomain,
    settings: settingsOf(s),
    panes: check.panes.map((v) => {
      const p = v.pane;
      const entry = run.trace[v.traceIndex];
      const watermark = entry && entry.type === 'pane-fired' ? watermarkOf(entry.watermark) : null;
      return {
        key: p.key,
        window: windowOf(p.window),
        value: p.value,
        timing: p.timing,
        index: p.index,
        isLast: p.isLast,
        emittedAt: p.emittedAt,
        ...(p.retraction ? { retraction: true as const } : {}),
        count: p.count,
        watermark,
        verdict: v.verdict,
        consumerValue: Number.isNaN(v.consumerValue) ? null : v.consumerValue,
        truthValue: v.truthValue,
      };
    }),
    sideOutput: late.filter((e) => e.disposition === 'side-output').map((e) => e.event),
    dropped: late.filter((e) => e.disposition === 'dropped').map((e) => e.event),
    truth: truth.windows.map((w) => ({ key: w.key, window: windowOf(w.window), value: w.value, count: w.count })),
    missing: check.missing.map((m) => ({ key: m.key, window: windowOf(m.window), truthValue: m.truthValue, reason: m.reason })),
    incomplete: check.incomplete.map((m) => ({ key: m.key, window: windowOf(m.window), truthValue: m.truthValue, finalValue: m.finalValue })),
    ...(check.closedBeforeSavepoint.length > 0
      ? { closedBeforeSavepoint: check.closedBeforeSavepoint.map((m) => ({ key: m.key, window: windowOf(m.window), truthValue: m.truthValue })) }
      : {}),
    ...(faulty ? { ledger: checked.ledger.map(ledgerReport) } : {}),
    ...(checkpoints ? { checkpoints } : {}),
    ...(faulty || checkpoints ? { failures: failuresReport(run.failures, run.restarts, run.trace) } : {}),
    metrics: metricsReport(run),
    summary: {
      ...check.summary,
      watermarkRegressions: check.watermarkViolations.length,
      endedAt: run.endedAt,
      steps: run.steps,
      ok: check.ok,
    },
  };
}

function lateEvents(trace: readonly TraceEvent[]): { disposition: 'dropped' | 'side-output'; event: ReportLateEvent }[] {
  const out: { disposition: 'dropped' | 'side-output'; event: ReportLateEvent }[] = [];
  for (const e of trace) {
    if (e.type !== 'event-late') continue;
    out.push({
      disposition: e.disposition,
      event: {
        key: e.key,
        value: e.value,
        eventTime: e.eventTime,
        arrivedAt: e.arrivedAt,
        watermark: watermarkOf(e.watermark),
        window: windowOf(e.window),
        partition: e.ref.partition,
        offset: e.ref.offset,
      },
    });
  }
  return out;
}

/** The settings that shape the answer, echoed so a report stands on its own. */
function settingsOf(s: Scenario) {
  return {
    window: s.window,
    aggregate: s.aggregate,
    watermark: s.watermark,
    trigger: s.trigger,
    allowedLatenessMs: s.allowedLatenessMs,
    accumulation: s.accumulation,
    lateData: s.lateData,
    parallelism: s.parallelism,
    channelDelayMs: s.channelDelayMs,
    ...(s.semantics === 'spark' ? { outputMode: s.outputMode } : {}),
    ...(s.semantics === 'kafka-streams' ? { suppress: s.suppress } : {}),
    pipeline: s.pipeline,
    ...(s.faultTolerance ? { delivery: s.faultTolerance.delivery } : {}),
    ...(s.cost ? { cost: s.cost } : {}),
  };
}
