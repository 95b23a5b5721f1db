/**
 * One row of `streamsim compare` per run, as plain data: correctness against the exact answer,
 * what each reader of the sink saw against the failure-free run (the ledger), latency and
 * throughput in simulated time, and the checkpoints. A run that could not be made (a bad override,
 * an engine that failed) is a row with its error, so one failure does not hide the others.
 */
import { computeLedger, type Ledger } from '../sim/delivery/ledger.js';
import type { ReaderView } from '../sim/delivery/sink-system.js';
import { paneLatencies, type LatencySummary } from '../sim/metrics/latency.js';
import { appendTimes, backlog as backlogOf } from '../sim/metrics/backlog.js';
import { gridOver } from '../sim/metrics/series.js';
import type { SustainableRate } from '../sim/metrics/sustainable-rate.js';
import { hasFaults, type CheckedRun } from '../sim/report/simulate.js';
import { spreadOf, type Spread } from '../sim/report/fault-report.js';
import type { TraceEvent } from '../sim/trace/events.js';
import { describeWatermark } from './describe-settings.js';

export interface ReaderFigures {
  readonly reader: ReaderView;
  readonly results: number;
  readonly exact: number;
  readonly duplicated: number;
  readonly missing: number;
  readonly wrong: number;
  readonly extra: number;
  /** First visible to this reader − event time of the latest event in the result. */
  readonly visibilityLatency: LatencySummary | null;
  /** First visible to this reader − first written in the failure-free run. */
  readonly visibilityDelay: LatencySummary | null;
}

export interface CompareRowOk {
  readonly status: 'ok';
  readonly label: string;
  readonly axes: Readonly<Record<string, string>>;
  readonly engine: string;
  readonly semantics: string;
  readonly watermark: string;
  readonly guarantee: string;
  readonly sink: string;
  readonly panes: number;
  readonly correct: number;
  readonly partial: number;
  readonly wrong: number;
  readonly duplicated: number;
  readonly aborted: number;
  readonly truthWindows: number;
  readonly finalCorrect: number;
  readonly missing: number;
  readonly lateDropped: number;
  readonly sideOutput: number;
  /** Output time − latest event time of every pane the engine emitted (before any commit). */
  readonly eventTimeLatency: LatencySummary | null;
  readonly processingTimeLatency: LatencySummary | null;
  /** The sink's default reader first, then the scenario's other readers. */
  readonly readers: readonly ReaderFigures[];
  /** Whether the scenario has faults, so that the readers' counts compare it with its failure-free run (without faults they are trivially exact). */
  readonly faults: boolean;
  /**
   * Distinct events ingested per simulated second, from the first ingestion to the last (replays
   * included in the span), and results written per simulated second over the same span to the last
   * result: what the job sustained, not how long its last checkpoint took to come.
   */
  readonly eventsPerSec: number;
  readonly resultsPerSec: number;
  /** The largest backlog (consumer lag: unread entries of the source log) at any instant, and the longest any entry waited in the log. */
  readonly maxBacklog: number;
  readonly maxBacklogAgeMs: number;
  /**
   * With --sustainable: the highest generator rate (events per second) this run's settings keep up
   * with, found by findSustainableRate's bisection (several runs); absent otherwise.
   */
  readonly sustainable?: SustainableFigures;
  readonly checkpoints: {
    readonly completed: number;
    readonly aborted: number;
    readonly durationMs: Spread | null;
    readonly alignmentMs: Spread | null;
    /** State plus stored in-flight records: what an unaligned checkpoint trades alignment for. */
    readonly sizeBytes: Spread | null;
  } | null;
  readonly failures: number;
  readonly restarts: number;
  readonly ok: boolean;
}

export interface SustainableFigures {
  /** The highest rate found sustainable; null when even the lowest rate tried is not. */
  readonly ratePerSec: number | null;
  /** The lowest rate found unsustainable; null when even the highest rate tried is sustainable. */
  readonly unsustainableRatePerSec: number | null;
  /** Runs the bisection made. */
  readonly trials: number;
}

export function sustainableFigures(s: SustainableRate): SustainableFigures {
  return { ratePerSec: s.ratePerSec ?? null, unsustainableRatePerSec: s.unsustainableRatePerSec ?? null, trials: s.trials.length };
}

export interface CompareRowError {
  readonly status: 'error';
  readonly label: string;
  readonly axes: Readonly<Record<string, string>>;
  readonly error: string;
}

export type CompareRow = CompareRowOk | CompareRowError;

