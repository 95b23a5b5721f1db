/**
 * Sustainable throughput, as streaming benchmarks define it (Karimov et al., "Benchmarking
 * distributed stream data processing systems", ICDE 2018; SEMANTICS.md "Latency"): the highest
 * input rate the job keeps up with, without an ever-growing backlog. Found by sweeping the
 * generator's rate (input.generator.rate) with a bisection over a few runs of the same scenario and
 * seed, so the answer is deterministic.
 *
 * The criterion is on the unprocessed records: the backlog of the source log plus the records read
 * and still queued inside the engine before the window operator (backlog.ts: `records` +
 * `inFlight`). Counting the queues matters: credit lets them absorb an overload for a while (up to
 * `channelCapacity` records per channel) before backpressure reaches the source, and a short run
 * would not see it in the log alone. Over the input period [T0, T1], from the first to the last
 * append:
 * 1. bounded: the backlog at T1, when the input ends, is at most `maxBacklogMs` of input at the
 *    rate tried (default one second's worth, and at least `minBacklogRecords`);
 * 2. not growing: over the second half of the input period, [(T0 + T1) / 2, T1], the least-squares
 *    slope of the backlog, sampled at `samples` evenly spaced instants, is at most
 *    `maxGrowthRatio` of the rate (default 1/100: a backlog that grows by more than 1 % of the input
 *    rate per second is ever-growing).
 * A rate that meets both is sustainable. The first condition catches a backlog that already grew
 * past the bound; the second one that is still small but climbing. The resolution is what the
 * run's length allows: an overload of less than 1 % of the rate passes.
 *
 * The micro-batch engine with a trigger interval holds input back by design: records wait in the
 * log for the next trigger, so its backlog is a sawtooth up to one interval of input, and a slope
 * over a few seconds of it says nothing. For it the bound of (1) grows by two trigger intervals
 * (one waiting for the trigger, one in the running batch), and (2) is Spark's own test of keeping
 * up (ProcessingTimeExecutor's "Current batch is falling behind" warning): no batch planned during the input, or at the first trigger after it (which
 * still carries a steady load of one interval of input), took longer than the trigger interval.
 * A batch that overruns is followed at once by a larger one, so the backlog grows without bound.
 */
import type { RunResult } from '../engines/engine.js';
import { runEngine } from '../engines/run.js';
import type { GeneratorSpec, Scenario } from '../scenario/types.js';
import { appendTimes, backlog } from './backlog.js';

export interface SustainableRateOptions {
  /** A rate expected to be sustainable (events per second); default 1. */
  readonly lowRatePerSec?: number;
  /** A rate expected not to be; default 10 × the scenario's rate. */
  readonly highRatePerSec?: number;
  /** Bisection steps after the two ends are checked (default 7). */
  readonly steps?: number;
  /** Backlog bound at the end of the input, in ms of input at the rate tried (default 1000). */
  readonly maxBacklogMs?: number;
  /** The bound is never below this many records (default 100). */
  readonly minBacklogRecords?: number;
  /** Largest tolerated backlog growth, as a share of the rate per second (default 0.01). */
  readonly maxGrowthRatio?: number;
  /** Samples of the backlog over the second half of the input (default 20). */
  readonly samples?: number;
}

export interface RateTrial {
  readonly ratePerSec: number;
  readonly sustainable: boolean;
  /** Unprocessed records (log backlog + in flight) when the input ended (T1). */
  readonly backlogAtEnd: number;
  /** Least-squares slope of the unprocessed records over the second half of the input, in records per second. */
  readonly growthPerSec: number;
  /** The bound the backlog at T1 was held to. */
  readonly bound: number;
}

export interface SustainableRate {
  /** The highest rate found sustainable, or undefined when even the low rate is not. */
  readonly ratePerSec: number | undefined;
  /** The lowest rate found unsustainable, or undefined when even the high rate is sustainable. */
  readonly unsustainableRatePerSec: number | undefined;
  /** Every run, in the order tried. */
  readonly trials: readonly RateTrial[];
}

interface Criterion {
  readonly maxBacklogMs: number;
  readonly minBacklogRecords: number;
  readonly maxGrowthRatio: number;
  readonly samples: number;
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    num += dx * ((ys[i] as number) - my);
    den += dx * dx;
  }
  return den === 0 ? 0 : num / den;
}

/** The micro-batch trigger interval of a run, or 0 for the native engine and as-fast-as-possible triggers. */
function triggerIntervalOf(run: RunResult): number {
  const engine = run.scenario.engine;
  return engine?.type === 'micro-batch' ? engine.triggerIntervalMs : 0;
}

/** Whether a batch planned during [fromMs, untilMs] ran longer than the trigger interval (Spark: falling behind). */
export function batchesFallBehind(run: RunResult, fromMs: number, untilMs: number, triggerMs: number): boolean {
  for (const e of run.trace) {
    if (e.type !== 'batch-committed') continue;
    const startedAt = e.at - e.durationMs;
    if (startedAt >= fromMs && startedAt <= untilMs && e.durationMs > triggerMs) return true;
  }
  return false;
}

