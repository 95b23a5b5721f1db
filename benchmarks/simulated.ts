/**
 * The engines compared in simulated time, kept apart from the wall-clock figures: for each
 * workload, the native engine against the micro-batch engine at several trigger intervals, by
 * the event-time latency of results (SEMANTICS.md, "Latency, as benchmarks define it": output time
 * − event time of the latest event the result depends on) and by sustainable throughput (the
 * highest input rate with no ever-growing backlog).
 *
 * Latency is exact in simulated time and needs nothing new. Sustainable throughput needs the cost
 * model: at zero cost every rate is sustainable. The search is written and waits for it: it
 * doubles the input rate until the source falls behind for good, then bisects.
 */
import { paneLatencies, type LatencySummary } from '../src/sim/metrics/latency.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import type { TraceEvent, TraceSink } from '../src/sim/trace/events.js';
import { NullTrace } from '../src/sim/trace/events.js';
import { capability, runOn } from './capabilities.js';
import { formatRate } from './render.js';
import { suiteRefusal } from './suite.js';
import { BENCH_COST_MODEL, type BenchEngine, type WorkloadId, WORKLOADS, onEngine } from './workloads.js';

export const TRIGGER_INTERVALS_MS = [1000, 5000, 10_000] as const;

export interface SimulatedRow {
  readonly workload: WorkloadId;
  readonly engine: BenchEngine;
  /** Micro-batch trigger interval; null for the native engine. */
  readonly triggerIntervalMs: number | null;
  readonly events: number;
  readonly available: boolean;
  readonly reason: string | null;
  readonly panes: number | null;
  readonly eventTime: LatencySummary | null;
  readonly processingTime: LatencySummary | null;
  /** Events per second of simulated time; null with the reason in throughputNote. */
  readonly sustainableThroughput: number | null;
  readonly throughputNote: string;
}

export function configLabel(r: Pick<SimulatedRow, 'engine' | 'triggerIntervalMs'>): string {
  return r.triggerIntervalMs === null ? r.engine : `${r.engine} ${r.triggerIntervalMs / 1000} s`;
}

/**
 * Watches ingestion: the lag of each event (ingestion time − append time) is the source's backlog.
 * A backlog that keeps growing shows as a late-run lag well above the mid-run lag.
 */
class BacklogTrace implements TraceSink {
  readonly detailed = true;
  private readonly lags: number[] = [];
  emit(event: TraceEvent): void {
    if (event.type === 'event-ingested') this.lags.push(event.at - event.appendTime);
  }
  growing(): boolean {
    const n = this.lags.length;
    if (n < 100) return false;
    const mean = (from: number, to: number) => {
      let s = 0;
      for (let i = from; i < to; i++) s += this.lags[i] as number;
      return s / Math.max(1, to - from);
    };
    const mid = mean(Math.floor(n * 0.4), Math.floor(n * 0.5));
    const end = mean(Math.floor(n * 0.9), n);
    return end > 2 * mid + 100;
  }
}

function withRate(s: Scenario, ratePerSec: number): Scenario {
  if (s.input.kind !== 'generator') return s;
  return { ...s, input: { kind: 'generator', generator: { ...s.input.generator, ratePerSec } }, cost: s.cost ?? BENCH_COST_MODEL };
}

