/**
 * Passes: the list of suites runs more than once, each workload's measured rounds split between
 * the passes, and the parts are merged. A shared machine has slow stretches of tens of seconds;
 * in one pass a slow stretch can take every round of one workload (and make W3 ÷ W1 or W5 ÷ W1
 * say more about the neighbours than about the engine), while over passes minutes apart the
 * rounds of every workload are spread over the same stretches. Each pass runs in a fresh process
 * per workload (isolated.ts), with its own warm-up round.
 */
import { figuresOf, measuredFields, type SuiteResult, type TaskFigures } from './suite.js';

/** Measured rounds per pass: `iterations` split as evenly as possible, earlier passes taking the rest. */
export function splitIterations(iterations: number, passes: number): number[] {
  const n = Math.max(1, Math.min(passes, iterations));
  return Array.from({ length: n }, (_, i) => Math.floor(iterations / n) + (i < iterations % n ? 1 : 0));
}

function mergeFigures(parts: readonly TaskFigures[], events: number, what: string): TaskFigures {
  const runTimes = parts.flatMap((f) => f.samplesMs);
  const peaks = parts.flatMap((f) => f.heapPeaksBytes);
  const livePeaks = parts.flatMap((f) => (f.liveHeapPeakBytes === null ? [] : [f.liveHeapPeakBytes]));
  return figuresOf(runTimes, events, runTimes.length, what, { peaks, livePeaks, base: (parts[0] as TaskFigures).heapBaseBytes });
}

/**
 * One suite's parts from several passes as one result: run times, paired ratios and heap peaks
 * pooled, statistics recomputed. A part that did not run (not available, failed) is the result.
 * The parts must agree on what the runs produced: the simulator is deterministic.
 */
export function mergePasses(parts: readonly SuiteResult[]): SuiteResult {
  const first = parts[0];
  if (first === undefined) throw new Error('mergePasses: no parts');
  const notOk = parts.find((p) => p.status !== 'ok');
  if (notOk !== undefined || parts.length === 1) return notOk ?? first;
  for (const p of parts) {
    if (JSON.stringify(p.check) !== JSON.stringify(first.check)) {
      throw new Error(`invariant violated: ${first.label}: passes disagree on the results (${JSON.stringify(first.check)} vs ${JSON.stringify(p.check)})`);
    }
  }
  const engineRun = mergeFigures(parts.map((p) => p.engineRun as TaskFigures), first.events, `${first.label} engine`);
  const loops = parts.map((p) => p.handLoop);
  const handLoop = loops.every((l) => l !== null) ? mergeFigures(loops as TaskFigures[], first.events, `${first.label} hand loop`) : null;
  return { ...first, ...measuredFields(engineRun, handLoop, parts.flatMap((p) => p.ratioSamples)) };
}
