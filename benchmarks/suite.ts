/**
 * One suite per workload: two tasks, the engine and the hand-written loop, run in the same process
 * over the same generated log. The figure is wall-clock events per second of streamsim itself (N
 * divided by the median run time), reported beside the hand loop's and as a ratio to it; peak heap
 * comes from the sampler the log ticks (instruments.ts).
 *
 * The tasks take turns (rounds.ts): `iterations` rounds after one warm-up round that lets V8
 * optimise, each round one tinybench run of both tasks with `time: 0` (a run over 10^6 events
 * takes seconds, so a time budget would only add runs), so that each round gives a paired ratio.
 * The clock is tinybench's `now` option, so tests swap it for a scripted one and assert on
 * invariants, never on speed. Task functions are async on purpose: tinybench calls a sync function
 * once when it is added, to find out whether it returns a promise, which here would be a whole
 * extra run.
 */
import { Prng } from '../src/sim/kernel/prng.js';
import { KeyTable } from '../src/sim/model/record.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { buildInput } from '../src/sim/sources/build-input.js';
import type { BuiltInput } from '../src/sim/sources/log.js';
import { firstMissing, runOn } from './capabilities.js';
import { handLoopUnsupported, runHandLoop, type HandLoopResult } from './hand-loop.js';
import { HeapSampler, TallyTrace, sampledInput } from './instruments.js';
import { type RoundTask, type SampleStatistics, runRounds, statisticsOf } from './rounds.js';
import {
  type BenchEngine,
  type Capability,
  type WorkloadDef,
  type WorkloadId,
  type WorkloadOverrides,
  WORKLOADS,
  onEngine,
  workloadParams,
} from './workloads.js';

export interface SuiteOptions {
  readonly events: number;
  /** Runs the workload on this engine instead of its own (not for W6, defined on micro-batch). */
  readonly engine?: BenchEngine;
  readonly overrides?: WorkloadOverrides;
  /** Measured runs per task (default 3). */
  readonly iterations?: number;
  /** One warm-up run per task before measuring (default true). */
  readonly warmup?: boolean;
  /** Run the hand loop beside the engine (default true). */
  readonly handLoop?: boolean;
  /** tinybench's clock, in ms; tests swap it. */
  readonly now?: () => number;
  /** Heap sampling stride in events (a power of two, default 1024). */
  readonly heapStride?: number;
  /**
   * Also sample the live heap this many times per run (a forced full GC each time; see
   * HeapSampler): the memory suite's figure. 0 or absent: not sampled.
   */
  readonly liveHeapSamples?: number;
  /** A label for scaling rows, e.g. "keys=10"; default the workload id. */
  readonly label?: string;
  /** Called before each task starts, for progress lines. */
  readonly onProgress?: (message: string) => void;
}

/** The figures of one task, from tinybench's latency samples (ms per run). */
export interface TaskFigures {
  readonly eventsPerSec: number;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly p75Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** tinybench's relative margin of error of the mean, in percent (95%, Student's t). */
  readonly rmePercent: number;
  readonly samplesMs: readonly number[];
  /** Largest peak heap in use over the measured runs, and each run's peak. */
  readonly heapPeakBytes: number;
  readonly heapPeaksBytes: readonly number[];
  /** Heap in use before the runs, after a forced GC. */
  readonly heapBaseBytes: number;
  /** Largest live heap sampled over the measured runs (forced GCs), null when not sampled. */
  readonly liveHeapPeakBytes: number | null;
}

/** What the engine and the hand loop produced, so a figure can be trusted. */
export interface ResultCheck {
  readonly engineResults: number;
  readonly engineTotal: number;
  readonly handLoopResults: number | null;
  readonly handLoopTotal: number | null;
  /** Engine and hand loop agree on count and total; null when they need not (other engines, faults). */
  readonly match: boolean | null;
  /** (key, window) states the engine still held at the end. */
  readonly openWindows: number;
  readonly steps: number;
}

/** ok: measured; not available: the simulator lacks what the workload needs; failed: a run threw. */
export type SuiteStatus = 'ok' | 'not available' | 'failed';

