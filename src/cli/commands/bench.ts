/**
 * `streamsim bench`: how fast streamsim runs, and how the engines it simulates compare. Two
 * different figures, kept apart:
 * - wall-clock speed of streamsim itself, measured with tinybench over the standard workloads
 *   (benchmarks/workloads.ts), each beside a hand-written loop doing the same work in the same
 *   process (the practical limit), with the targets marked met / NOT MET / not available;
 * - `--simulated`: latency and throughput of the engines streamsim models, in simulated time.
 * `--scaling` shows how cost grows; `--save` keeps a run with machine information under
 * benchmarks/results/, and `--compare <file>` reruns it and flags changes beyond the noise.
 *
 * Runs are long and asynchronous (tinybench), so this command handles its own errors and sets
 * process.exitCode, with the exit codes of exit-codes.ts.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Argv } from 'yargs';
import { collectGarbage } from '../../../benchmarks/instruments.js';
import { jsonRow, layout, renderNotes, renderSuiteTable, renderTargets, formatBytes, formatRate, formatRatio } from '../../../benchmarks/render.js';
import {
  type FigureComparison,
  type ResultsDocument,
  RESULTS_SCHEMA,
  compareResults,
  loadResults,
  machineDifferences,
  machineInfo,
  saveResults,
} from '../../../benchmarks/results.js';
import { LIVE_HEAP_SAMPLES, SCALING_KINDS, type ScalingKind, type ScalingReport, runMemorySuite, runScaling } from '../../../benchmarks/scaling.js';
import { renderLatencyChart, renderSimulatedTable, simulateWorkloads, type SimulatedRow } from '../../../benchmarks/simulated.js';
import { runSuites } from '../../../benchmarks/isolated.js';
import { splitIterations } from '../../../benchmarks/passes.js';
import type { SuiteResult } from '../../../benchmarks/suite.js';
import { evaluateTargets, type TargetResult } from '../../../benchmarks/targets.js';
import { BENCH_ENGINES, type BenchEngine, WORKLOAD_IDS, type WorkloadId, isWorkloadId } from '../../../benchmarks/workloads.js';
import { colourLevel } from '../colour.js';
import { ExitCode, UserError } from '../exit-codes.js';
import { listOption } from '../variants.js';

export const BENCH_DESCRIPTION = 'measure how fast streamsim runs (tinybench, wall clock) and compare the simulated engines (simulated time)';

/**
 * Measured runs per task. Five, not three: the margin of error is Student's t over the runs, and t
 * for four degrees of freedom (2.78) is well under t for two (4.30), for two more runs of each task.
 */
export const DEFAULT_ITERATIONS = 5;

/** Passes over the workload list (passes.ts): 5 rounds split 3 + 2. */
export const DEFAULT_PASSES = 2;

/** Events per run unless --events says otherwise. */
export const DEFAULT_EVENTS = 1_000_000;
/** The simulated-time comparison keeps every pane, so it caps N. */
export const SIMULATED_MAX_EVENTS = 100_000;

export function benchOptions<T>(y: Argv<T>) {
  return y
    .option('workload', { type: 'string', describe: 'workloads, e.g. W1,W3 (default: W1–W7; those the simulator cannot run yet are reported as not available)' })
    .option('events', { type: 'number', describe: `events per run (default ${DEFAULT_EVENTS.toLocaleString('en-US')}; with --scaling events the largest N; with --simulated at most ${SIMULATED_MAX_EVENTS.toLocaleString('en-US')})` })
    .option('engine', { type: 'string', choices: BENCH_ENGINES, describe: "run the workloads on this engine (default: each workload's own: W6 micro-batch, the rest native)" })
    .option('iterations', {
      type: 'number',
      default: DEFAULT_ITERATIONS,
      describe: 'measured runs per task, after one warm-up run (fewer runs: a wider margin of error, Student\'s t)',
    })
    .option('json', { type: 'boolean', default: false, describe: 'print JSON (an array of suite results) instead of tables' })
    .option('save', { type: 'boolean', default: false, describe: 'save the run with machine information to benchmarks/results/<date>-<commit>.json' })
    .option('compare', { type: 'string', describe: 'rerun a saved run (same workloads, events, engine) and flag changes beyond the measured noise' })
    .option('scaling', { type: 'string', choices: SCALING_KINDS, describe: 'how cost grows: events, keys, overlap, sessions, failures, or memory (long: 2M vs 20M events)' })
    .option('simulated', { type: 'boolean', default: false, describe: 'compare the engines in simulated time: latency p50/p99 and sustainable throughput' })
    .option('hand-loop', { type: 'boolean', default: true, describe: 'run the hand-written loop beside the engine (--no-hand-loop to skip it)' })
    .option('passes', {
      type: 'number',
      default: DEFAULT_PASSES,
      describe: 'run the workload list this many times, each workload\'s measured rounds split between the passes and pooled, so a slow stretch of a shared machine does not take all the rounds of one workload',
    })
    .option('isolate', {
      type: 'boolean',
      default: true,
      describe: 'run each workload in a fresh node process, beside its hand loop, so no workload inherits the JIT state of the ones before (--no-isolate: all in this process)',
    });
}

