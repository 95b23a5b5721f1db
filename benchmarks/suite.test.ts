import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { resetCapabilities } from './capabilities.js';
import { SUITE_HEADER, jsonRow, renderSuiteTable, renderTargets } from './render.js';
import { fakeResult, fakeUnavailable } from './results.test-support.js';
import { HeapSampler } from './instruments.js';
import type { SampleStatistics } from './rounds.js';
import { checkStatistics, engineFor, runSuite } from './suite.js';
import { evaluateTargets, memoryTarget } from './targets.js';
import { WORKLOADS } from './workloads.js';

const plain = new Chalk({ level: 0 });

/** A scripted clock: every reading is `stepMs` after the last, so every run takes exactly stepMs. */
function steppingClock(stepMs: number): () => number {
  let t = 0;
  return () => (t += stepMs);
}

test('with a swapped clock, events per second is N over the median run time, exactly', async () => {
  const r = await runSuite('W1', { events: 2000, iterations: 3, now: steppingClock(10) });
  assert.equal(r.status, 'ok');
  assert.deepEqual(r.samples, [10, 10, 10]);
  assert.equal(r.medianMs, 10);
  assert.equal(r.eventsPerSec, 200_000);
  assert.equal(r.handLoopEventsPerSec, 200_000);
  assert.equal(r.ratio, 1);
  assert.equal(r.rmePercent, 0);
  assert.equal(r.check?.match, true, 'the engine and the hand loop produced the same results');
});

test("tinybench's figures satisfy their invariants on a real run: min ≤ p75 ≤ p99 ≤ max, one sample per iteration", async () => {
  const r = await runSuite('W1', { events: 3000, iterations: 4 });
  for (const f of [r.engineRun, r.handLoop]) {
    assert.ok(f);
    assert.equal(f.samplesMs.length, 4);
    assert.ok(f.minMs <= f.p75Ms && f.p75Ms <= f.p99Ms && f.p99Ms <= f.maxMs, JSON.stringify(f));
    assert.ok(f.minMs <= f.medianMs && f.medianMs <= f.maxMs);
    assert.ok(f.eventsPerSec > 0 && Number.isFinite(f.eventsPerSec));
    assert.ok(f.rmePercent >= 0);
    assert.equal(f.heapPeaksBytes.length, 4);
    assert.ok(f.heapPeakBytes >= f.heapBaseBytes && f.heapBaseBytes > 0);
  }
  assert.equal(r.check?.match, true);
});

test('checkStatistics rejects output that breaks the invariants', () => {
  const stats = (over: Partial<SampleStatistics>): SampleStatistics => ({ min: 1, max: 3, mean: 2, p50: 2, p75: 2.5, p99: 3, rme: 1, samples: [1, 2, 3], ...over });
  assert.doesNotThrow(() => checkStatistics(stats({}), 3, 't'));
  assert.throws(() => checkStatistics(stats({ p75: 3.5 }), 3, 't'), /min ≤ p75 ≤ p99 ≤ max/);
  assert.throws(() => checkStatistics(stats({}), 4, 't'), /expected 4 samples/);
  assert.throws(() => checkStatistics(stats({ mean: 0.5 }), 3, 't'), /min ≤ mean ≤ max/);
});

test('a workload the simulator cannot run yet is reported as not available, never with a number', async () => {
  resetCapabilities({ 'micro-batch': { available: false, reason: 'not available yet (needs the micro-batch engine)' } });
  try {
    const r = await runSuite('W6', { events: 1000 });
    assert.equal(r.status, 'not available');
    assert.equal(r.reason, 'not available yet (needs the micro-batch engine)');
    for (const k of ['eventsPerSec', 'handLoopEventsPerSec', 'ratio', 'meanMs', 'p75Ms', 'p99Ms', 'rmePercent', 'heapPeakBytes'] as const) assert.equal(r[k], null, k);
    const onMicro = await runSuite('W1', { events: 1000, engine: 'micro-batch' });
    assert.equal(onMicro.status, 'not available');
  } finally {
    resetCapabilities();
  }
});

test('W6 is defined on micro-batch only; the others may run on either engine', () => {
  assert.deepEqual(engineFor(WORKLOADS.W6, 'native'), { engine: 'micro-batch', refusal: 'W6 is defined on the micro-batch engine only' });
  assert.deepEqual(engineFor(WORKLOADS.W1, 'micro-batch'), { engine: 'micro-batch' });
  assert.deepEqual(engineFor(WORKLOADS.W1, undefined), { engine: 'native' });
});

test('the table: one header, a row per measured suite, unavailable suites say why', () => {
  const text = renderSuiteTable([fakeResult('W1', 500_000), fakeResult('W3', 100_000), fakeUnavailable('W6', 'not available yet (needs the micro-batch engine)', 'micro-batch')], plain);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.deepEqual(lines[0]?.split(/\s{2,}/), [...SUITE_HEADER]);
  assert.match(lines[1] ?? '', /^W1\s+native\s+1,000,000\s+500\.0 k\/s\s+1\.50 M\/s\s+0\.33\s/);
  assert.match(lines[3] ?? '', /^W6\s+micro-batch\s+1,000,000\s+not available yet \(needs the micro-batch engine\)$/);
});

