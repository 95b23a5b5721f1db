/**
 * `streamsim compare` as text and CSV: one line per run and reader, side by side. Columns that say
 * nothing for these runs (checkpoints when none ran, failures when none struck) are left out.
 */
import type { ChalkInstance } from 'chalk';
import type { LatencySummary } from '../sim/metrics/latency.js';
import type { CompareRow, CompareRowOk, ReaderFigures } from './compare-rows.js';
import { formatDuration } from './durations.js';
import { formatBytes } from './render-faults.js';
import { renderTradeoffChart } from './tradeoff-chart.js';
import { table } from './text-table.js';
import { parseDuration } from '../sim/scenario/time-text.js';

const lat = (l: LatencySummary | null, pick: (l: LatencySummary) => number): string => (l ? formatDuration(pick(l)) : '—');
const rate = (n: number): string => (n >= 100 ? String(Math.round(n)) : String(n));

interface Column {
  readonly title: string;
  /** Whether the column is shown for these rows. */
  readonly shown: (rows: readonly CompareRowOk[]) => boolean;
  /** The cell of the run's first line (its default reader) and of each further reader ('' for run-level columns). */
  readonly cell: (row: CompareRowOk, reader: ReaderFigures | undefined, first: boolean) => string;
}

/** The sustainable rate as found: exact to the bisection's last step, or a bound when an end of the range was never crossed. */
function sustainableText(r: CompareRowOk): string {
  const s = r.sustainable;
  if (s === undefined) return '—';
  if (s.ratePerSec === null) return `< ${rate(s.unsustainableRatePerSec ?? 0)}/s`;
  if (s.unsustainableRatePerSec === null) return `≥ ${rate(s.ratePerSec)}/s`;
  return `${rate(s.ratePerSec)}/s`;
}

const always = () => true;
/** The ledger's counts say something only when a run had faults to compare with its failure-free run. */
const withFaults = (rows: readonly CompareRowOk[]) => rows.some((r) => r.faults);
const runLevel = (f: (r: CompareRowOk) => string) => (r: CompareRowOk, _reader: ReaderFigures | undefined, first: boolean) => (first ? f(r) : '');

const COLUMNS: readonly Column[] = [
  { title: 'final correct', shown: always, cell: runLevel((r) => `${r.finalCorrect}/${r.truthWindows}`) },
  { title: 'wrong panes', shown: always, cell: runLevel((r) => String(r.wrong)) },
  { title: 'late', shown: (rows) => rows.some((r) => r.lateDropped + r.sideOutput > 0), cell: runLevel((r) => String(r.lateDropped + r.sideOutput)) },
  { title: 'reader', shown: always, cell: (_r, reader) => reader?.reader ?? '—' },
  { title: 'exact', shown: withFaults, cell: (_r, reader) => (reader ? `${reader.exact}/${reader.results}` : '—') },
  { title: 'dup', shown: withFaults, cell: (_r, reader) => String(reader?.duplicated ?? '—') },
  { title: 'missing', shown: withFaults, cell: (_r, reader) => String(reader?.missing ?? '—') },
  { title: 'wrong', shown: (rows) => rows.some((r) => r.readers.some((x) => x.wrong > 0)), cell: (_r, reader) => String(reader?.wrong ?? '—') },
  { title: 'extra', shown: (rows) => rows.some((r) => r.readers.some((x) => x.extra > 0)), cell: (_r, reader) => String(reader?.extra ?? '—') },
  { title: 'visible p50', shown: always, cell: (_r, reader) => lat(reader?.visibilityLatency ?? null, (l) => l.p50) },
  { title: 'p99', shown: always, cell: (_r, reader) => lat(reader?.visibilityLatency ?? null, (l) => l.p99) },
  { title: 'emitted p50', shown: always, cell: runLevel((r) => lat(r.eventTimeLatency, (l) => l.p50)) },
  { title: 'p99', shown: always, cell: runLevel((r) => lat(r.eventTimeLatency, (l) => l.p99)) },
  { title: 'max', shown: always, cell: runLevel((r) => lat(r.eventTimeLatency, (l) => l.max)) },
  { title: 'events/s', shown: always, cell: runLevel((r) => rate(r.eventsPerSec)) },
  { title: 'results/s', shown: always, cell: runLevel((r) => rate(r.resultsPerSec)) },
  { title: 'max backlog', shown: always, cell: runLevel((r) => `${r.maxBacklog}${r.maxBacklogAgeMs > 0 ? ` (${formatDuration(r.maxBacklogAgeMs)})` : ''}`) },
  { title: 'sustainable', shown: (rows) => rows.some((r) => r.sustainable !== undefined), cell: runLevel((r) => sustainableText(r)) },
  {
    title: 'checkpoints',
    shown: (rows) => rows.some((r) => r.checkpoints !== null),
    cell: runLevel((r) => (r.checkpoints ? `${r.checkpoints.completed}${r.checkpoints.aborted ? ` (+${r.checkpoints.aborted} aborted)` : ''}` : '—')),
  },
  {
    title: 'cp duration p50/max',
    shown: (rows) => rows.some((r) => r.checkpoints !== null),
    cell: runLevel((r) => (r.checkpoints?.durationMs ? `${formatDuration(r.checkpoints.durationMs.p50)}/${formatDuration(r.checkpoints.durationMs.max)}` : '—')),
  },
  {
    title: 'alignment max',
    shown: (rows) => rows.some((r) => r.checkpoints !== null),
    cell: runLevel((r) => (r.checkpoints?.alignmentMs ? formatDuration(r.checkpoints.alignmentMs.max) : '—')),
  },
  {
    title: 'cp size max',
    shown: (rows) => rows.some((r) => r.checkpoints !== null),
    cell: runLevel((r) => (r.checkpoints?.sizeBytes ? formatBytes(r.checkpoints.sizeBytes.max) : '—')),
  },
  { title: 'restarts', shown: (rows) => rows.some((r) => r.failures > 0), cell: runLevel((r) => String(r.restarts)) },
];

