/**
 * The metrics part of the report, as plain data: latency percentiles of the results (event time and
 * processing time, from the HDR histogram), throughput, the backlog (consumer lag) and its age, the
 * open window states, busy and backpressured shares per task (Flink's busyTimeMsPerSecond and
 * backPressuredTimeMsPerSecond over the whole run), and for the micro-batch engine its batches
 * (from the trace's `batch-committed` entries, as Spark's StreamingQueryProgress reports
 * batchDuration). Everything is computed after the run by src/sim/metrics; times are integer
 * milliseconds of simulated time, rates are rounded to hundredths, shares are whole percents.
 */
import type { RunResult } from '../engines/engine.js';
import type { LatencySummary } from '../metrics/latency.js';
import { computeRunMetrics } from '../metrics/run-metrics.js';
import type { Series } from '../metrics/series.js';
import type { TraceEvent } from '../trace/events.js';
import { spreadOf, type Spread } from './fault-report.js';

/** Points of the report's series: a sparkline as wide as a compact text line. */
export const REPORT_SERIES_POINTS = 40;

export interface ReportLatency {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export interface ReportTaskMetrics {
  readonly task: string;
  readonly records: number;
  readonly busyMs: number;
  readonly backpressuredMs: number;
  /** Shares of the run, in whole percents. */
  readonly busyPercent: number;
  readonly backpressuredPercent: number;
}

export interface ReportSeries {
  readonly startMs: number;
  readonly stepMs: number;
  readonly values: readonly number[];
}

export interface ReportBatches {
  readonly count: number;
  readonly records: number;
  readonly durationMs: Spread | null;
}

export interface ReportMetrics {
  /** From the first append to the log (or the first trace entry) to the end of the run. */
  readonly durationMs: number;
  readonly latency: { readonly eventTime: ReportLatency | null; readonly processingTime: ReportLatency | null };
  readonly throughput: {
    /** Reads from the source log, replays included. */
    readonly ingested: number;
    readonly results: number;
    /** Reads per simulated second from the first read to the last. */
    readonly meanIngestedPerSec: number;
    readonly ingestedPerSec: ReportSeries;
    readonly resultsPerSec: ReportSeries;
  };
  readonly backlog: {
    readonly maxRecords: number;
    /** The longest any entry waited in the log before it was read. */
    readonly maxAgeMs: number;
    readonly records: ReportSeries;
  };
  readonly state: { readonly maxOpenWindows: number; readonly openAtEnd: number };
  readonly tasks: readonly ReportTaskMetrics[];
  /** Micro-batch engine only. */
  readonly batches?: ReportBatches;
}

const hundredths = (n: number): number => Math.round(n * 100) / 100;
const percent = (ratio: number): number => Math.round(ratio * 100);

function latencyOf(l: LatencySummary | undefined): ReportLatency | null {
  return l === undefined ? null : { count: l.count, p50: l.p50, p90: l.p90, p99: l.p99, max: l.max };
}

function seriesOf(s: Series): ReportSeries {
  return { startMs: s.startMs, stepMs: s.stepMs, values: s.values.map(hundredths) };
}

/** Spark's batchDuration per committed batch; undefined when the run committed none (the native engine). */
export function batchesOf(trace: readonly TraceEvent[]): ReportBatches | undefined {
  const durations: number[] = [];
  let records = 0;
  for (const e of trace) {
    if (e.type !== 'batch-committed') continue;
    durations.push(e.durationMs);
    records += e.records;
  }
  if (durations.length === 0) return undefined;
  return { count: durations.length, records, durationMs: spreadOf(durations) };
}

export function metricsReport(run: RunResult): ReportMetrics {
  const m = computeRunMetrics(run, { maxPoints: REPORT_SERIES_POINTS });
  const batches = run.engine === 'micro-batch' ? (batchesOf(run.trace) ?? { count: 0, records: 0, durationMs: null }) : undefined;
  return {
    durationMs: m.durationMs,
    latency: { eventTime: latencyOf(m.latency.eventTime), processingTime: latencyOf(m.latency.processingTime) },
    throughput: {
      ingested: m.throughput.ingested,
      results: m.throughput.results,
      meanIngestedPerSec: hundredths(m.throughput.meanIngestedPerSec),
      ingestedPerSec: seriesOf(m.throughput.ingestedPerSec),
      resultsPerSec: seriesOf(m.throughput.resultsPerSec),
    },
    backlog: { maxRecords: m.backlog.maxRecords, maxAgeMs: m.backlog.maxAgeMs, records: seriesOf(m.backlog.records) },
    state: { maxOpenWindows: m.state.maxOpenWindows, openAtEnd: m.state.openAtEnd },
    tasks: m.tasks.map((t) => ({
      task: t.name,
      records: t.records,
      busyMs: Math.round(t.busyMs),
      backpressuredMs: Math.round(t.backpressuredMs),
      busyPercent: percent(t.busyRatio),
      backpressuredPercent: percent(t.backpressuredRatio),
    })),
    ...(batches ? { batches } : {}),
  };
}
