/**
 * The plain report's "Metrics" block: a few lines of latency, throughput, backlog, state and task
 * figures in simulated time, with sparklines of throughput and backlog. It appears only where the
 * figures teach something: a scenario with a cost model, the micro-batch engine, faults or
 * checkpoints. Without a cost model every step takes no simulated time, so the classic scenarios'
 * reports (and their golden files) stay as they were.
 */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../sim/report/report.js';
import type { ReportLatency, ReportMetrics } from '../sim/report/metrics-report.js';
import { sparkline } from '../tui/model/sparkline.js';
import { formatDuration } from './durations.js';
import { table } from './text-table.js';

/** Whether the plain report shows the Metrics block. */
export function showsMetrics(r: Report): boolean {
  return r.settings.cost !== undefined || r.engine === 'micro-batch' || r.ledger !== undefined || r.checkpoints !== undefined;
}

const latencyText = (l: ReportLatency | null): string =>
  l === null ? '—' : `p50 ${formatDuration(l.p50)}  p90 ${formatDuration(l.p90)}  p99 ${formatDuration(l.p99)}  max ${formatDuration(l.max)}`;

const rateText = (n: number): string => (n >= 100 ? String(Math.round(n)) : String(Math.round(n * 100) / 100));

/** The largest value of a series, without spreading it into Math.max (series can be long). */
function peak(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

const spark = (values: readonly number[]): string => sparkline(values, peak(values));

function taskText(r: Report, m: ReportMetrics): string {
  if (m.tasks.length === 0) return '—';
  const idle = m.tasks.every((t) => t.busyMs === 0 && t.backpressuredMs === 0);
  if (idle && r.settings.cost === undefined) return 'no task was busy (no cost model: every step takes no simulated time)';
  return m.tasks.map((t) => `${t.task} ${t.busyPercent}%${t.backpressuredPercent > 0 ? ` (bp ${t.backpressuredPercent}%)` : ''}`).join(', ');
}

export function metricsLines(r: Report, c: ChalkInstance): string[] {
  if (!showsMetrics(r)) return [];
  const m = r.metrics;
  const rows: string[][] = [
    ['latency', `event time       ${latencyText(m.latency.eventTime)}`],
    ['', `processing time  ${latencyText(m.latency.processingTime)}`],
    ['throughput', `${rateText(m.throughput.meanIngestedPerSec)} events/s read (${m.throughput.ingested} reads), ${m.throughput.results} results  ${spark(m.throughput.ingestedPerSec.values)}`],
    ['backlog', `max ${m.backlog.maxRecords} records, longest wait ${formatDuration(m.backlog.maxAgeMs)}  ${spark(m.backlog.records.values)}`],
    ['state', `max ${m.state.maxOpenWindows} open windows, ${m.state.openAtEnd} open at the end`],
    ['busy', taskText(r, m)],
  ];
  if (m.batches) {
    const d = m.batches.durationMs;
    rows.push(['batches', `${m.batches.count} committed, ${m.batches.records} records${d ? `, duration p50 ${formatDuration(d.p50)} max ${formatDuration(d.max)}` : ''}`]);
  }
  const step = formatDuration(m.throughput.ingestedPerSec.stepMs);
  return ['', c.bold(`Metrics (simulated time, sparklines one block per ${step})`), ...table(rows)];
}