/** A run's verdict colour: green when every reader matched the failure-free run and the truth, red when a reader lost or corrupted results, yellow otherwise. */
function tone(c: ChalkInstance, r: CompareRowOk, reader: ReaderFigures | undefined): (s: string) => string {
  if (reader && (reader.missing > 0 || reader.wrong > 0)) return c.red;
  if ((reader && (reader.duplicated > 0 || reader.extra > 0)) || r.finalCorrect < r.truthWindows) return c.yellow;
  return r.ok ? c.green : c.red;
}

export function renderCompareTable(rows: readonly CompareRow[], c: ChalkInstance): string {
  const ok = rows.filter((r): r is CompareRowOk => r.status === 'ok');
  const columns = COLUMNS.filter((col) => col.shown(ok));
  const body: string[][] = [['run', ...columns.map((col) => col.title)].map((h) => c.bold(h))];
  // The error of a run that could not be made goes on a line of its own below its row.
  const errors = new Map<number, string>();
  for (const r of rows) {
    if (r.status === 'error') {
      errors.set(body.length, r.error);
      body.push([r.label, c.red('could not run')]);
      continue;
    }
    const readers = r.readers.length > 0 ? r.readers : [undefined];
    readers.forEach((reader, i) => {
      const paint = tone(c, r, reader);
      body.push([i === 0 ? r.label : '', ...columns.map((col) => paint(col.cell(r, reader, i === 0)))]);
    });
  }
  const lines = table(body, '').flatMap((line, i) => {
    const error = errors.get(i);
    return error === undefined ? [line] : [line, c.red(`  ↳ ${error}`)];
  });
  lines.push(
    c.dim('final correct: truth windows whose last result the default reader holds equals the exact answer'),
    ...(withFaults(ok) ? [c.dim('exact / dup / missing: what each reader saw against the failure-free run of the same trace (wrong: seen with another value; extra: never in the failure-free run)')] : []),
    c.dim('visible: when the reader first saw a result, less the event time of the latest event in it; emitted: when the engine wrote it'),
    c.dim('events/s, results/s: per simulated second of the run; max backlog: unread records of the source log at worst (and the longest wait)'),
    ...(ok.some((r) => r.sustainable !== undefined)
      ? [c.dim('sustainable: the highest input rate without an ever-growing backlog, found by bisection over the generator rate (several runs per row)')]
      : []),
  );
  return lines.join('\n') + '\n';
}

/** The swept setting's value of each row as a number (a duration in ms, or a plain number), or undefined when one does not read as either. */
function sweptValues(rows: readonly CompareRowOk[], sweep: string): { values: number[]; text: Map<number, string> } | undefined {
  const values: number[] = [];
  const text = new Map<number, string>();
  for (const r of rows) {
    const label = r.axes[sweep];
    const raw = label?.startsWith(`${sweep} `) ? label.slice(sweep.length + 1) : label;
    const v = raw === undefined ? undefined : parseDuration(raw);
    if (raw === undefined || v === undefined) return undefined;
    values.push(v);
    text.set(v, raw);
  }
  return new Set(values).size > 1 ? { values, text } : undefined;
}

/**
 * The sweep as a chart of latency p99 (as the default reader sees it) against one of:
 * 1. the sustainable rate, when every run has one (--sustainable) and they differ: the throughput each setting can reach;
 * 2. else the swept setting itself, when its values read as numbers (a trigger interval, a buffer
 *    timeout, a rate): a job that keeps up reads at its input rate whatever the setting, so the
 *    rate it read says nothing, and latency against the setting is the half of the trade-off the runs show;
 * 3. else the events per second each run read.
 */
