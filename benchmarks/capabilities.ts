/**
 * Which parts of the simulator exist yet, found by trying them rather than by a flag someone must
 * remember to flip: a workload that `requires` a capability runs the day the engine supports it,
 * and until then it is reported as not available, never with a made-up number.
 *
 * Each probe is a tiny run (a few thousand events at most) whose behaviour shows the feature:
 * - micro-batch: runEngine accepts the name 'micro-batch' and returns a result;
 * - checkpoints: a run with checkpoint settings traces a checkpoint event;
 * - failures: a run with crashes drawn from the seed traces a crash or a restart;
 * - cost-model: a run with an expensive cost model ends later than the same run at zero cost.
 */
import type { EngineName, RunOptions, RunResult } from '../src/sim/engines/engine.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { runEngine } from '../src/sim/engines/run.js';
import { ArrayTrace, NullTrace } from '../src/sim/trace/events.js';
import { BENCH_COST_MODEL, type BenchEngine, type Capability, WORKLOADS } from './workloads.js';

export interface CapabilityStatus {
  readonly available: boolean;
  /** Why not, in the words the tables print: "not available yet (needs …)". */
  readonly reason: string;
}

export const MISSING: Readonly<Record<Capability, string>> = {
  'micro-batch': 'not available yet (needs the micro-batch engine)',
  checkpoints: 'not available yet (needs checkpoints)',
  failures: 'not available yet (needs failures: task crashes and restarts)',
  'cost-model': 'needs the cost model',
};

const OK: CapabilityStatus = { available: true, reason: '' };

function missing(c: Capability, detail?: string): CapabilityStatus {
  return { available: false, reason: detail === undefined ? MISSING[c] : `${MISSING[c]}: ${detail}` };
}

/** Runs `scenario` on `engine`; the cast is how a benchmark names an engine src/sim may not know yet. */
export function runOn(engine: BenchEngine, scenario: Scenario, options: RunOptions): RunResult {
  return runEngine(engine as EngineName, scenario, options);
}

function probeMicroBatch(): CapabilityStatus {
  try {
    runOn('micro-batch', WORKLOADS.W6.build(200), { trace: new NullTrace(), keepPanes: false });
    return OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // assertNever's message: the engine name is not a variant runEngine knows.
    return /unexpected variant/.test(message) ? missing('micro-batch') : missing('micro-batch', `the probe run failed (${message})`);
  }
}

/** Trace event types of a small W5 run: checkpoints every second, three crashes. */
function faultToleranceTraceTypes(): Set<string> {
  const trace = new ArrayTrace();
  try {
    const s = WORKLOADS.W5.build(5000, { checkpointIntervalMs: 1000, crashes: 3 });
    runEngine('native', { ...s, maxSteps: 200_000 }, { trace, keepPanes: false });
  } catch {
    // A run that throws shows nothing; the probes below then report the feature missing.
  }
  return new Set(trace.events.map((e) => e.type as string));
}

function probeCostModel(): CapabilityStatus {
  // 2,000 records appended over about 8 s (1 s of event time plus up to 6 s of arrival delay) at
  // 20 ms of source cost each take 40 s to read: any honoured cost model ends the run later. (A
  // cost of 2 ms a record did not: 4 s of reading fits inside the 8 s the appends are spread over.)
  const base = WORKLOADS.W1.build(2000, { ratePerSec: 2000 });
  const costly = { ...base, cost: { ...BENCH_COST_MODEL, sourceRecordUs: 20_000 } };
  try {
    const free = runEngine('native', base, { trace: new NullTrace(), keepPanes: false });
    const paid = runEngine('native', costly, { trace: new NullTrace(), keepPanes: false });
    return paid.endedAt > free.endedAt ? OK : missing('cost-model');
  } catch (error) {
    return missing('cost-model', error instanceof Error ? error.message : String(error));
  }
}

let cache: Map<Capability, CapabilityStatus> | undefined;

/** The status of one capability; probes run once per process, on first use. */
export function capability(c: Capability): CapabilityStatus {
  cache ??= new Map();
  let status = cache.get(c);
  if (status !== undefined) return status;
  switch (c) {
    case 'micro-batch':
      status = probeMicroBatch();
      break;
    case 'checkpoints':
    case 'failures': {
      const types = [...faultToleranceTraceTypes()];
      cache.set('checkpoints', types.some((t) => /checkpoint/.test(t)) ? OK : missing('checkpoints'));
      cache.set('failures', types.some((t) => /crash|restart|recover|fail/.test(t)) ? OK : missing('failures'));
      status = cache.get(c) ?? missing(c);
      break;
    }
    case 'cost-model':
      status = probeCostModel();
      break;
  }
  cache.set(c, status);
  return status;
}

/** The first missing capability among `needs`, or undefined when all are there. */
export function firstMissing(needs: readonly Capability[]): CapabilityStatus | undefined {
  for (const c of needs) {
    const s = capability(c);
    if (!s.available) return s;
  }
  return undefined;
}

/** For tests: forget the probes, or pin some results. */
export function resetCapabilities(pinned?: Partial<Record<Capability, CapabilityStatus>>): void {
  cache = new Map(Object.entries(pinned ?? {}) as [Capability, CapabilityStatus][]);
}
