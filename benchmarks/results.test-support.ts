/** Synthetic suite results for the tests of tables, targets and comparisons: no run needed. */
import { unavailable, type SuiteResult, type TaskFigures } from './suite.js';
import { WORKLOADS, type WorkloadId } from './workloads.js';

export function fakeFigures(eventsPerSec: number, events: number, rmePercent: number, heapPeakBytes = 50e6): TaskFigures {
  const ms = (events / eventsPerSec) * 1000;
  return {
    eventsPerSec,
    medianMs: ms,
    meanMs: ms,
    minMs: ms * 0.98,
    p75Ms: ms * 1.01,
    p99Ms: ms * 1.02,
    maxMs: ms * 1.02,
    rmePercent,
    samplesMs: [ms * 0.98, ms, ms * 1.02],
    heapPeakBytes,
    heapPeaksBytes: [heapPeakBytes * 0.98, heapPeakBytes, heapPeakBytes * 0.99],
    heapBaseBytes: 5e6,
    liveHeapPeakBytes: null,
  };
}

export interface FakeOptions {
  readonly engine?: SuiteResult['engine'];
  readonly events?: number;
  readonly rmePercent?: number;
  readonly handLoopEventsPerSec?: number;
  readonly heapPeakBytes?: number;
  readonly label?: string;
}

export function fakeResult(workload: WorkloadId, eventsPerSec: number, o: FakeOptions = {}): SuiteResult {
  const events = o.events ?? 1_000_000;
  const rme = o.rmePercent ?? 2;
  const engineRun = fakeFigures(eventsPerSec, events, rme, o.heapPeakBytes);
  const handLoop = fakeFigures(o.handLoopEventsPerSec ?? eventsPerSec * 3, events, rme);
  return {
    workload,
    label: o.label ?? workload,
    engine: o.engine ?? 'native',
    events,
    status: 'ok',
    available: true,
    reason: null,
    eventsPerSec,
    handLoopEventsPerSec: handLoop.eventsPerSec,
    ratio: eventsPerSec / handLoop.eventsPerSec,
    ratioRmePercent: rme,
    ratioSamples: [0.98, 1, 1.02].map((f) => (f * eventsPerSec) / handLoop.eventsPerSec),
    meanMs: engineRun.meanMs,
    p75Ms: engineRun.p75Ms,
    p99Ms: engineRun.p99Ms,
    rmePercent: rme,
    heapPeakBytes: engineRun.heapPeakBytes,
    samples: engineRun.samplesMs,
    medianMs: engineRun.medianMs,
    engineRun,
    handLoop,
    handLoopReason: null,
    check: { engineResults: 100, engineTotal: 5000, handLoopResults: 100, handLoopTotal: 5000, match: true, openWindows: 0, steps: 1000 },
    overrides: {},
  };
}

export function fakeUnavailable(workload: WorkloadId, reason: string, engine: SuiteResult['engine'] = 'native'): SuiteResult {
  return unavailable(WORKLOADS[workload], workload, engine, 1_000_000, reason, {});
}