/** The highest rate (events per simulated second) at which the backlog does not keep growing. */
export function sustainableThroughput(s: Scenario, engine: BenchEngine): number {
  const sustains = (rate: number): boolean => {
    const trace = new BacklogTrace();
    runOn(engine, withRate(s, rate), { trace, keepPanes: false });
    return !trace.growing();
  };
  let good = 0;
  let bad = 1000;
  while (sustains(bad)) {
    good = bad;
    bad *= 2;
    if (bad > 1e9) return Infinity;
  }
  for (let i = 0; i < 6; i++) {
    const mid = Math.round((good + bad) / 2);
    if (sustains(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

function row(workload: WorkloadId, engine: BenchEngine, interval: number | null, events: number, scenario: Scenario | string): SimulatedRow {
  const base = { workload, engine, triggerIntervalMs: interval, events };
  if (typeof scenario === 'string') {
    return { ...base, available: false, reason: scenario, panes: null, eventTime: null, processingTime: null, sustainableThroughput: null, throughputNote: '' };
  }
  let run;
  try {
    run = runOn(engine, scenario, { trace: new NullTrace(), keepPanes: true });
  } catch (error) {
    return row(workload, engine, interval, events, `failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const latency = paneLatencies(run.panes);
  const cost = capability('cost-model');
  let sustainable: number | null = null;
  let note = cost.reason;
  if (cost.available) {
    sustainable = sustainableThroughput({ ...scenario, input: scenario.input.kind === 'generator' ? { kind: 'generator', generator: { ...scenario.input.generator, events: Math.min(events, 20_000) } } : scenario.input }, engine);
    note = `with the benchmark cost model (workloads.ts BENCH_COST_MODEL)`;
  }
  return {
    ...base,
    available: true,
    reason: null,
    panes: run.panesWritten,
    eventTime: latency.eventTime ?? null,
    processingTime: latency.processingTime ?? null,
    sustainableThroughput: sustainable,
    throughputNote: note,
  };
}

/** Every configuration of one workload: native (unless the workload is micro-batch by definition) and micro-batch at each interval. */
export function simulateWorkload(id: WorkloadId, events: number): SimulatedRow[] {
  const def = WORKLOADS[id];
  const rows: SimulatedRow[] = [];
  if (!def.pinnedEngine) {
    const refusal = suiteRefusal(def, 'native');
    rows.push(row(id, 'native', null, events, refusal.reason ?? def.build(events)));
  }
  for (const interval of TRIGGER_INTERVALS_MS) {
    const refusal = suiteRefusal(def, 'micro-batch');
    const scenario = refusal.reason ?? onEngine(def.build(events, { triggerIntervalMs: interval }), 'micro-batch', interval);
    rows.push(row(id, 'micro-batch', interval, events, scenario));
  }
  return rows;
}

export function simulateWorkloads(ids: readonly WorkloadId[], events: number, onProgress: (m: string) => void = () => {}): SimulatedRow[] {
  return ids.flatMap((id) => {
    onProgress(`${id}: simulated-time comparison over ${events.toLocaleString('en-US')} events`);
    return simulateWorkload(id, events);
  });
}

// ---------------------------------------------------------------------------------------------
// Text: a table and a bar chart of p50 / p99.

const seconds = (ms: number | undefined): string => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);

/**
 * The table: one row per configuration. Configurations that cannot run share one row per workload
 * when they fail for the same reason, and long notes (why there is no throughput) become footnotes.
 */
export function renderSimulatedTable(rows: readonly SimulatedRow[]): string {
  const header = ['workload', 'engine', 'events', 'results', 'latency p50', 'p99', 'max', 'sustainable'];
  const notes: string[] = [];
  const mark = (note: string): string => {
    let i = notes.indexOf(note);
    if (i < 0) i = notes.push(note) - 1;
    return `n/a [${i + 1}]`;
  };
  const full: string[][] = [];
  const short: string[][] = [];
  const merged = new Set<SimulatedRow>();
  for (const r of rows) {
    if (merged.has(r)) continue;
    if (r.available) {
      full.push([
        r.workload,
        configLabel(r),
        r.events.toLocaleString('en-US'),
        (r.panes ?? 0).toLocaleString('en-US'),
        seconds(r.eventTime?.p50),
        seconds(r.eventTime?.p99),
        seconds(r.eventTime?.max),
        r.sustainableThroughput === null ? mark(r.throughputNote) : formatRate(r.sustainableThroughput),
      ]);
      continue;
    }
    const same = rows.filter((x) => !x.available && x.workload === r.workload && x.engine === r.engine && x.reason === r.reason);
    same.forEach((x) => merged.add(x));
    const intervals = same.map((x) => x.triggerIntervalMs).filter((x): x is number => x !== null);
    const label = intervals.length > 1 ? `${r.engine} ${intervals.map((x) => x / 1000).join('/')} s` : configLabel(r);
    short.push([r.workload, label, r.events.toLocaleString('en-US'), r.reason ?? 'not available']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...full.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(header), ...full.map(line)];
  for (const r of short) out.push(`${(r[0] ?? '').padEnd(widths[0] ?? 0)}  ${r[1] ?? ''}  ${r[2] ?? ''}  ${r[3] ?? ''}`);
  notes.forEach((n, i) => out.push(`[${i + 1}] ${n}`));
  return out.join('\n') + '\n';
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value` on a scale where `max` fills `width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

/** p50 and p99 event-time latency per workload and engine, on one scale. */
export function renderLatencyChart(rows: readonly SimulatedRow[], width = 40): string {
  const shown = rows.filter((r) => r.available && r.eventTime !== null);
  if (shown.length === 0) return 'no latency to chart\n';
  const max = Math.max(...shown.map((r) => r.eventTime?.p99 ?? 0));
  const labelWidth = Math.max(...shown.map((r) => `${r.workload} ${configLabel(r)}`.length));
  const out = [`event-time latency of results, simulated time (█ = ${seconds(max / width)})`];
  for (const r of shown) {
    const label = `${r.workload} ${configLabel(r)}`.padEnd(labelWidth);
    out.push(`${label}  p50 ${bar(r.eventTime?.p50 ?? 0, max, width).padEnd(width)} ${seconds(r.eventTime?.p50)}`);
    out.push(`${' '.repeat(labelWidth)}  p99 ${bar(r.eventTime?.p99 ?? 0, max, width).padEnd(width)} ${seconds(r.eventTime?.p99)}`);
  }
  return out.join('\n') + '\n';
}
