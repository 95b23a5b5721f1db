/**
 * Text forms of benchmark results: the suite table, the targets, the notes that say what each
 * figure means, and the JSON rows `--json` prints. Pure functions of the results, so the tests
 * compare shapes without running anything.
 */
import type { ChalkInstance } from 'chalk';
import type { SuiteResult } from './suite.js';
import type { TargetResult } from './targets.js';
import { WORKLOADS } from './workloads.js';

export function formatRate(eventsPerSec: number | null): string {
  if (eventsPerSec === null) return '—';
  if (eventsPerSec >= 1e6) return `${(eventsPerSec / 1e6).toFixed(2)} M/s`;
  if (eventsPerSec >= 1e3) return `${(eventsPerSec / 1e3).toFixed(1)} k/s`;
  return `${eventsPerSec.toFixed(0)} /s`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatRatio(r: number | null): string {
  return r === null ? '—' : r.toFixed(r < 0.1 ? 3 : 2);
}

export function formatPercent(p: number | null): string {
  return p === null ? '—' : `±${p.toFixed(1)}%`;
}

/**
 * Lays out rows under a header: the first `left` columns (or the columns in the set) left-aligned,
 * the rest right-aligned, as numbers read best.
 */
export function layout(header: readonly string[], rows: readonly (readonly string[])[], left: number | ReadonlySet<number> = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const isLeft = (i: number) => (typeof left === 'number' ? i < left : left.has(i));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (isLeft(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export const SUITE_HEADER = [
  'workload',
  'engine',
  'events',
  'events/s',
  'hand loop/s',
  'ratio',
  'mean',
  'p75',
  'p99',
  'rme',
  'peak heap',
  'results',
] as const;

function resultsCell(r: SuiteResult): string {
  const c = r.check;
  if (c === null) return '—';
  if (c.match === null) return formatCount(c.engineResults);
  return c.match ? `${formatCount(c.engineResults)} =` : `${formatCount(c.engineResults)} ≠ ${formatCount(c.handLoopResults ?? 0)}`;
}

export function suiteRow(r: SuiteResult): string[] {
  if (!r.available) return [r.label, r.engine, formatCount(r.events), r.reason ?? 'not available'];
  return [
    r.label,
    r.engine,
    formatCount(r.events),
    formatRate(r.eventsPerSec),
    r.handLoop === null ? 'n/a' : formatRate(r.handLoopEventsPerSec),
    formatRatio(r.ratio),
    formatMs(r.meanMs),
    formatMs(r.p75Ms),
    formatMs(r.p99Ms),
    formatPercent(r.rmePercent),
    formatBytes(r.heapPeakBytes),
    resultsCell(r),
  ];
}

/** The suite table; rows of workloads that cannot run say why across the figure columns. */
export function renderSuiteTable(results: readonly SuiteResult[], c: ChalkInstance): string {
  const available = results.filter((r) => r.available);
  const lines = layout(SUITE_HEADER, available.map(suiteRow), 2);
  const out = [c.bold(lines[0] ?? '')];
  for (const [i, r] of available.entries()) {
    const text = lines[i + 1] ?? '';
    out.push(r.check?.match === false ? c.red(text) : text);
  }
  const idWidth = Math.max(...results.map((r) => r.label.length), 'workload'.length);
  for (const r of results.filter((x) => !x.available)) {
    const text = `${r.label.padEnd(idWidth)}  ${r.engine.padEnd(11)}  ${formatCount(r.events)}  ${r.reason ?? 'not available'}`;
    out.push(r.status === 'failed' ? c.red(text) : c.dim(text));
  }
  return out.join('\n') + '\n';
}

export const STATE_TEXT: Readonly<Record<TargetResult['state'], string>> = {
  met: 'met',
  'NOT MET': 'NOT MET',
  'not available': 'not available',
  'not measured': 'not measured',
};

export function renderTargets(targets: readonly TargetResult[], c: ChalkInstance): string {
  const rows = targets.map((t) => [
    t.description,
    t.measured === null ? '—' : `${formatRatio(t.measured)}${t.marginPercent === null ? '' : ` ${formatPercent(t.marginPercent)}`}`,
    `need ${t.id === 'memory' ? '≤' : '≥'} ${formatRatio(t.required)}`,
    STATE_TEXT[t.state] + (t.withinNoise && (t.state === 'met' || t.state === 'NOT MET') ? ' (within noise)' : ''),
    t.detail,
  ]);
  const lines = layout(['target (ratios measured in this run)', 'measured', 'required', 'state', ''], rows, new Set([0, 3, 4]));
  const out = [c.bold(lines[0] ?? '')];
  for (const [i, t] of targets.entries()) {
    const text = lines[i + 1] ?? '';
    out.push(t.state === 'met' ? c.green(text) : t.state === 'NOT MET' ? c.red(text) : c.dim(text));
  }
  return out.join('\n') + '\n';
}

/** What the columns mean, and each workload's departures from WORKLOADS.md. */
export function renderNotes(results: readonly SuiteResult[], c: ChalkInstance, gcAvailable: boolean): string {
  const notes = [
    'events/s: N ÷ median wall-clock run time of streamsim itself (tinybench); hand loop/s: the same workload as a hand-written loop with no engine, same process, same log; ratio = engine ÷ hand loop, the median of the rounds\' paired ratios (engine and hand loop take turns, one run each per round).',
    'mean, p75, p99: run times over the measured rounds; rme: relative margin of error of the mean (95%, Student\'s t over the runs, as tinybench computes it): the noise. A target\'s margin is its paired ratios\' rme.',
    `peak heap: largest V8 heap in use, sampled every 1,024 events read${gcAvailable ? ', after a forced GC before each run' : ' (no forced GC: run node with --expose-gc)'}.`,
    'results: on-time panes the engine wrote; "=" when the hand loop produced the same count and total, "≠" (red) when not.',
  ];
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.workload)) continue;
    seen.add(r.workload);
    notes.push(...WORKLOADS[r.workload].notes);
    if (r.available && r.handLoop === null && r.handLoopReason !== null) notes.push(`${r.workload}: no hand loop (${r.handLoopReason}).`);
  }
  return notes.map((n) => c.dim(`· ${n}`)).join('\n') + '\n';
}

/** The JSON row `--json` prints: the figures the issue names first, then the details. */
export function jsonRow(r: SuiteResult): Record<string, unknown> {
  return {
    workload: r.workload,
    engine: r.engine,
    events: r.events,
    eventsPerSec: r.eventsPerSec,
    handLoopEventsPerSec: r.handLoopEventsPerSec,
    ratio: r.ratio,
    meanMs: r.meanMs,
    p75Ms: r.p75Ms,
    p99Ms: r.p99Ms,
    rmePercent: r.rmePercent,
    heapPeakBytes: r.heapPeakBytes,
    samples: r.samples,
    label: r.label,
    status: r.status,
    available: r.available,
    reason: r.reason,
    medianMs: r.medianMs,
    ratioRmePercent: r.ratioRmePercent,
    ratioSamples: r.ratioSamples,
    handLoop: r.handLoop,
    handLoopReason: r.handLoopReason,
    check: r.check,
    overrides: r.overrides,
  };
}
