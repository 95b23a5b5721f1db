/**
 * The fault-tolerance sections of the plain report: failures and restarts as they happened, the
 * checkpoint figures, and the ledger of each reader against the failure-free run. Each section
 * appears only when the report has its data, so reports of scenarios without faults or checkpoints
 * are unchanged.
 */
import type { ChalkInstance } from 'chalk';
import { formatClock } from '../sim/model/time.js';
import type { Report } from '../sim/report/report.js';
import type { ReportFailureStep, ReportLedger, Spread } from '../sim/report/fault-report.js';
import type { LatencySummary } from '../sim/metrics/latency.js';
import { formatDuration } from './durations.js';
import { table, windowText } from './text-table.js';

/** Offending results listed per reader before the rest are counted (the JSON report lists all). */
export const OFFENDING_SHOWN = 20;

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const spread = (s: Spread | null, f: (n: number) => string): string => (s === null ? '—' : `p50 ${f(s.p50)} max ${f(s.max)}`);
const ms = (n: number): string => formatDuration(n);

function stepText(step: ReportFailureStep): string {
  switch (step.kind) {
    case 'fault':
      return step.fault === 'failure' ? `fault: ${step.detail}` : `fault ${step.fault}: ${step.detail}`;
    case 'job-failed':
      return `job failed: ${step.reason}`;
    case 'job-restarted':
      return step.fromCheckpoint === null
        ? 'job restarted with empty state (no checkpoint to restore)'
        : `job restarted from checkpoint ${step.fromCheckpoint}: ${step.restoredWindows} window states restored, sources rewound to its offsets` +
            (step.inFlightRecords > 0 ? `, ${step.inFlightRecords} in-flight records replayed` : '');
    case 'transaction-aborted':
      return `transaction ${step.txn} of window-${step.task} aborted: its writes never become visible to read-committed readers`;
  }
}

export function failureLines(r: Report, c: ChalkInstance): string[] {
  const f = r.failures;
  if (f === undefined || f.steps.length === 0) return [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    '',
    c.bold(`Failures (${plural(f.failures, 'failure')}, ${plural(f.restarts, 'restart')})`),
    ...table(f.steps.map((s) => [`at ${formatClock(s.at)}`, s.kind === 'fault' || s.kind === 'job-failed' ? c.red(stepText(s)) : stepText(s)])),
  ];
}

export function checkpointLines(r: Report, c: ChalkInstance): string[] {
  const k = r.checkpoints;
  if (k === undefined) return [];
  return [
    '',
    c.bold(`Checkpoints (${k.mode} every ${ms(k.intervalMs)}): ${k.completed} completed, ${k.aborted} aborted`),
    `  duration ${spread(k.durationMs, ms)} · alignment ${spread(k.alignmentMs, ms)} · size ${spread(k.sizeBytes, formatBytes)}` +
      (k.inFlightRecords > 0 ? ` · ${k.inFlightRecords} in-flight records stored` : ''),
  ];
}

const lat = (l: LatencySummary | null): string => (l === null ? '—' : `${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.max)}`);

function offendingRows(l: ReportLedger, c: ChalkInstance): string[][] {
  return l.offending.slice(0, OFFENDING_SHOWN).map((o) => {
    const verdict = o.verdict === 'duplicated' ? c.magenta(o.verdict) : o.verdict === 'extra' ? c.yellow(o.verdict) : c.red(o.verdict);
    return [
      l.reader,
      o.key,
      windowText(o.window),
      `#${o.index}${o.retraction ? ' retraction' : ''}`,
      verdict,
      `seen ${o.seen}× (expected ${o.expected}×)`,
      `value ${o.value ?? '—'} (expected ${o.expectedValue ?? '—'})`,
      o.visibilityDelayMs === null ? 'never visible' : `visible ${ms(o.visibilityDelayMs)} after the failure-free run`,
    ];
  });
}

export function ledgerLines(r: Report, c: ChalkInstance): string[] {
  const ledgers = r.ledger;
  if (ledgers === undefined || ledgers.length === 0) return [];
  const header = ['reader', 'exact', 'duplicated', 'missing', 'wrong', 'extra', 'visible after failure-free p50 / p99 / max', 'latency p50 / p99 / max'];
  const rows = ledgers.map((l) => [
    l.reader,
    String(l.exact),
    l.duplicated > 0 ? c.magenta(String(l.duplicated)) : '0',
    l.missing > 0 ? c.red(String(l.missing)) : '0',
    l.wrong > 0 ? c.red(String(l.wrong)) : '0',
    l.extra > 0 ? c.yellow(String(l.extra)) : '0',
    lat(l.visibilityDelay),
    lat(l.visibilityLatency),
  ]);
  const lines = ['', c.bold(`Ledger against the failure-free run (${ledgers[0]?.results ?? 0} results)`), ...table([header.map((h) => c.dim(h)), ...rows])];
  const offending = ledgers.flatMap((l) => offendingRows(l, c));
  if (offending.length > 0) {
    lines.push(c.bold('  Offending results'), ...table(offending, '    '));
    for (const l of ledgers) {
      const more = l.offending.length - OFFENDING_SHOWN;
      if (more > 0) lines.push(c.dim(`    … and ${more} more for ${l.reader} (see --json)`));
    }
  }
  lines.push(
    c.dim('  visible after failure-free: when the reader first saw a result, less when the failure-free run wrote it;'),
    c.dim('  latency: when the reader first saw it, less the event time of the latest event in it'),
  );
  return lines;
}