export interface BenchArgs {
  readonly workload?: string | undefined;
  readonly events?: number | undefined;
  readonly engine?: string | undefined;
  readonly iterations?: number | undefined;
  readonly json?: boolean | undefined;
  readonly save?: boolean | undefined;
  readonly compare?: string | undefined;
  readonly scaling?: string | undefined;
  readonly simulated?: boolean | undefined;
  readonly handLoop?: boolean | undefined;
  readonly isolate?: boolean | undefined;
  readonly passes?: number | undefined;
}

export interface BenchPlan {
  readonly workloads: readonly WorkloadId[];
  /** Undefined: the mode's default. */
  readonly events: number | undefined;
  readonly engine: BenchEngine | undefined;
  readonly iterations: number;
  readonly json: boolean;
  readonly save: boolean;
  readonly compare: { readonly path: string; readonly doc: ResultsDocument } | undefined;
  readonly scaling: ScalingKind | undefined;
  readonly simulated: boolean;
  readonly handLoop: boolean;
  readonly isolate: boolean;
  readonly passes: number;
}

function positiveInteger(value: number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new UserError(`streamsim bench: ${flag} must be a positive integer, got ${value}`);
  return value;
}

export function parseWorkloads(text: string | undefined): WorkloadId[] | undefined {
  const list = listOption(text);
  if (list === undefined) return undefined;
  return list.map((w) => {
    const id = w.toUpperCase();
    if (!isWorkloadId(id)) throw new UserError(`streamsim bench: --workload: unknown workload '${w}' (expected ${WORKLOAD_IDS.join(', ')})`);
    return id;
  });
}

/** Validates the arguments; with --compare, the saved run fills what the command line leaves out. */
export function planOf(args: BenchArgs): BenchPlan {
  const engine = args.engine;
  if (engine !== undefined && !(BENCH_ENGINES as readonly string[]).includes(engine)) {
    throw new UserError(`streamsim bench: --engine must be ${BENCH_ENGINES.join(' or ')}, got '${engine}'`);
  }
  const scaling = args.scaling;
  if (scaling !== undefined && !(SCALING_KINDS as readonly string[]).includes(scaling)) {
    throw new UserError(`streamsim bench: --scaling must be one of ${SCALING_KINDS.join(', ')}, got '${scaling}'`);
  }
  if (scaling !== undefined && args.simulated === true) throw new UserError('streamsim bench: --scaling and --simulated are separate runs; give one of them');
  let compare: BenchPlan['compare'];
  if (args.compare !== undefined) {
    try {
      compare = { path: args.compare, doc: loadResults(args.compare) };
    } catch (error) {
      throw new UserError(`streamsim ${(error as Error).message}`);
    }
  }
  const saved = compare?.doc.options;
  const savedWorkloads = saved?.workloads.filter(isWorkloadId);
  return {
    workloads: parseWorkloads(args.workload) ?? savedWorkloads ?? [...WORKLOAD_IDS],
    events: positiveInteger(args.events, '--events') ?? saved?.events,
    engine: (engine as BenchEngine | undefined) ?? ((saved?.engine ?? undefined) as BenchEngine | undefined),
    iterations: positiveInteger(args.iterations, '--iterations') ?? saved?.iterations ?? DEFAULT_ITERATIONS,
    json: args.json ?? false,
    save: args.save ?? false,
    compare,
    scaling: scaling as ScalingKind | undefined,
    simulated: args.simulated ?? false,
    handLoop: args.handLoop ?? true,
    isolate: args.isolate ?? true,
    passes: positiveInteger(args.passes, '--passes') ?? saved?.passes ?? DEFAULT_PASSES,
  };
}

interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly colour: ChalkInstance;
}

function header(plan: BenchPlan, events: number, gc: boolean, c: ChalkInstance): string {
  const m = machineInfo(gc);
  const suites = plan.scaling === undefined && !plan.simulated;
  const shares = suites ? splitIterations(plan.iterations, plan.passes) : [plan.iterations];
  const runs =
    `${plan.iterations} measured run${plan.iterations === 1 ? '' : 's'} per task` +
    (shares.length > 1 ? ` in ${shares.length} passes (${shares.join(' + ')}), each after 1 warm-up` : ' after 1 warm-up') +
    (suites ? (plan.isolate ? ' · a process per workload' : ' · all workloads in one process') : '');
  return (
    c.bold(`streamsim bench · ${events.toLocaleString('en-US')} events`) +
    c.dim(` · ${runs} · node ${m.node} · ${m.cpuCount} × ${m.cpuModel} · load ${m.loadAverage.join(' ')}${gc ? '' : ' · no forced GC'}`) +
    '\n\n'
  );
}

function renderScaling(report: ScalingReport, c: ChalkInstance): string {
  const live = report.points.some((p) => p.result.engineRun?.liveHeapPeakBytes != null);
  const liveOf = (run: SuiteResult['engineRun']) =>
    run === null || run.liveHeapPeakBytes === null ? null : run.liveHeapPeakBytes - run.heapBaseBytes;
  const rows = report.points.map((p) => {
    const r = p.result;
    if (!r.available) return [r.label, String(p.x), r.reason ?? 'not available'];
    const perEvent = r.medianMs === null ? '—' : `${((r.medianMs * 1e6) / r.events).toFixed(0)} ns`;
    const loopPerEvent = r.handLoop === null ? '—' : `${((r.handLoop.medianMs * 1e6) / r.events).toFixed(0)} ns`;
    return [
      r.label,
      r.events.toLocaleString('en-US'),
      formatRate(r.eventsPerSec),
      perEvent,
      r.handLoop === null ? '—' : formatRate(r.handLoopEventsPerSec),
      loopPerEvent,
      formatRatio(r.ratio),
      `±${(r.rmePercent ?? 0).toFixed(1)}%`,
      formatBytes(r.heapPeakBytes),
      formatBytes(r.engineRun === null ? null : r.engineRun.heapPeakBytes - r.engineRun.heapBaseBytes),
      ...(live ? [formatBytes(liveOf(r.engineRun))] : []),
      r.check === null ? '—' : r.check.engineResults.toLocaleString('en-US') + (r.check.match === false ? ' ≠' : ''),
    ];
  });
  const full = rows.filter((r) => r.length > 3);
  const heads = ['run', 'events', 'events/s', 'per event', 'hand loop/s', 'per event', 'ratio', 'rme', 'peak heap', 'run heap', ...(live ? ['live heap'] : []), 'results'];
  const lines = layout(heads, full, 1);
  const out = [c.bold(`scaling: ${report.kind} (${report.workload}, varying ${report.parameter})`), c.bold(lines[0] ?? ''), ...lines.slice(1)];
  for (const r of rows.filter((x) => x.length <= 3)) out.push(c.dim(r.join('  ')));
  out.push('', report.verdict);
  if (report.handLoopFit !== null) out.push(c.dim(`hand loop: time ∝ x^${report.handLoopFit.slope.toFixed(2)} (r² ${report.handLoopFit.r2.toFixed(3)})`));
  if (report.target !== null) out.push('', renderTargets([report.target], c).trimEnd());
  out.push(c.dim('· per event: median run time ÷ N; run heap: peak heap in use minus the heap before the run (after a forced GC).'));
  if (live) {
    out.push(
      c.dim(
        `· live heap: the largest heap that survived a forced full GC, sampled ${LIVE_HEAP_SAMPLES} times per run, minus the heap before the run: what the run retains. ` +
          'Heap in use also counts garbage not collected yet, whose amount follows the heap limit V8 picks (it grows with a longer run). ' +
          'The forced GCs are in the run times: these runs are not speed figures.',
      ),
    );
  }
  return out.join('\n') + '\n';
}

