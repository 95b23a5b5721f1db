/**
 * The standard benchmark workloads W1–W7 (WORKLOADS.md), as Scenario objects built directly, and
 * the registry every suite reads. Each workload is a function `(events, overrides?) → Scenario`, so
 * the scaling suites vary one parameter (keys, window overlap, active keys, crashes) and keep the
 * rest exactly as the table says.
 *
 * Common to all unless stated (WORKLOADS.md): event i has event time i ms (1,000 events per
 * simulated second), a key uniform over K = 1,000 keys, an integer value uniform in [0, 100), an
 * arrival delay uniform in [0, 6,000) ms; Flink's bounded-out-of-orderness watermark with B = 5 s
 * emitted every 200 ms; allowed lateness 0 and late events dropped (and counted); parallelism 1.
 *
 * A workload `requires` what the simulator must offer before it can run: W5 needs checkpoints and
 * failures, W6 the micro-batch engine. capabilities.ts probes for them at run time, so a workload
 * plugs in by name the day the engine supports it; until then suites report it as not available.
 */
import type { CostModel, FaultToleranceSpec, Scenario, WindowSpec } from '../src/sim/scenario/types.js';

export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** The engines a benchmark can name: both exist in src/sim (native/, micro-batch/). */
export const BENCH_ENGINES = ['native', 'micro-batch'] as const;
export type BenchEngine = (typeof BENCH_ENGINES)[number];

/** What a workload needs from the simulator beyond the native engine (probed in capabilities.ts). */
export type Capability = 'micro-batch' | 'checkpoints' | 'failures' | 'cost-model';

/** Every parameter a workload reads; a workload fills its own defaults, overrides replace them. */
export interface WorkloadParams {
  readonly seed: number;
  readonly keys: number;
  readonly ratePerSec: number;
  /** Arrival delays are uniform in [0, maxDelayMs). */
  readonly maxDelayMs: number;
  /** The watermark's out-of-orderness bound B. */
  readonly boundMs: number;
  readonly watermarkIntervalMs: number;
  /** W1, W5, W6, W7: tumbling window size. */
  readonly tumblingMs: number;
  /** W3: sliding window size and slide; overlap = size / slide. */
  readonly slidingSizeMs: number;
  readonly slidingEveryMs: number;
  /** W4: keys active at a time, and how long each group stays active (keys in bursts). */
  readonly activeKeys: number;
  readonly activePeriodMs: number;
  readonly sessionGapMs: number;
  /** W5: aligned checkpoints every checkpointIntervalMs of simulated time, crashes drawn from the seed. */
  readonly checkpointIntervalMs: number;
  readonly crashes: number;
  readonly restartDelayMs: number;
  /** W6 (and micro-batch runs of the others): the trigger interval. */
  readonly triggerIntervalMs: number;
  /** W7: parallelism of sources and windows (the log has as many partitions), and the hot key's share in percent. */
  readonly parallelism: number;
  readonly hotKeyPercent: number;
}

export type WorkloadOverrides = Partial<WorkloadParams>;

/** The common values of WORKLOADS.md. */
export const COMMON_PARAMS: WorkloadParams = {
  seed: 1,
  keys: 1000,
  ratePerSec: 1000,
  maxDelayMs: 6000,
  boundMs: 5000,
  watermarkIntervalMs: 200,
  tumblingMs: 10_000,
  slidingSizeMs: 60_000,
  slidingEveryMs: 1000,
  activeKeys: 100,
  activePeriodMs: 10_000,
  sessionGapMs: 30_000,
  checkpointIntervalMs: 10_000,
  crashes: 3,
  restartDelayMs: 1000,
  triggerIntervalMs: 1000,
  parallelism: 4,
  hotKeyPercent: 20,
};

