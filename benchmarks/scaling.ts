/**
 * How cost grows. Each scaling suite runs one workload while varying one parameter:
 * - events: W1 over 10^4 … 10^7 events; time must grow linearly, so the slope of a log-log fit of
 *   median time against N should be 1 (and time per event flat);
 * - keys: W1 with 10 … 10^6 keys;
 * - overlap: W3 with 60 s windows sliding every 60 s … 1 s (1 … 60 windows per event); the window
 *   operator slices sliding windows (window-slicing.ts), so the state work per element does not
 *   depend on it; what still grows is the output, a pane per window;
 * - sessions: W4 with 10, 100, 1,000 keys active at a time (more, shorter-lived sessions);
 * - failures: W5 with 0 … 10 crashes (needs checkpoints and failures);
 * - memory: W1 at 2 × 10^6 and 2 × 10^7 events, engine only: the peak heap must not grow with N.
 */
import { type MemoryFigures, memoryTarget, type TargetResult } from './targets.js';
import { runSuite, type SuiteOptions, type SuiteResult } from './suite.js';
import type { WorkloadId, WorkloadOverrides } from './workloads.js';

export const SCALING_KINDS = ['events', 'keys', 'overlap', 'sessions', 'failures', 'memory'] as const;
export type ScalingKind = (typeof SCALING_KINDS)[number];

export interface ScalingPoint {
  readonly x: number;
  readonly result: SuiteResult;
}

export interface Fit {
  /** Exponent b of time ≈ a · x^b, by least squares on logs. */
  readonly slope: number;
  readonly r2: number;
}

export interface ScalingReport {
  readonly kind: ScalingKind;
  readonly workload: WorkloadId;
  readonly parameter: string;
  readonly points: readonly ScalingPoint[];
  /** Fit of the engine's median time against x (events, overlap); null when it means nothing. */
  readonly fit: Fit | null;
  readonly handLoopFit: Fit | null;
  readonly verdict: string;
  readonly memory: MemoryFigures | null;
  readonly target: TargetResult | null;
}

/** Least squares of log(y) on log(x). */
export function logLogFit(points: readonly { x: number; y: number }[]): Fit | null {
  const ps = points.filter((p) => p.x > 0 && p.y > 0);
  if (ps.length < 2) return null;
  const xs = ps.map((p) => Math.log(p.x));
  const ys = ps.map((p) => Math.log(p.y));
  const n = ps.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, r2 };
}

interface Plan {
  readonly workload: WorkloadId;
  readonly parameter: string;
  readonly xs: readonly number[];
  readonly events: (x: number) => number;
  readonly overrides: (x: number) => WorkloadOverrides;
  readonly label: (x: number) => string;
  /** Fit time against x. */
  readonly fit: boolean;
}

const pow10 = (k: number) => 10 ** k;

/**
 * The plan of a scaling suite. `events` is the largest N for 'events', the N of every point for
 * the others (defaults: 10^7, and 10^6 except overlap: 10^5). W3 is no longer slow per element
 * (stream slicing), but each window fires its own pane: at overlap 60, 10^5 events already give
 * 157,766 results, and 10^6 would give ten times as many, which is the sink's cost, not the
 * windows', and would make the suite several times longer for no new information.
 */
export function scalingPlan(kind: Exclude<ScalingKind, 'memory'>, events: number | undefined): Plan {
  switch (kind) {
    case 'events': {
      const max = events ?? pow10(7);
      const xs = [4, 5, 6, 7].map(pow10).filter((n) => n <= max);
      return { workload: 'W1', parameter: 'events', xs: xs.length > 0 ? xs : [max], events: (x) => x, overrides: () => ({}), label: (x) => `W1 N=${x.toExponential(0)}`, fit: true };
    }
    case 'keys':
      return {
        workload: 'W1',
        parameter: 'keys',
        xs: [1, 2, 3, 4, 5, 6].map(pow10),
        events: () => events ?? pow10(6),
        overrides: (x) => ({ keys: x }),
        label: (x) => `W1 K=${x.toExponential(0)}`,
        fit: false,
      };
    case 'overlap':
      // Windows of 60 s sliding every 60 s / overlap: divisors of 60, so slices are whole.
      return {
        workload: 'W3',
        parameter: 'windows per event (overlap)',
        xs: [1, 2, 5, 10, 30, 60],
        events: () => events ?? pow10(5),
        overrides: (x) => ({ slidingSizeMs: 60_000, slidingEveryMs: 60_000 / x }),
        label: (x) => `W3 overlap=${x}`,
        fit: true,
      };
    case 'sessions':
      return {
        workload: 'W4',
        parameter: 'keys active at a time',
        xs: [10, 100, 1000],
        events: () => events ?? pow10(6),
        overrides: (x) => ({ activeKeys: x }),
        label: (x) => `W4 active=${x}`,
        fit: false,
      };
    case 'failures':
      return {
        workload: 'W5',
        parameter: 'crashes',
        xs: [0, 1, 3, 10],
        events: () => events ?? pow10(6),
        overrides: (x) => ({ crashes: x }),
        label: (x) => `W5 crashes=${x}`,
        fit: false,
      };
  }
}