/** The reader views of a run: the sink's default reader, then the scenario's readers. */
export function readerViews(checked: CheckedRun): ReaderView[] {
  const views: ReaderView[] = [checked.run.sink.defaultView()];
  for (const r of checked.run.scenario.faultTolerance?.delivery.readers ?? []) if (!views.includes(r)) views.push(r);
  return views;
}

function figuresOf(l: Ledger): ReaderFigures {
  return {
    reader: l.view,
    results: l.results,
    exact: l.exact,
    duplicated: l.duplicated,
    missing: l.missing,
    wrong: l.wrong,
    extra: l.extra,
    visibilityLatency: l.visibilityLatency,
    visibilityDelay: l.visibilityDelay,
  };
}

/**
 * Each reader against the failure-free run: the ledger simulate() computed when the scenario has
 * faults; without faults the run is its own failure-free run, so the same ledger of the run against
 * itself gives its visibility figures (a read-committed reader still waits for the commits).
 */
function readersOf(checked: CheckedRun): ReaderFigures[] {
  return readerViews(checked).map((view) => {
    const ledger = checked.ledger.find((l) => l.view === view) ?? computeLedger(checked.run.sink, checked.run.sink, view);
    return figuresOf(ledger);
  });
}

/** From the first ingestion to the last ingestion, and to the last pane. */
export function activeSpan(trace: readonly TraceEvent[]): { ingestMs: number; outputMs: number } {
  let first = Infinity;
  let lastIngest = -Infinity;
  let lastPane = -Infinity;
  for (const e of trace) {
    if (e.type === 'event-ingested') {
      if (e.at < first) first = e.at;
      if (e.at > lastIngest) lastIngest = e.at;
    } else if (e.type === 'pane-fired' && e.at > lastPane) lastPane = e.at;
  }
  if (first === Infinity) return { ingestMs: 0, outputMs: 0 };
  return { ingestMs: lastIngest - first, outputMs: Math.max(0, lastPane - first) };
}

const perSecond = (n: number, spanMs: number): number => (spanMs <= 0 ? 0 : Math.round((n * 1000 * 100) / spanMs) / 100);

export function compareRowOf(label: string, axes: Readonly<Record<string, string>>, checked: CheckedRun, sustainable?: SustainableRate): CompareRowOk {
  const { run, check } = checked;
  // One bucket is enough: only the exact maxima are read, not the series.
  const backlog = backlogOf(run.trace, appendTimes(run.log), gridOver(0, run.endedAt, 1), run.endedAt);
  const s = check.summary;
  const latency = paneLatencies(run.panes);
  const span = activeSpan(run.trace);
  const delivery = run.scenario.faultTolerance?.delivery;
  const cp = run.scenario.faultTolerance?.checkpoints;
  return {
    status: 'ok',
    label,
    axes,
    engine: run.engine + (run.scenario.engine?.type === 'micro-batch' ? ` ${run.scenario.engine.triggerIntervalMs}ms` : ''),
    semantics: run.scenario.semantics,
    watermark: describeWatermark(run.scenario.watermark),
    guarantee: delivery?.guarantee ?? 'at-most-once',
    sink: delivery?.sink ?? 'plain',
    panes: s.panes,
    correct: s.correct,
    partial: s.partial,
    wrong: s.wrong,
    duplicated: s.duplicated,
    aborted: s.aborted,
    truthWindows: s.truthWindows,
    finalCorrect: s.finalCorrect,
    missing: s.missing,
    lateDropped: s.lateDropped,
    sideOutput: s.sideOutput,
    eventTimeLatency: latency.eventTime ?? null,
    processingTimeLatency: latency.processingTime ?? null,
    readers: readersOf(checked),
    faults: hasFaults(run.scenario),
    eventsPerSec: perSecond(s.events, span.ingestMs),
    resultsPerSec: perSecond(run.panesWritten, span.outputMs),
    maxBacklog: backlog.maxRecords,
    maxBacklogAgeMs: backlog.maxAgeMs,
    ...(sustainable ? { sustainable: sustainableFigures(sustainable) } : {}),
    checkpoints:
      cp === undefined
        ? null
        : {
            completed: run.checkpoints.length,
            aborted: run.abortedCheckpoints.length,
            durationMs: spreadOf(run.checkpoints.map((c) => c.durationMs)),
            alignmentMs: spreadOf(run.checkpoints.map((c) => c.alignmentMs)),
            sizeBytes: spreadOf(run.checkpoints.map((c) => c.sizeBytes)),
          },
    failures: run.failures,
    restarts: run.restarts,
    ok: check.ok,
  };
}
