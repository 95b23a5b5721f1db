/**
 * The targets of issue 6, as ratios measured in the same run (so the machine cancels out):
 * - W1 on the native engine reaches at least 1/3 of the hand loop's events per second;
 * - W6 (micro-batch) at least 1/2 of its hand loop;
 * - W3 (sliding, 60 windows per event) at least 1/2 of W1's events per second (stream slicing);
 * - W5 (exactly-once with crashes) at least 0.7 of W1;
 * - peak heap at 20 million events at most 1.3 times that at 2 million (memory bounded by open
 *   state, not by the number of events).
 * A target is met, NOT MET, not available (the simulator lacks what it needs) or not measured (the
 * run did not include the suites it compares).
 */
import type { SuiteResult } from './suite.js';
import type { WorkloadId } from './workloads.js';

export type TargetState = 'met' | 'NOT MET' | 'not available' | 'not measured';

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  readonly required: number;
  readonly measured: number | null;
  /** The measured ratio's margin, from the two figures' rme (percent of the ratio). */
  readonly marginPercent: number | null;
  readonly state: TargetState;
  /** The threshold lies within the measured margin: the verdict could flip on a rerun. */
  readonly withinNoise: boolean;
  readonly detail: string;
}

/** Peak heap at two input sizes, from the memory scaling suite. */
export interface MemoryFigures {
  readonly smallEvents: number;
  readonly largeEvents: number;
  readonly smallPeakBytes: number;
  readonly largePeakBytes: number;
  /** Heap in use before each run (after a forced GC); the run's own peak is peak − base. */
  readonly smallBaseBytes: number;
  readonly largeBaseBytes: number;
  /** Largest live heap sampled in each run (forced GCs, HeapSampler), when sampled: the figure the target uses. */
  readonly smallLivePeakBytes?: number | null;
  readonly largeLivePeakBytes?: number | null;
}

function find(results: readonly SuiteResult[], id: WorkloadId): SuiteResult | undefined {
  return results.find((r) => r.workload === id && r.label === id);
}

function state(measured: number, required: number): TargetState {
  return measured >= required ? 'met' : 'NOT MET';
}

/** engine ÷ hand loop of one suite. */
function handLoopTarget(id: string, description: string, required: number, r: SuiteResult | undefined, engine: string): Omit<TargetResult, 'withinNoise'> {
  const base = { id, description, required };
  if (r === undefined) return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: 'not in this run' };
  if (r.engine !== engine) return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: `${r.workload} ran on ${r.engine}` };
  if (!r.available) return { ...base, measured: null, marginPercent: null, state: 'not available', detail: r.reason ?? '' };
  if (r.ratio === null || r.handLoop === null) {
    return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: r.handLoopReason ?? 'no hand loop' };
  }
  // The ratio is paired by round (rounds.ts): its margin is that of the paired ratios.
  const margin = r.ratioRmePercent ?? (r.rmePercent ?? 0) + r.handLoop.rmePercent;
  return { ...base, measured: r.ratio, marginPercent: margin, state: state(r.ratio, required), detail: `${r.workload} ${r.engine} ÷ hand loop` };
}

/**
 * One workload's events per second ÷ W1's. The two suites run one after the other, in processes of
 * their own, and a shared machine changes speed in between. When the workload's hand loop does
 * exactly W1's work (`sameHandLoop`: W5's is W1 without checkpoints and crashes, the same log and
 * the same windows), each suite's engine ÷ hand loop ratio is taken against the same yardstick in
 * its own process, and their quotient is W5 ÷ W1 with the machine's drift cancelled.
 */