test('the JSON row has the fields the issue names, in order, then the details', () => {
  const row = jsonRow(fakeResult('W1', 500_000));
  assert.deepEqual(Object.keys(row).slice(0, 12), [
    'workload', 'engine', 'events', 'eventsPerSec', 'handLoopEventsPerSec', 'ratio', 'meanMs', 'p75Ms', 'p99Ms', 'rmePercent', 'heapPeakBytes', 'samples',
  ]);
  assert.equal(row['workload'], 'W1');
  assert.ok(Array.isArray(row['samples']));
  assert.deepEqual(JSON.parse(JSON.stringify(row)), row, 'plain JSON');
});

test('targets: met, NOT MET, not available and not measured, from ratios in the same run', () => {
  const targets = evaluateTargets([
    fakeResult('W1', 600_000, { handLoopEventsPerSec: 1_500_000 }),
    fakeResult('W3', 200_000),
    fakeUnavailable('W5', 'not available yet (needs checkpoints)'),
    fakeUnavailable('W6', 'not available yet (needs the micro-batch engine)', 'micro-batch'),
  ]);
  const by = new Map(targets.map((t) => [t.id, t]));
  assert.equal(by.get('W1')?.state, 'met');
  assert.ok(Math.abs((by.get('W1')?.measured ?? 0) - 0.4) < 1e-9);
  assert.equal(by.get('W3 vs W1')?.state, 'NOT MET');
  assert.ok(Math.abs((by.get('W3 vs W1')?.measured ?? 0) - 1 / 3) < 1e-9);
  assert.equal(by.get('W5 vs W1')?.state, 'not available');
  assert.equal(by.get('W6')?.state, 'not available');
  assert.equal(by.get('memory')?.state, 'not measured');
  const text = renderTargets(targets, plain);
  // The margin of a hand-loop ratio is that of the paired per-round ratios, not the sum of two rmes.
  assert.match(text, /native engine on W1 ≥ 1\/3 of the hand loop\s+0\.40 ±2\.0%\s+need ≥ 0\.33\s+met/);
  assert.equal(evaluateTargets([])[0]?.state, 'not measured');
});

test('W5 ÷ W1 is taken against the hand loop both share, so a machine that slowed between the suites cancels out', () => {
  // The machine ran W5's suite 20% slower than W1's: engine and hand loop alike.
  const w1 = fakeResult('W1', 1_000_000, { handLoopEventsPerSec: 2_500_000 });
  const w5 = fakeResult('W5', 600_000, { handLoopEventsPerSec: 2_000_000 });
  const t = new Map(evaluateTargets([w1, w5]).map((x) => [x.id, x])).get('W5 vs W1');
  assert.ok(Math.abs((t?.measured ?? 0) - 0.75) < 1e-9, `measured ${t?.measured}`);
  assert.equal(t?.state, 'met');
  assert.match(t?.detail ?? '', /raw events\/s ratio 0\.60/);
  // Without the shared yardstick (hand loops that did different work) it is the raw ratio.
  const other = { ...w5, check: { ...(w5.check as NonNullable<typeof w5.check>), handLoopTotal: 1 } };
  const raw = new Map(evaluateTargets([w1, other]).map((x) => [x.id, x])).get('W5 vs W1');
  assert.ok(Math.abs((raw?.measured ?? 0) - 0.6) < 1e-9);
  assert.equal(raw?.state, 'NOT MET');
});

test('the memory target compares the runs\' own peaks (peak minus the heap before the run)', () => {
  const base = { smallEvents: 2e6, largeEvents: 2e7, smallBaseBytes: 10e6, largeBaseBytes: 10e6 };
  assert.equal(memoryTarget({ ...base, smallPeakBytes: 50e6, largePeakBytes: 60e6 }).state, 'met');
  assert.equal(memoryTarget({ ...base, smallPeakBytes: 50e6, largePeakBytes: 70e6 }).state, 'NOT MET');
});

test('with live-heap samples the memory target uses them, not the heap in use with its garbage', () => {
  const base = { smallEvents: 2e6, largeEvents: 2e7, smallBaseBytes: 10e6, largeBaseBytes: 10e6, smallPeakBytes: 30e6, largePeakBytes: 90e6 };
  const met = memoryTarget({ ...base, smallLivePeakBytes: 12e6, largeLivePeakBytes: 12.4e6 });
  assert.equal(met.state, 'met');
  assert.ok(Math.abs((met.measured ?? 0) - 1.2) < 1e-9);
  assert.match(met.detail, /live heap/);
  assert.equal(memoryTarget({ ...base, smallLivePeakBytes: 12e6, largeLivePeakBytes: 13e6 }).state, 'NOT MET');
  assert.equal(memoryTarget({ ...base, smallLivePeakBytes: null, largeLivePeakBytes: null }).state, 'NOT MET', 'without samples: the heap in use');
});

test('live-heap sampling keeps what survives a forced GC and not the garbage', () => {
  const sampler = new HeapSampler(1024, 30);
  sampler.begin();
  const kept: number[][] = [];
  let churned = 0;
  for (let i = 0; i < 300; i++) {
    // About 800 kB of garbage on every tick, and one kept array every 30 ticks.
    churned += new Array(100_000).fill(i).length;
    if (i % 30 === 0) kept.push(new Array(10_000).fill(i));
    sampler.tick();
  }
  sampler.end();
  assert.equal(churned, 30_000_000);
  assert.equal(sampler.liveSampleCount, 10);
  const live = (sampler.livePeakBytes ?? 0) - sampler.baseline;
  // Ten kept arrays of 10,000 small integers (about 80 kB each) are live; the garbage is not.
  assert.ok(live >= 700_000 && live < 4_000_000, `live ${live}`);
  assert.equal(kept.length, 10);
  assert.equal(new HeapSampler(1024).livePeakBytes, null);
});