function renderComparison(rows: readonly FigureComparison[], before: ResultsDocument, path: string, c: ChalkInstance): string {
  const body = rows.map((r) => {
    const fmt = (x: number | null) => (x === null ? '—' : r.figure === 'peak heap' ? formatBytes(x) : r.figure === 'ratio' ? formatRatio(x) : formatRate(x));
    return [
      r.label,
      r.figure,
      fmt(r.before),
      fmt(r.after),
      r.change === null ? '—' : `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)}%`,
      r.noise === null ? '—' : `±${(r.noise * 100).toFixed(1)}%`,
      r.verdict,
    ];
  });
  const lines = layout(['run', 'figure', 'before', 'now', 'change', 'noise', 'verdict'], body, 2);
  const out = [c.bold(`compared with ${path} (${before.createdAt}, commit ${before.machine.gitCommit ?? 'unknown'})`), c.bold(lines[0] ?? '')];
  for (const [i, r] of rows.entries()) {
    const text = lines[i + 1] ?? '';
    out.push(r.verdict === 'regressed' ? c.red(text) : r.verdict === 'improved' ? c.green(text) : c.dim(text));
  }
  const counts = (v: string) => rows.filter((r) => r.verdict === v).length;
  out.push('', `${counts('improved')} improved, ${counts('regressed')} regressed, ${counts('within noise')} within noise` + (counts('not comparable') > 0 ? `, ${counts('not comparable')} not comparable` : ''));
  out.push(c.dim('· a change counts when it exceeds the sum of the two runs\' margins of error (rme; for heap, the spread of per-run peaks), or 5% if that is larger.'));
  return out.join('\n') + '\n';
}

function document(plan: BenchPlan, events: number, gc: boolean, results: readonly SuiteResult[], targets: readonly TargetResult[], extra?: Record<string, unknown>): ResultsDocument {
  return {
    schema: RESULTS_SCHEMA,
    createdAt: new Date().toISOString(),
    machine: machineInfo(gc),
    options: { events, iterations: plan.iterations, workloads: plan.workloads, engine: plan.engine ?? null, isolate: plan.isolate, passes: plan.passes },
    results,
    targets,
    ...(extra !== undefined ? { extra } : {}),
  };
}

async function runScalingMode(plan: BenchPlan, kind: ScalingKind, io: Io, progress: (m: string) => void): Promise<{ results: SuiteResult[]; targets: TargetResult[]; extra: Record<string, unknown> }> {
  const options = { iterations: plan.iterations, handLoop: plan.handLoop, onProgress: progress, ...(plan.engine !== undefined ? { engine: plan.engine } : {}) };
  const report = kind === 'memory' ? await runMemorySuite(options) : await runScaling(kind, plan.events, options);
  const results = report.points.map((p) => p.result);
  if (plan.json) {
    const { points, ...summary } = report;
    io.out(JSON.stringify({ scaling: summary, results: points.map((p) => ({ x: p.x, ...jsonRow(p.result) })) }, null, 2) + '\n');
  } else io.out(renderScaling(report, io.colour));
  const { points: _points, ...summary } = report;
  return { results, targets: report.target === null ? [] : [report.target], extra: { scaling: summary } };
}