export interface SuiteResult {
  readonly workload: WorkloadId;
  readonly label: string;
  readonly engine: BenchEngine;
  readonly events: number;
  readonly status: SuiteStatus;
  /** status === 'ok'. */
  readonly available: boolean;
  /** Why not, when not ok. */
  readonly reason: string | null;
  readonly eventsPerSec: number | null;
  readonly handLoopEventsPerSec: number | null;
  /** engine ÷ hand loop events per second: the median over the rounds of the paired ratios (rounds.ts). */
  readonly ratio: number | null;
  /** The paired ratios' relative margin of error (95%, Student's t), percent. */
  readonly ratioRmePercent: number | null;
  readonly ratioSamples: readonly number[];
  readonly meanMs: number | null;
  readonly p75Ms: number | null;
  readonly p99Ms: number | null;
  readonly rmePercent: number | null;
  readonly heapPeakBytes: number | null;
  /** The engine's run times, ms. */
  readonly samples: readonly number[];
  readonly medianMs: number | null;
  readonly engineRun: TaskFigures | null;
  readonly handLoop: TaskFigures | null;
  /** Why the hand loop did not run, when it did not. */
  readonly handLoopReason: string | null;
  readonly check: ResultCheck | null;
  readonly overrides: WorkloadOverrides;
}

/** The engine a workload runs on under `requested`, or why it cannot. */
export function engineFor(def: WorkloadDef, requested: BenchEngine | undefined): { engine: BenchEngine; refusal?: string } {
  if (requested === undefined || requested === def.engine) return { engine: def.engine };
  if (def.pinnedEngine) return { engine: def.engine, refusal: `${def.id} is defined on the ${def.engine} engine only` };
  return { engine: requested };
}

/** The scenario a suite runs: the workload, moved to another engine when asked. */
export function suiteScenario(def: WorkloadDef, events: number, engine: BenchEngine, overrides: WorkloadOverrides = {}): Scenario {
  const s = def.build(events, overrides);
  return def.pinnedEngine ? s : onEngine(s, engine, workloadParams(def.id, overrides).triggerIntervalMs);
}

/**
 * The hand loop does the workload's work without the engine's machinery, so it ignores what only
 * an engine has: the micro-batch engine's batching, checkpoints and failures, costs.
 */
export function handLoopScenario(s: Scenario): Scenario {
  return { ...s, engine: undefined, faultTolerance: undefined, cost: undefined };
}

/** The input a scenario's engine would build, built once so every run reads the same log. */
export function inputFor(s: Scenario): BuiltInput {
  return buildInput(s.input, new Prng(s.seed).fork('input'), new KeyTable());
}

/** The row of a workload that did not run on `engine`, with the reason. */
export function unavailable(
  def: WorkloadDef,
  label: string,
  engine: BenchEngine,
  events: number,
  reason: string,
  overrides: WorkloadOverrides,
  status: SuiteStatus = 'not available',
): SuiteResult {
  return {
    workload: def.id,
    label,
    engine,
    events,
    status,
    available: false,
    reason,
    eventsPerSec: null,
    handLoopEventsPerSec: null,
    ratio: null,
    ratioRmePercent: null,
    ratioSamples: [],
    meanMs: null,
    p75Ms: null,
    p99Ms: null,
    rmePercent: null,
    heapPeakBytes: null,
    samples: [],
    medianMs: null,
    engineRun: null,
    handLoop: null,
    handLoopReason: null,
    check: null,
    overrides,
  };
}

/** Why `def` cannot run on `engine` now, or undefined. */
export function suiteRefusal(def: WorkloadDef, requested: BenchEngine | undefined): { engine: BenchEngine; reason?: string } {
  const { engine, refusal } = engineFor(def, requested);
  if (refusal !== undefined) return { engine, reason: refusal };
  const needs: Capability[] = [...def.requires];
  if (engine === 'micro-batch' && !needs.includes('micro-batch')) needs.push('micro-batch');
  const missing = firstMissing(needs);
  return missing === undefined ? { engine } : { engine, reason: missing.reason };
}