function relativeTarget(
  id: string,
  description: string,
  required: number,
  r: SuiteResult | undefined,
  w1: SuiteResult | undefined,
  sameHandLoop = false,
): Omit<TargetResult, 'withinNoise'> {
  const base = { id, description, required };
  if (r === undefined || w1 === undefined) {
    return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: `needs ${r === undefined ? id.split(' ')[0] : 'W1'} in the same run` };
  }
  for (const x of [r, w1]) {
    if (!x.available) return { ...base, measured: null, marginPercent: null, state: 'not available', detail: x.reason ?? '' };
  }
  if (r.events !== w1.events) {
    return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: `W1 and ${r.workload} ran with different event counts` };
  }
  const ratio = (r.eventsPerSec ?? 0) / (w1.eventsPerSec ?? 1);
  if (r.engine !== w1.engine) {
    return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: `W1 ran on ${w1.engine}, ${r.workload} on ${r.engine}` };
  }
  if (sameHandLoop && r.ratio !== null && w1.ratio !== null && r.check?.handLoopTotal === w1.check?.handLoopTotal) {
    const normalized = r.ratio / w1.ratio;
    return {
      ...base,
      measured: normalized,
      marginPercent: (r.ratioRmePercent ?? 0) + (w1.ratioRmePercent ?? 0),
      state: state(normalized, required),
      detail: `(${r.workload} ÷ its hand loop) ÷ (W1 ÷ its hand loop), the same hand-loop work; raw events/s ratio ${ratio.toFixed(2)}`,
    };
  }
  return {
    ...base,
    measured: ratio,
    marginPercent: (r.rmePercent ?? 0) + (w1.rmePercent ?? 0),
    state: state(ratio, required),
    detail: `${r.workload} ÷ W1, both ${r.engine}`,
  };
}

/** Marks a verdict whose threshold lies inside the margin of error of the measured ratio. */
function withNoise(t: Omit<TargetResult, 'withinNoise'>): TargetResult {
  const m = t.measured;
  const within = m !== null && t.marginPercent !== null && Math.abs(m - t.required) <= (m * t.marginPercent) / 100;
  return { ...t, withinNoise: within };
}

export function memoryTarget(memory: MemoryFigures | undefined): TargetResult {
  return withNoise(memoryTargetOf(memory));
}

function memoryTargetOf(memory: MemoryFigures | undefined): Omit<TargetResult, 'withinNoise'> {
  const base = { id: 'memory', description: 'peak heap at 20M events ≤ 1.3 × at 2M', required: 1.3 };
  if (memory === undefined) return { ...base, measured: null, marginPercent: null, state: 'not measured', detail: 'run --scaling memory' };
  // The live heap when it was sampled: heap in use also counts garbage, whose amount is V8's choice.
  const smallLive = memory.smallLivePeakBytes ?? null;
  const largeLive = memory.largeLivePeakBytes ?? null;
  const live = smallLive !== null && largeLive !== null;
  const small = (live ? smallLive : memory.smallPeakBytes) - memory.smallBaseBytes;
  const large = (live ? largeLive : memory.largePeakBytes) - memory.largeBaseBytes;
  const ratio = large / small;
  return {
    ...base,
    measured: ratio,
    marginPercent: null,
    // Lower is better here: met when the large run's peak is at most 1.3 × the small one's.
    state: ratio <= base.required ? 'met' : 'NOT MET',
    detail:
      (live ? "the run's own peak live heap (sampled after forced GCs, minus the heap before the run)" : "the run's own peak heap (peak − heap before the run)") +
      `, ${memory.largeEvents.toLocaleString('en-US')} vs ${memory.smallEvents.toLocaleString('en-US')} events`,
  };
}

export function evaluateTargets(results: readonly SuiteResult[], memory?: MemoryFigures): TargetResult[] {
  const w1 = find(results, 'W1');
  const targets = [
    handLoopTarget('W1', 'native engine on W1 ≥ 1/3 of the hand loop', 1 / 3, w1, 'native'),
    handLoopTarget('W6', 'micro-batch on W6 ≥ 1/2 of the hand loop', 1 / 2, find(results, 'W6'), 'micro-batch'),
    relativeTarget('W3 vs W1', 'sliding W3 ≥ 1/2 of tumbling W1 (stream slicing)', 1 / 2, find(results, 'W3'), w1),
    relativeTarget('W5 vs W1', 'exactly-once W5 ≥ 0.7 of W1', 0.7, find(results, 'W5'), w1, true),
    memoryTargetOf(memory),
  ];
  return targets.map(withNoise);
}