export interface WorkloadDef {
  readonly id: WorkloadId;
  readonly name: string;
  /** The pipeline as WORKLOADS.md writes it. */
  readonly pipeline: string;
  readonly stresses: string;
  /** The engine the workload is defined on; the others may run on either. */
  readonly engine: BenchEngine;
  /** True when the workload is defined on `engine` alone (W6 is W1 on the micro-batch engine). */
  readonly pinnedEngine: boolean;
  readonly requires: readonly Capability[];
  /** Where the scenario departs from the table, and why; printed under the results table. */
  readonly notes: readonly string[];
  /** Defaults that differ from COMMON_PARAMS. */
  readonly defaults: WorkloadOverrides;
  build(events: number, overrides?: WorkloadOverrides): Scenario;
}

/**
 * The scheduler's step bound. A native run takes about 2 steps per event (a source read per append
 * time, a channel delivery) plus one per watermark tick; 20 per event leaves a wide margin and still
 * catches a livelock.
 */
export function stepBoundFor(events: number): number {
  return Math.max(1_000_000, 20 * events);
}

/** The simulated span of the input: the last event time plus the largest delay. */
export function inputSpanMs(events: number, p: WorkloadParams): number {
  return Math.ceil((events * 1000) / p.ratePerSec) + p.maxDelayMs;
}

function paramsOf(defaults: WorkloadOverrides, overrides: WorkloadOverrides | undefined): WorkloadParams {
  return { ...COMMON_PARAMS, ...defaults, ...overrides };
}

/** W1 as a Scenario; the other workloads change one part of it. */
function keyedTumbling(id: string, events: number, p: WorkloadParams): Scenario {
  if (!Number.isInteger(events) || events < 0) throw new Error(`workloads: events must be a non-negative integer, got ${events}`);
  return {
    name: id,
    description: `benchmark workload ${id} (WORKLOADS.md)`,
    covers: [],
    story: '',
    source: 'benchmarks/workloads.ts',
    seed: p.seed,
    semantics: 'flink',
    timeDomain: 'event-time',
    input: {
      kind: 'generator',
      generator: {
        events,
        ratePerSec: p.ratePerSec,
        startMs: 0,
        partitions: 1,
        keys: p.keys,
        keyDistribution: { type: 'uniform' },
        valueMin: 0,
        valueMax: 100,
        disorder: { type: 'uniform', maxDelayMs: p.maxDelayMs },
      },
    },
    pipeline: {},
    window: { type: 'tumbling', sizeMs: p.tumblingMs, offsetMs: 0 },
    aggregate: 'sum',
    watermark: { type: 'bounded-out-of-orderness', maxDelayMs: p.boundMs, intervalMs: p.watermarkIntervalMs },
    // Flink's EventTimeTrigger: every late element within the lateness fires again (none here: lateness 0).
    trigger: { late: { type: 'count', count: 1 } },
    allowedLatenessMs: 0,
    accumulation: 'accumulating',
    lateData: 'drop',
    parallelism: { source: 1, window: 1 },
    channelDelayMs: 0,
    outputMode: 'append',
    suppress: false,
    maxSteps: stepBoundFor(events),
  };
}

function withGenerator(s: Scenario, change: Partial<Extract<Scenario['input'], { kind: 'generator' }>['generator']>): Scenario {
  if (s.input.kind !== 'generator') throw new Error('workloads: expected a generated input');
  return { ...s, input: { kind: 'generator', generator: { ...s.input.generator, ...change } } };
}

/**
 * W5's fault tolerance: aligned checkpoints every 10 s of simulated time, exactly-once into a
 * transactional sink (two-phase commit), and `crashes` task crashes at times drawn from the seed
 * over the whole input span. Flink's defaults for the rest: checkpoint timeout 10 min, one
 * checkpoint at a time, no pause; the restart delay is the fixed-delay strategy's 1 s.
 */