function runSimulatedMode(plan: BenchPlan, io: Io, progress: (m: string) => void): { extra: Record<string, unknown> } {
  const events = Math.min(plan.events ?? SIMULATED_MAX_EVENTS, SIMULATED_MAX_EVENTS);
  const rows: SimulatedRow[] = simulateWorkloads(plan.workloads, events, progress);
  if (plan.json) io.out(JSON.stringify(rows, null, 2) + '\n');
  else {
    const c = io.colour;
    io.out(c.bold(`streamsim bench --simulated · the engines in simulated time · ${events.toLocaleString('en-US')} events`) + '\n\n');
    io.out(renderSimulatedTable(rows) + '\n');
    io.out(renderLatencyChart(rows) + '\n');
    io.out(
      c.dim(
        '· latency: event-time latency of every result (output time − latest event time in it), in simulated time; zero processing cost, so it shows the engines\' rules (watermark bound, tick interval, trigger interval), not the machine.\n' +
          '· sustainable throughput: the highest input rate with no ever-growing backlog of unread and in-flight records (findSustainableRate), bisected over 250 to 16,000 events/s with runs of 60,000 events, arrival delays up to 500 ms (the cost model charges nothing for disorder) and the benchmark cost model (state in an external store: the window task is the bottleneck); "≥" where the sweep\'s high end was still sustainable, which a run this short cannot judge beyond.\n',
      ),
    );
  }
  return { extra: { simulated: rows } };
}

/** Runs the command; returns the exit code. */
export async function bench(args: BenchArgs, io: Io): Promise<number> {
  const plan = planOf(args);
  const gc = collectGarbage();
  const progress = (m: string) => io.err(`· ${m}\n`);
  const events = plan.events ?? DEFAULT_EVENTS;
  let results: SuiteResult[] = [];
  let targets: TargetResult[] = [];
  let extra: Record<string, unknown> | undefined;

  if (plan.scaling !== undefined) {
    ({ results, targets, extra } = await runScalingMode(plan, plan.scaling, io, progress));
  } else if (plan.simulated) {
    ({ extra } = runSimulatedMode(plan, io, progress));
  } else {
    results = await runSuites(
      plan.workloads,
      {
        events,
        iterations: plan.iterations,
        handLoop: plan.handLoop,
        onProgress: progress,
        ...(plan.engine !== undefined ? { engine: plan.engine } : {}),
      },
      plan.isolate,
      plan.passes,
    );
    targets = evaluateTargets(results);
    if (plan.json && plan.compare === undefined) io.out(JSON.stringify(results.map(jsonRow), null, 2) + '\n');
    else if (!plan.json) {
      const c = io.colour;
      io.out(header(plan, events, gc, c));
      io.out(renderSuiteTable(results, c) + '\n');
      io.out(renderNotes(results, c, gc) + '\n');
      io.out(renderTargets(targets, c));
    }
  }

  const doc = document(plan, events, gc, results, targets, extra);
  if (plan.save) {
    const path = saveResults(doc);
    io.err(`saved ${path}\n`);
  }
  if (plan.compare !== undefined) {
    const before = plan.compare.doc;
    const rows = compareResults(before.results, results);
    if (plan.json) io.out(JSON.stringify({ results: results.map(jsonRow), comparison: rows }, null, 2) + '\n');
    else {
      io.out('\n' + renderComparison(rows, before, plan.compare.path, io.colour));
      for (const d of machineDifferences(before.machine, doc.machine)) io.out(io.colour.yellow(`· different machine: ${d}`) + '\n');
      const method = (isolated: boolean) => (isolated ? 'a process per workload' : 'all workloads in one process');
      if ((before.options.isolate ?? false) !== plan.isolate) {
        io.out(io.colour.yellow(`· different method: the saved run had ${method(before.options.isolate ?? false)}, this one ${method(plan.isolate)}`) + '\n');
      }
    }
  }
  // A suite whose engine threw is a failure of the simulator, reported after the rest ran.
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return ExitCode.ok;
  return failed.some((r) => /step bound/.test(r.reason ?? '')) ? ExitCode.simulation : ExitCode.internal;
}

/** The yargs handler: runs the command and reports errors as the other commands do. */
export async function runBench(args: BenchArgs): Promise<void> {
  const io: Io = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    colour: new Chalk({ level: colourLevel(process.stdout) }),
  };
  try {
    process.exitCode = await bench(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(error.message + '\n');
      process.exitCode = error.code;
      return;
    }
    process.stderr.write(`streamsim bench: internal error (a bug; please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = ExitCode.internal;
  }
}
