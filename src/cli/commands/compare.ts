/**
 * `streamsim compare <scenario>`: the same trace under several settings, side by side in one table:
 * correctness against the exact answer, late data, and the latency of results in simulated time.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { paneLatencies, type LatencySummary } from '../../sim/metrics/latency.js';
import { simulate, type CheckedRun } from '../../sim/report/simulate.js';
import { formatDuration } from '../../report/durations.js';
import { describeWatermark } from '../../report/describe-settings.js';
import { colourLevel } from '../colour.js';
import { loadScenario } from '../scenario-files.js';
import type { Variant } from '../variants.js';

export interface CompareRow {
  readonly label: string;
  readonly semantics: string;
  readonly watermark: string;
  readonly panes: number;
  readonly correct: number;
  readonly partial: number;
  readonly wrong: number;
  readonly duplicated: number;
  readonly truthWindows: number;
  readonly finalCorrect: number;
  readonly missing: number;
  readonly lateDropped: number;
  readonly sideOutput: number;
  readonly eventTimeLatency: LatencySummary | null;
  readonly processingTimeLatency: LatencySummary | null;
  readonly ok: boolean;
}

export interface ComparedRun {
  readonly variant: Variant;
  readonly checked: CheckedRun;
  readonly row: CompareRow;
}

export function runVariants(scenarioArg: string, variants: readonly Variant[], seed: number | undefined): ComparedRun[] {
  return variants.map((variant) => {
    const scenario = loadScenario(scenarioArg, variant.overrides);
    const checked = simulate(scenario, seed === undefined ? {} : { seed });
    return { variant, checked, row: rowOf(variant.label, checked) };
  });
}

function rowOf(label: string, checked: CheckedRun): CompareRow {
  const s = checked.check.summary;
  const latency = paneLatencies(checked.run.panes);
  return {
    label,
    semantics: checked.run.scenario.semantics,
    watermark: describeWatermark(checked.run.scenario.watermark),
    panes: s.panes,
    correct: s.correct,
    partial: s.partial,
    wrong: s.wrong,
    duplicated: s.duplicated,
    truthWindows: s.truthWindows,
    finalCorrect: s.finalCorrect,
    missing: s.missing,
    lateDropped: s.lateDropped,
    sideOutput: s.sideOutput,
    eventTimeLatency: latency.eventTime ?? null,
    processingTimeLatency: latency.processingTime ?? null,
    ok: checked.check.ok,
  };
}

const lat = (l: LatencySummary | null, f: (l: LatencySummary) => number): string => (l ? formatDuration(f(l)) : '—');

export function renderCompareTable(rows: readonly CompareRow[], c: ChalkInstance): string {
  const header = ['run', 'final correct', 'panes', 'partial', 'wrong', 'dup', 'missing', 'late', 'latency p50', 'p99', 'max'];
  const body = rows.map((r) => [
    r.label,
    `${r.finalCorrect}/${r.truthWindows}`,
    String(r.panes),
    String(r.partial),
    String(r.wrong),
    String(r.duplicated),
    String(r.missing),
    String(r.lateDropped + r.sideOutput),
    lat(r.eventTimeLatency, (l) => l.p50),
    lat(r.eventTimeLatency, (l) => l.p99),
    lat(r.eventTimeLatency, (l) => l.max),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const out = [c.bold(line(header))];
  for (const [i, row] of body.entries()) {
    const r = rows[i];
    const text = line(row);
    out.push(r && r.finalCorrect === r.truthWindows && r.ok ? text : r && (r.wrong > 0 || !r.ok) ? c.red(text) : c.yellow(text));
  }
  out.push(c.dim('latency: event-time latency of every pane (output time − latest event time in it), simulated ms'));
  return out.join('\n') + '\n';
}

export function renderCompareCsv(rows: readonly CompareRow[]): string {
  const header = 'run,semantics,watermark,final_correct,truth_windows,panes,correct,partial,wrong,duplicated,missing,late_dropped,side_output,et_latency_p50_ms,et_latency_p99_ms,et_latency_max_ms,pt_latency_p50_ms,pt_latency_p99_ms';
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  const lines = rows.map((r) =>
    [
      q(r.label), r.semantics, q(r.watermark), r.finalCorrect, r.truthWindows, r.panes, r.correct, r.partial, r.wrong, r.duplicated, r.missing, r.lateDropped, r.sideOutput,
      n(r.eventTimeLatency?.p50), n(r.eventTimeLatency?.p99), n(r.eventTimeLatency?.max), n(r.processingTimeLatency?.p50), n(r.processingTimeLatency?.p99),
    ].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

export function compareCommand(args: { scenario: string; variants: readonly Variant[]; seed?: number; json: boolean; csv: boolean }): number {
  const runs = runVariants(args.scenario, args.variants, args.seed);
  const rows = runs.map((r) => r.row);
  if (args.json) process.stdout.write(JSON.stringify({ scenario: runs[0]?.checked.run.scenario.name, seed: runs[0]?.checked.run.seed, runs: rows }, null, 2) + '\n');
  else if (args.csv) process.stdout.write(renderCompareCsv(rows));
  else {
    const c = new Chalk({ level: colourLevel(process.stdout) });
    const first = runs[0]?.checked.run;
    if (first) process.stdout.write(c.bold(`streamsim compare · ${first.scenario.name}`) + c.dim(` · seed ${first.seed} · ${runs.length} runs on the same trace`) + '\n\n');
    process.stdout.write(renderCompareTable(rows, c));
  }
  return 0;
}