/** Judges one run at `ratePerSec` by the criterion above. */
export function judgeRun(run: RunResult, ratePerSec: number, c: Criterion): RateTrial {
  const appended = appendTimes(run.log);
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const times of appended) {
    if (times.length === 0) continue;
    t0 = Math.min(t0, times[0] as number);
    t1 = Math.max(t1, times[times.length - 1] as number);
  }
  const triggerMs = triggerIntervalOf(run);
  // A micro-batch holds up to one interval of input waiting for the trigger and one in the batch that runs.
  const bound = Math.max(c.minBacklogRecords, (ratePerSec * (c.maxBacklogMs + 2 * triggerMs)) / 1000);
  if (t0 === Infinity) return { ratePerSec, sustainable: true, backlogAtEnd: 0, growthPerSec: 0, bound };
  // `samples` level samples, evenly spaced, the last one at T1 itself (a level is read at its bucket's last instant).
  const mid = Math.floor((t0 + t1) / 2);
  const stepMs = Math.max(1, Math.ceil((t1 - mid) / c.samples));
  const grid = { startMs: t1 + 1 - c.samples * stepMs, stepMs, count: c.samples };
  const measured = backlog(run.trace, appended, grid, run.endedAt);
  const b = measured.records.values.map((n, i) => n + (measured.inFlight.values[i] as number));
  const xs = b.map((_, i) => (grid.startMs + (i + 1) * stepMs - 1) / 1000);
  const backlogAtEnd = b[b.length - 1] ?? 0;
  const growthPerSec = slope(xs, b);
  const keepsUp = triggerMs > 0 ? !batchesFallBehind(run, t0, t1 + triggerMs, triggerMs) : growthPerSec <= c.maxGrowthRatio * ratePerSec;
  const sustainable = backlogAtEnd <= bound && keepsUp;
  return { ratePerSec, sustainable, backlogAtEnd, growthPerSec, bound };
}

function generatorOf(scenario: Scenario): GeneratorSpec {
  if (scenario.input.kind !== 'generator') {
    throw new Error(`findSustainableRate: scenario ${scenario.name} reads a ${scenario.input.kind}; the sweep varies input.generator.rate, so it needs a generator input`);
  }
  return scenario.input.generator;
}

/** The scenario with its generator at another rate, and nothing else changed. */
export function atRate(scenario: Scenario, ratePerSec: number): Scenario {
  const generator = generatorOf(scenario);
  return { ...scenario, input: { kind: 'generator', generator: { ...generator, ratePerSec } } };
}

/** Trigger intervals of input a micro-batch trial lasts at least, so that batches after the first carry a steady load. */
export const MICRO_BATCH_TRIGGERS_OF_INPUT = 3;

/**
 * A micro-batch trial whose input would fit in a trigger interval or two cannot fall behind: one
 * batch takes it all. Such a trial gets more events at the same rate, so that its input lasts
 * MICRO_BATCH_TRIGGERS_OF_INPUT intervals; the native engine's trials keep the scenario's events.
 */
export function longEnough(scenario: Scenario): Scenario {
  const engine = scenario.engine;
  if (engine?.type !== 'micro-batch' || engine.triggerIntervalMs <= 0) return scenario;
  const generator = generatorOf(scenario);
  const events = Math.ceil((generator.ratePerSec * MICRO_BATCH_TRIGGERS_OF_INPUT * engine.triggerIntervalMs) / 1000);
  if (events <= generator.events) return scenario;
  return { ...scenario, input: { kind: 'generator', generator: { ...generator, events } } };
}

export function findSustainableRate(scenario: Scenario, opts: SustainableRateOptions = {}): SustainableRate {
  const generator = generatorOf(scenario);
  let low = opts.lowRatePerSec ?? 1;
  let high = opts.highRatePerSec ?? generator.ratePerSec * 10;
  const steps = opts.steps ?? 7;
  if (!(low > 0) || !(high > low)) throw new Error(`findSustainableRate: need 0 < lowRatePerSec < highRatePerSec, got ${low} and ${high}`);
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`findSustainableRate: steps must be a non-negative integer, got ${steps}`);
  const criterion: Criterion = {
    maxBacklogMs: opts.maxBacklogMs ?? 1000,
    minBacklogRecords: opts.minBacklogRecords ?? 100,
    maxGrowthRatio: opts.maxGrowthRatio ?? 0.01,
    samples: opts.samples ?? 20,
  };
  const engine = scenario.engine?.type ?? 'native';
  const trials: RateTrial[] = [];
  const trial = (rate: number): boolean => {
    const run = runEngine(engine, longEnough(atRate(scenario, rate)), { keepPanes: false });
    const t = judgeRun(run, rate, criterion);
    trials.push(t);
    return t.sustainable;
  };
  if (trial(high)) return { ratePerSec: high, unsustainableRatePerSec: undefined, trials };
  if (!trial(low)) return { ratePerSec: undefined, unsustainableRatePerSec: low, trials };
  for (let i = 0; i < steps && high - low > 1; i++) {
    // Bisect on whole events per second: the rates a report prints.
    const mid = Math.round((low + high) / 2);
    if (trial(mid)) low = mid;
    else high = mid;
  }
  return { ratePerSec: low, unsustainableRatePerSec: high, trials };
}