export function renderSweepChart(rows: readonly CompareRow[], c: ChalkInstance, sweep?: string, width = 48, height = 10): string {
  const ok = rows.filter((r): r is CompareRowOk => r.status === 'ok');
  const rates = ok.map((r) => r.sustainable?.ratePerSec);
  // One capacity for every run (a sweep of the input rate itself) spreads nothing out: the setting does instead.
  const sustainable = ok.length > 0 && rates.every((v) => v !== undefined && v !== null) && new Set(rates).size > 1;
  const swept = !sustainable && sweep !== undefined ? sweptValues(ok, sweep) : undefined;
  const points = ok.flatMap((r, i) => {
    const latency = r.readers[0]?.visibilityLatency ?? r.eventTimeLatency;
    const x = sustainable ? (r.sustainable?.ratePerSec ?? 0) : swept ? (swept.values[i] ?? 0) : r.eventsPerSec;
    return latency ? [{ label: r.label, x, y: latency.p99 }] : [];
  });
  const xLabel = sustainable ? 'sustainable events/s' : swept && sweep !== undefined ? sweep : 'events/s';
  const formatX = swept ? (n: number) => swept.text.get(n) ?? String(n) : rate;
  const lines = renderTradeoffChart(points, { width, height, xLabel, yLabel: 'latency p99', formatX, formatY: formatDuration }, c);
  if (lines.length === 0) return '';
  if (!ok.some((r) => r.sustainable !== undefined)) lines.push(c.dim('  --sustainable (generator inputs) plots latency against the highest rate each setting sustains'));
  return lines.join('\n') + '\n';
}

const CSV_HEADER = [
  'run', 'status', 'error', 'engine', 'semantics', 'watermark', 'guarantee', 'sink', 'reader',
  'final_correct', 'truth_windows', 'panes', 'correct', 'partial', 'wrong', 'duplicated', 'aborted', 'missing_windows', 'late_dropped', 'side_output',
  'ledger_results', 'exact', 'ledger_duplicated', 'ledger_missing', 'ledger_wrong', 'ledger_extra',
  'visible_p50_ms', 'visible_p99_ms', 'visible_max_ms', 'delay_p50_ms', 'delay_p99_ms', 'delay_max_ms',
  'et_latency_p50_ms', 'et_latency_p99_ms', 'et_latency_max_ms', 'pt_latency_p50_ms', 'pt_latency_p99_ms',
  'events_per_sec', 'results_per_sec', 'max_backlog', 'max_backlog_age_ms', 'sustainable_rate', 'unsustainable_rate', 'sustainable_trials', 'checkpoints', 'checkpoints_aborted', 'checkpoint_duration_p50_ms', 'checkpoint_duration_max_ms', 'alignment_max_ms', 'checkpoint_size_max_bytes',
  'failures', 'restarts',
];

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const n = (v: number | undefined | null): string => (v === undefined || v === null ? '' : String(v));

function csvLine(r: CompareRowOk, reader: ReaderFigures | undefined): string {
  const cp = r.checkpoints;
  return [
    q(r.label), 'ok', '', q(r.engine), r.semantics, q(r.watermark), r.guarantee, r.sink, reader?.reader ?? '',
    r.finalCorrect, r.truthWindows, r.panes, r.correct, r.partial, r.wrong, r.duplicated, r.aborted, r.missing, r.lateDropped, r.sideOutput,
    ...(r.faults ? [n(reader?.results), n(reader?.exact), n(reader?.duplicated), n(reader?.missing), n(reader?.wrong), n(reader?.extra)] : ['', '', '', '', '', '']),
    n(reader?.visibilityLatency?.p50), n(reader?.visibilityLatency?.p99), n(reader?.visibilityLatency?.max),
    n(reader?.visibilityDelay?.p50), n(reader?.visibilityDelay?.p99), n(reader?.visibilityDelay?.max),
    n(r.eventTimeLatency?.p50), n(r.eventTimeLatency?.p99), n(r.eventTimeLatency?.max), n(r.processingTimeLatency?.p50), n(r.processingTimeLatency?.p99),
    r.eventsPerSec, r.resultsPerSec, r.maxBacklog, r.maxBacklogAgeMs, n(r.sustainable?.ratePerSec), n(r.sustainable?.unsustainableRatePerSec), n(r.sustainable?.trials), n(cp?.completed), n(cp?.aborted), n(cp?.durationMs?.p50), n(cp?.durationMs?.max), n(cp?.alignmentMs?.max), n(cp?.sizeBytes?.max),
    r.failures, r.restarts,
  ].join(',');
}

/** One line per run and reader; a run that could not be made is one line with its error. */
export function renderCompareCsv(rows: readonly CompareRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    if (r.status === 'error') {
      lines.push([q(r.label), 'error', q(r.error), ...CSV_HEADER.slice(3).map(() => '')].join(','));
      continue;
    }
    for (const reader of r.readers.length > 0 ? r.readers : [undefined]) lines.push(csvLine(r, reader));
  }
  return lines.join('\n') + '\n';
}