/** Invariants the run times' statistics must satisfy; a violation is a bug in the harness, not noise. */
export function checkStatistics(stats: SampleStatistics, iterations: number, what: string): void {
  const { min, max, p75, p99, mean, samples } = stats;
  const fail = (m: string) => {
    throw new Error(`invariant violated: ${what}: ${m} (samples ${JSON.stringify(samples)})`);
  };
  if (samples.length !== iterations) fail(`expected ${iterations} samples, got ${samples.length}`);
  if (!(min <= p75 && p75 <= p99 && p99 <= max)) fail('expected min ≤ p75 ≤ p99 ≤ max');
  if (!(min <= mean && mean <= max)) fail('expected min ≤ mean ≤ max');
  if (!(min >= 0)) fail('negative run time');
}

/** The figures of a suite result, from its tasks' figures and the paired engine ÷ hand loop ratios. */
export function measuredFields(engineRun: TaskFigures, handLoop: TaskFigures | null, ratioSamples: readonly number[]) {
  const ratioStats = handLoop === null || ratioSamples.length === 0 ? null : statisticsOf(ratioSamples);
  return {
    eventsPerSec: engineRun.eventsPerSec,
    handLoopEventsPerSec: handLoop?.eventsPerSec ?? null,
    ratio: ratioStats?.p50 ?? null,
    ratioRmePercent: ratioStats?.rme ?? null,
    ratioSamples: ratioStats === null ? [] : [...ratioSamples],
    meanMs: engineRun.meanMs,
    p75Ms: engineRun.p75Ms,
    p99Ms: engineRun.p99Ms,
    rmePercent: engineRun.rmePercent,
    heapPeakBytes: engineRun.heapPeakBytes,
    samples: engineRun.samplesMs,
    medianMs: engineRun.medianMs,
    engineRun,
    handLoop,
  };
}

/** A task's figures from its run times (ms) and its heap samples. */
export function figuresOf(
  runTimes: readonly number[],
  events: number,
  iterations: number,
  what: string,
  sampler: { peaks: number[]; livePeaks: number[]; base: number },
): TaskFigures {
  const stats = statisticsOf(runTimes);
  checkStatistics(stats, iterations, what);
  const median = stats.p50;
  return {
    eventsPerSec: median > 0 ? events / (median / 1000) : Infinity,
    medianMs: median,
    meanMs: stats.mean,
    minMs: stats.min,
    p75Ms: stats.p75,
    p99Ms: stats.p99,
    maxMs: stats.max,
    rmePercent: Number.isFinite(stats.rme) ? stats.rme : 0,
    samplesMs: [...runTimes],
    heapPeakBytes: Math.max(0, ...sampler.peaks),
    heapPeaksBytes: [...sampler.peaks],
    heapBaseBytes: sampler.base,
    liveHeapPeakBytes: sampler.livePeaks.length > 0 ? Math.max(...sampler.livePeaks) : null,
  };
}

interface Outcome<T> {
  last: T | undefined;
  /** Every run's outcome, warm-up included: they must all agree (the simulator is deterministic). */
  readonly seen: Set<string>;
}