export function exactlyOnceSettings(events: number, p: WorkloadParams): FaultToleranceSpec {
  return {
    checkpoints: { intervalMs: p.checkpointIntervalMs, mode: 'aligned', timeoutMs: 600_000, maxConcurrent: 1, minPauseMs: 0 },
    delivery: { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed'] },
    faults: [],
    randomFaults: { crashes: p.crashes, jobFailures: 0, fromMs: 0, untilMs: inputSpanMs(events, p), restartDelayMs: p.restartDelayMs },
    savepointsAtMs: [],
  };
}

/**
 * The cost model the simulated-time comparison uses for sustainable throughput: per-record costs of
 * a modest JVM pipeline on one core, in microseconds, with window state in an external store (a
 * 1 ms round trip, 4 requests in flight: Flink's AsyncDataStream capacity 4), which makes the
 * stateful task the bottleneck at a few thousand records per second, as it is in many real jobs.
 * These are the benchmark's assumptions, not measurements. With state in memory the same job would
 * sustain a few hundred thousand records per second, and a sweep would need runs of millions of
 * events (tens of seconds of input at that rate, with every trace event kept) to see a backlog grow.
 */
export const BENCH_COST_MODEL: CostModel = {
  sourceRecordUs: 2,
  operatorRecordUs: 0.5,
  windowRecordUs: 1,
  serializationUs: 1,
  sinkRecordUs: 5,
  stateBackend: 'external',
  stateAccessUs: 1000,
  asyncConcurrency: 4,
  bufferRecords: 1000,
  bufferTimeoutMs: 100,
  bufferOverheadUs: 10,
  channelCapacity: 10_000,
  batchOverheadMs: 50,
  snapshotMsPerThousand: 1,
};

/**
 * Runs `s` on `engine`: native is the default (no engine field); micro-batch sets Spark's trigger
 * interval with no-data batches on (spark.sql.streaming.noDataMicroBatches.enabled defaults to true).
 */
export function onEngine(s: Scenario, engine: BenchEngine, triggerIntervalMs: number): Scenario {
  if (engine === 'native') return s;
  return { ...s, name: `${s.name} on micro-batch ${triggerIntervalMs} ms`, engine: { type: 'micro-batch', triggerIntervalMs, noDataBatches: true } };
}

const W1: WorkloadDef = {
  id: 'W1',
  name: 'keyed-tumbling',
  pipeline: 'bounded-out-of-orderness watermark (B = 5 s) → key by key → tumbling 10 s window → sum → sink',
  stresses: 'the common stateful path: state per key and window, watermark-driven firing',
  engine: 'native',
  pinnedEngine: false,
  requires: [],
  notes: [],
  defaults: {},
  build: (events, overrides) => keyedTumbling('W1', events, paramsOf({}, overrides)),
};

const W2: WorkloadDef = {
  id: 'W2',
  name: 'stateless',
  pipeline: 'map (value × 2) → filter (even keys) → sink',
  stresses: 'per-record overhead of the engine',
  engine: 'native',
  pinnedEngine: false,
  requires: [],
  notes: [
    'W2: a streamsim scenario always ends in a window aggregate, so the stateless pipeline feeds a global window ' +
      '(sum per key, fired once at the end of input). That is the least window work the engine allows: one state ' +
      'update per record and no firing until the end; the hand loop does the same per-key sum. (The filter runs ' +
      'before the map, as the scenario contract says; with a parity filter on keys the order does not matter.)',
  ],
  defaults: {},
  build: (events, overrides) => {
    const s = keyedTumbling('W2', events, paramsOf({}, overrides));
    return { ...s, pipeline: { map: { multiply: 2, add: 0 }, filter: { keyParity: 'even' } }, window: { type: 'global' } };
  },
};

const W3: WorkloadDef = {
  id: 'W3',
  name: 'sliding-60',
  pipeline: 'as W1 with sliding windows of 60 s every 1 s (each event in 60 windows)',
  stresses: 'window overlap; shared partial aggregates (slicing)',
  engine: 'native',
  pinnedEngine: false,
  requires: [],
  notes: [],
  defaults: {},
  build: (events, overrides) => {
    const p = paramsOf({}, overrides);
    const window: WindowSpec = { type: 'sliding', sizeMs: p.slidingSizeMs, everyMs: p.slidingEveryMs, offsetMs: 0 };
    return { ...keyedTumbling('W3', events, p), window };
  },
};

const W4: WorkloadDef = {
  id: 'W4',
  name: 'sessions',
  pipeline: 'K = 10,000 keys, events per key in bursts, session gap 30 s',
  stresses: 'merging windows',
  engine: 'native',
  pinnedEngine: false,
  requires: [],
  notes: [
    'W4: keys in bursts = the rotating key distribution: 100 of the 10,000 keys active per 10 s of event time, so ' +
      'each key gets a burst of about 100 events, then is silent for 990 s; each burst is one session.',
  ],
  defaults: { keys: 10_000 },
  build: (events, overrides) => {
    const p = paramsOf({ keys: 10_000 }, overrides);
    const s = withGenerator(keyedTumbling('W4', events, p), {
      keyDistribution: { type: 'rotating', activeKeys: Math.min(p.activeKeys, p.keys), periodMs: p.activePeriodMs },
    });
    return { ...s, window: { type: 'session', gapMs: p.sessionGapMs } };
  },
};

const W5: WorkloadDef = {
  id: 'W5',
  name: 'exactly-once',
  pipeline: 'W1 with aligned checkpoints every 10 s of simulated time, a transactional sink, and 3 task crashes drawn from the seed',
  stresses: 'snapshot, restore and replay cost',
  engine: 'native',
  pinnedEngine: false,
  requires: ['checkpoints', 'failures'],
  notes: [],
  defaults: {},
  build: (events, overrides) => {
    const p = paramsOf({}, overrides);
    return { ...keyedTumbling('W5', events, p), faultTolerance: exactlyOnceSettings(events, p) };
  },
};

const W6: WorkloadDef = {
  id: 'W6',
  name: 'micro-batch',
  pipeline: 'W1 on the micro-batch engine with a 1 s trigger interval',
  stresses: 'batch planning and per-batch overhead',
  engine: 'micro-batch',
  pinnedEngine: true,
  requires: ['micro-batch'],
  notes: [],
  defaults: {},
  build: (events, overrides) => {
    const p = paramsOf({}, overrides);
    return onEngine({ ...keyedTumbling('W6', events, p), name: 'W6' }, 'micro-batch', p.triggerIntervalMs);
  },
};

const W7: WorkloadDef = {
  id: 'W7',
  name: 'parallel',
  pipeline: 'W1 with parallelism 4 and one hot key receiving 20% of the events',
  stresses: 'partitioning, channels, skew',
  engine: 'native',
  pinnedEngine: false,
  requires: [],
  notes: ['W7: 4 log partitions, 4 source tasks and 4 window tasks; the hot key is k0 (hot-key distribution 20/100).'],
  defaults: {},
  build: (events, overrides) => {
    const p = paramsOf({}, overrides);
    const s = withGenerator(keyedTumbling('W7', events, p), {
      partitions: p.parallelism,
      keyDistribution: { type: 'hot-key', shareNumerator: p.hotKeyPercent, shareDenominator: 100 },
    });
    return { ...s, parallelism: { source: p.parallelism, window: p.parallelism } };
  },
};

export const WORKLOADS: Readonly<Record<WorkloadId, WorkloadDef>> = { W1, W2, W3, W4, W5, W6, W7 };

export function isWorkloadId(s: string): s is WorkloadId {
  return (WORKLOAD_IDS as readonly string[]).includes(s);
}

export function workload(id: WorkloadId): WorkloadDef {
  return WORKLOADS[id];
}

/** The parameters a workload runs with, for reports and tests. */
export function workloadParams(id: WorkloadId, overrides?: WorkloadOverrides): WorkloadParams {
  return paramsOf(WORKLOADS[id].defaults, overrides);
}