function verdictOf(kind: ScalingKind, fit: Fit | null, points: readonly ScalingPoint[]): string {
  const ok = points.filter((p) => p.result.available);
  if (ok.length === 0) return points[0]?.result.reason ?? 'not available';
  if (kind === 'events') {
    if (fit === null) return 'too few points for a fit';
    const linear = fit.slope >= 0.9 && fit.slope <= 1.1;
    const shape = linear
      ? 'linear'
      : fit.slope > 1.1
        ? 'SUPERLINEAR: time per event grows with N'
        : 'sublinear: time per event falls as N grows (warm-up and fixed costs weigh on small N); no superlinear cost';
    return `time ∝ N^${fit.slope.toFixed(2)} (r² ${fit.r2.toFixed(3)}): ${shape}`;
  }
  if (kind === 'overlap') {
    if (fit === null) return 'too few points for a fit';
    return `time ∝ overlap^${fit.slope.toFixed(2)}: ${fit.slope < 0.2 ? 'flat, as slicing makes it' : 'grows with the number of windows per event (no slicing)'}`;
  }
  const rates = ok.map((p) => p.result.eventsPerSec ?? 0);
  const spread = Math.max(...rates) / Math.max(1, Math.min(...rates));
  return `events/s varies ${spread.toFixed(1)}× across the range`;
}

/** Runs one scaling suite (not memory: see runMemorySuite). */
export async function runScaling(kind: Exclude<ScalingKind, 'memory'>, events: number | undefined, options: Omit<SuiteOptions, 'events'>): Promise<ScalingReport> {
  const plan = scalingPlan(kind, events);
  const points: ScalingPoint[] = [];
  // Warm V8 up on this workload first: otherwise the first (smallest) point pays for compilation
  // and the fit bends below linear for a reason that has nothing to do with the engine.
  const first = plan.xs[0];
  if (first !== undefined && options.now === undefined) {
    const n = Math.min(2 * pow10(5), plan.events(plan.xs[plan.xs.length - 1] ?? first));
    await runSuite(plan.workload, { ...options, events: n, overrides: plan.overrides(first), iterations: 1, onProgress: () => {} });
  }
  for (const x of plan.xs) {
    const n = plan.events(x);
    // Beyond 10^6 events one measured run is enough; the JIT is warm from the smaller points.
    const big = n > 2 * pow10(6);
    const result = await runSuite(plan.workload, {
      ...options,
      events: n,
      overrides: plan.overrides(x),
      label: plan.label(x),
      ...(big ? { iterations: 1, warmup: false } : {}),
    });
    points.push({ x, result });
  }
  const avail = points.filter((p) => p.result.available);
  const fit = plan.fit ? logLogFit(avail.map((p) => ({ x: p.x, y: p.result.medianMs ?? 0 }))) : null;
  // For events, also the slope from 10^5 up, where fixed costs no longer matter.
  const large = avail.filter((p) => p.x >= pow10(5));
  const largeFit = kind === 'events' && large.length >= 2 && large.length < avail.length ? logLogFit(large.map((p) => ({ x: p.x, y: p.result.medianMs ?? 0 }))) : null;
  const handLoopFit = plan.fit ? logLogFit(avail.map((p) => ({ x: p.x, y: p.result.handLoop?.medianMs ?? 0 }))) : null;
  const verdict = verdictOf(kind, fit, points) + (largeFit === null ? '' : `; from 10^5 up: N^${largeFit.slope.toFixed(2)}`);
  return { kind, workload: plan.workload, parameter: plan.parameter, points, fit, handLoopFit, verdict, memory: null, target: null };
}

/** Live-heap samples per run of the memory suite: a forced full GC each, about 5 ms at these sizes. */
export const LIVE_HEAP_SAMPLES = 64;

/**
 * Peak heap at 2 × 10^6 and 2 × 10^7 events of W1, engine only, one run each after a forced GC,
 * with the live heap sampled LIVE_HEAP_SAMPLES times per run (the target's figure: heap in use also
 * counts the garbage V8 has not collected yet, which grows with the heap limit it picks).
 * Nothing in the run may keep per-event data: the generator streams, the trace keeps nothing, panes
 * are counted, not kept. `small` and `large` can be lowered for a quick look.
 */
export async function runMemorySuite(options: Omit<SuiteOptions, 'events'>, small = 2 * pow10(6), large = 2 * pow10(7)): Promise<ScalingReport> {
  const points: ScalingPoint[] = [];
  for (const n of [small, large]) {
    const result = await runSuite('W1', {
      ...options,
      events: n,
      handLoop: false,
      iterations: 1,
      warmup: n === small,
      label: `W1 N=${n.toExponential(0)}`,
      liveHeapSamples: LIVE_HEAP_SAMPLES,
    });
    points.push({ x: n, result });
  }
  const [a, b] = points;
  let memory: MemoryFigures | null = null;
  if (a !== undefined && b !== undefined && a.result.engineRun !== null && b.result.engineRun !== null) {
    memory = {
      smallEvents: small,
      largeEvents: large,
      smallPeakBytes: a.result.engineRun.heapPeakBytes,
      largePeakBytes: b.result.engineRun.heapPeakBytes,
      smallBaseBytes: a.result.engineRun.heapBaseBytes,
      largeBaseBytes: b.result.engineRun.heapBaseBytes,
      smallLivePeakBytes: a.result.engineRun.liveHeapPeakBytes,
      largeLivePeakBytes: b.result.engineRun.liveHeapPeakBytes,
    };
  }
  const target = memoryTarget(memory ?? undefined);
  const liveFigure = memory?.smallLivePeakBytes != null && memory.largeLivePeakBytes != null;
  const verdict = memory === null ? 'not measured' : `peak ${liveFigure ? 'live ' : ''}heap ratio ${target.measured?.toFixed(2)} (need ≤ 1.3): ${target.state}`;
  return { kind: 'memory', workload: 'W1', parameter: 'events', points, fit: null, handLoopFit: null, verdict, memory, target };
}