/** Runs one workload's suite. Workloads the simulator cannot run yet come back as not available. */
export async function runSuite(id: WorkloadId, options: SuiteOptions): Promise<SuiteResult> {
  const def = WORKLOADS[id];
  const overrides = options.overrides ?? {};
  const label = options.label ?? id;
  const events = options.events;
  const refusal = suiteRefusal(def, options.engine);
  if (refusal.reason !== undefined) return unavailable(def, label, refusal.engine, events, refusal.reason, overrides);
  const engine = refusal.engine;
  const iterations = options.iterations ?? 3;
  const scenario = suiteScenario(def, events, engine, overrides);
  const loopScenario = handLoopScenario(scenario);
  const input = inputFor(scenario);
  const handLoopReason = options.handLoop === false ? 'not run (--no-hand-loop)' : handLoopUnsupported(loopScenario) ?? null;
  const progress = options.onProgress ?? (() => {});

  const liveEvery = options.liveHeapSamples ? Math.max(1, Math.floor(events / options.liveHeapSamples)) : 0;
  const engineSampler = new HeapSampler(options.heapStride, liveEvery);
  const engineHeap = { peaks: [] as number[], livePeaks: [] as number[], base: 0 };
  const engineOut: Outcome<{ panes: number; total: number; openWindows: number; steps: number }> = { last: undefined, seen: new Set() };
  const tasks: RoundTask[] = [
    {
      name: 'engine',
      fn: async () => {
        const trace = new TallyTrace();
        const r = runOn(engine, scenario, { trace, keepPanes: false, input: sampledInput(input, engineSampler) });
        engineOut.last = { panes: trace.panes, total: trace.total, openWindows: r.openWindows, steps: r.steps };
        engineOut.seen.add(`${trace.panes}/${trace.total}/${r.openWindows}`);
      },
      beforeEach(mode) {
        progress(`${label}: ${engine} engine, ${mode === 'warmup' ? 'warm-up' : 'measured'} run over ${events.toLocaleString('en-US')} events`);
        engineSampler.begin();
        if (engineHeap.base === 0) engineHeap.base = engineSampler.baseline;
      },
      afterEach(mode) {
        const peak = engineSampler.end();
        const live = engineSampler.livePeakBytes;
        if (mode === 'run') engineHeap.peaks.push(peak);
        if (mode === 'run' && live !== null) engineHeap.livePeaks.push(live);
      },
    },
  ];

  const loopSampler = new HeapSampler(options.heapStride);
  const loopHeap = { peaks: [] as number[], livePeaks: [] as number[], base: 0 };
  const loopOut: Outcome<HandLoopResult> = { last: undefined, seen: new Set() };
  if (handLoopReason === null) {
    tasks.push({
      name: 'hand-loop',
      fn: async () => {
        const r = runHandLoop(loopScenario, sampledInput(input, loopSampler));
        loopOut.last = r;
        loopOut.seen.add(`${r.results}/${r.total}`);
      },
      beforeEach(mode) {
        progress(`${label}: hand loop, ${mode === 'warmup' ? 'warm-up' : 'measured'} run`);
        loopSampler.begin();
        if (loopHeap.base === 0) loopHeap.base = loopSampler.baseline;
      },
      afterEach(mode) {
        const peak = loopSampler.end();
        if (mode === 'run') loopHeap.peaks.push(peak);
      },
    });
  }

  let samples: Map<string, number[]>;
  try {
    samples = await runRounds(tasks, { name: label, rounds: iterations, warmup: options.warmup ?? true, ...(options.now !== undefined ? { now: options.now } : {}) });
  } catch (error) {
    // An engine that throws (a step bound reached, an invariant) fails this suite, not the others.
    const message = error instanceof Error ? error.message : String(error);
    return unavailable(def, label, engine, events, `failed: ${message}`, overrides, 'failed');
  }

  const engineSamples = samples.get('engine') ?? [];
  const loopSamples = samples.get('hand-loop');
  const engineRun = figuresOf(engineSamples, events, iterations, 'engine', engineHeap);
  const handLoop = loopSamples === undefined ? null : figuresOf(loopSamples, events, iterations, 'hand-loop', loopHeap);
  // Paired by round: the hand loop's time over the engine's is engine events/s ÷ hand loop events/s.
  const ratios = loopSamples === undefined ? null : engineSamples.map((ms, i) => (ms > 0 ? (loopSamples[i] as number) / ms : Infinity));
  if (engineOut.seen.size > 1) throw new Error(`invariant violated: ${label}: the engine's runs disagree (${[...engineOut.seen].join(', ')}); a run must be a pure function of its inputs`);
  if (loopOut.seen.size > 1) throw new Error(`invariant violated: ${label}: the hand loop's runs disagree (${[...loopOut.seen].join(', ')})`);
  const e = engineOut.last;
  if (e === undefined) throw new Error(`bench: ${label}: the engine task never ran`);
  const l = loopOut.last;
  // Only a plain native run must produce exactly the hand loop's results.
  const comparable = engine === 'native' && scenario.faultTolerance === undefined && scenario.cost === undefined;
  const check: ResultCheck = {
    engineResults: e.panes,
    engineTotal: e.total,
    handLoopResults: l?.results ?? null,
    handLoopTotal: l?.total ?? null,
    match: l === undefined || !comparable ? null : l.results === e.panes && l.total === e.total,
    openWindows: e.openWindows,
    steps: e.steps,
  };
  return {
    workload: id,
    label,
    engine,
    events,
    status: 'ok',
    available: true,
    reason: null,
    ...measuredFields(engineRun, handLoop, ratios ?? []),
    handLoopReason: handLoop === null ? handLoopReason ?? 'not run' : null,
    check,
    overrides,
  };
}
