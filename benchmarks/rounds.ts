/**
 * Interleaved rounds: a suite's tasks (the engine and its hand loop) take turns, one run each per
 * round, instead of each running all its iterations in a row. A shared machine changes speed over
 * seconds (other jobs come and go); when the engine's runs all fall in a slow stretch and the hand
 * loop's in a fast one, their ratio says more about the neighbours than about the engine. In a
 * round both run within a second or two of each other, so each round gives a paired ratio, and
 * the order alternates between rounds so that neither task always runs second.
 *
 * Each round is one tinybench run (one iteration per task, its clock and its hooks); the samples
 * of the rounds are then summarised with tinybench's own definitions (quantiles by linear
 * interpolation, rme = Student's t at 95% × standard error ÷ mean).
 */
import { Bench } from 'tinybench';

export type RoundMode = 'warmup' | 'run';

export interface RoundTask {
  readonly name: string;
  readonly fn: () => Promise<void>;
  readonly beforeEach?: (mode: RoundMode) => void;
  readonly afterEach?: (mode: RoundMode) => void;
}

export interface RoundOptions {
  readonly name: string;
  /** Measured rounds. */
  readonly rounds: number;
  /** One round first whose samples are dropped, so that V8 has optimised the code measured. */
  readonly warmup: boolean;
  /** tinybench's clock, in ms; tests swap it. */
  readonly now?: () => number;
}

/** Runs the rounds; returns each task's run times (ms) over the measured rounds, in round order. */
export async function runRounds(tasks: readonly RoundTask[], o: RoundOptions): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const total = o.rounds + (o.warmup ? 1 : 0);
  for (let round = 0; round < total; round++) {
    const mode: RoundMode = o.warmup && round === 0 ? 'warmup' : 'run';
    const bench = new Bench({ name: o.name, iterations: 1, time: 0, warmup: false, throws: true, ...(o.now !== undefined ? { now: o.now } : {}) });
    const order = round % 2 === 0 ? tasks : [...tasks].reverse();
    for (const t of order) {
      bench.add(t.name, t.fn, {
        beforeEach: () => t.beforeEach?.(mode),
        afterEach: () => t.afterEach?.(mode),
      });
    }
    await bench.run();
    if (mode === 'warmup') continue;
    for (const t of tasks) {
      const result = bench.getTask(t.name)?.result;
      if (result === undefined) throw new Error(`bench: task ${t.name} has no result`);
      if (result.error !== undefined) throw result.error;
      const [ms] = result.latency.samples;
      if (ms === undefined) throw new Error(`bench: task ${t.name} took no sample in round ${round}`);
      (samples.get(t.name) as number[]).push(ms);
    }
  }
  return samples;
}

export interface SampleStatistics {
  /** Sorted ascending. */
  readonly samples: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly p50: number;
  readonly p75: number;
  readonly p99: number;
  /** Relative margin of error of the mean, percent (95%, Student's t); 0 for a single sample. */
  readonly rme: number;
}

/** Two-sided 95% Student's t by degrees of freedom (1 … 30), as tinybench's table has them; 1.96 beyond. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function quantileSorted(s: readonly number[], q: number): number {
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const a = s[lo] as number;
  const b = s[lo + 1];
  return b === undefined ? a : a + (pos - lo) * (b - a);
}

/** Summary statistics of a non-empty sample, with tinybench's definitions. */
export function statisticsOf(values: readonly number[]): SampleStatistics {
  if (values.length === 0) throw new Error('statisticsOf: no samples');
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const mean = s.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? s.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : 0;
  const sem = Math.sqrt(variance) / Math.sqrt(n);
  const t = n > 1 ? (T_975[n - 2] ?? 1.96) : 0;
  const rme = mean === 0 ? 0 : ((sem * t) / Math.abs(mean)) * 100;
  return {
    samples: s,
    min: s[0] as number,
    max: s[n - 1] as number,
    mean,
    p50: quantileSorted(s, 0.5),
    p75: quantileSorted(s, 0.75),
    p99: quantileSorted(s, 0.99),
    rme,
  };
}
