import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../src/sim/scenario/types.js';
import { inputFor } from './suite.js';
import { COMMON_PARAMS, WORKLOAD_IDS, WORKLOADS, stepBoundFor } from './workloads.js';

function generator(s: Scenario) {
  assert.equal(s.input.kind, 'generator');
  if (s.input.kind !== 'generator') throw new Error('unreachable');
  return s.input.generator;
}

test('the common settings of WORKLOADS.md: N events at 1,000 per second, 1,000 uniform keys, values [0, 100), delays [0, 6,000)', () => {
  for (const id of ['W1', 'W2', 'W3', 'W5', 'W6'] as const) {
    const s = WORKLOADS[id].build(12_345);
    const g = generator(s);
    assert.equal(g.events, 12_345, id);
    assert.equal(g.ratePerSec, 1000, id);
    assert.equal(g.startMs, 0, id);
    assert.equal(g.partitions, 1, id);
    assert.equal(g.keys, 1000, id);
    assert.deepEqual(g.keyDistribution, { type: 'uniform' }, id);
    assert.equal(g.valueMin, 0, id);
    assert.equal(g.valueMax, 100, id);
    assert.deepEqual(g.disorder, { type: 'uniform', maxDelayMs: 6000 }, id);
    assert.deepEqual(s.watermark, { type: 'bounded-out-of-orderness', maxDelayMs: 5000, intervalMs: 200 }, id);
    assert.equal(s.semantics, 'flink', id);
    assert.equal(s.timeDomain, 'event-time', id);
    assert.equal(s.aggregate, 'sum', id);
    assert.equal(s.allowedLatenessMs, 0, id);
    assert.equal(s.lateData, 'drop', id);
    assert.deepEqual(s.parallelism, { source: 1, window: 1 }, id);
    assert.ok(s.maxSteps >= stepBoundFor(12_345), id);
  }
});

test('W1: tumbling 10 s, nothing else', () => {
  const s = WORKLOADS.W1.build(1000);
  assert.deepEqual(s.window, { type: 'tumbling', sizeMs: 10_000, offsetMs: 0 });
  assert.deepEqual(s.pipeline, {});
  assert.equal(s.faultTolerance, undefined);
  assert.equal(s.engine, undefined);
});

test('W2: map ×2 then filter even keys, into a global window (the least window work a scenario allows)', () => {
  const s = WORKLOADS.W2.build(1000);
  assert.deepEqual(s.pipeline, { map: { multiply: 2, add: 0 }, filter: { keyParity: 'even' } });
  assert.deepEqual(s.window, { type: 'global' });
  assert.ok(WORKLOADS.W2.notes.some((n) => /global window/.test(n)), 'the table notes say why');
});

test('W3: sliding 60 s every 1 s', () => {
  assert.deepEqual(WORKLOADS.W3.build(1000).window, { type: 'sliding', sizeMs: 60_000, everyMs: 1000, offsetMs: 0 });
});

test('W4: 10,000 keys in bursts (rotating), session gap 30 s', () => {
  const s = WORKLOADS.W4.build(1000);
  const g = generator(s);
  assert.equal(g.keys, 10_000);
  assert.deepEqual(g.keyDistribution, { type: 'rotating', activeKeys: 100, periodMs: 10_000 });
  assert.deepEqual(s.window, { type: 'session', gapMs: 30_000 });
});

test('W5: W1 with aligned checkpoints every 10 s, a transactional exactly-once sink, 3 crashes drawn from the seed', () => {
  const s = WORKLOADS.W5.build(100_000);
  const ft = s.faultTolerance;
  assert.ok(ft);
  assert.equal(ft.checkpoints?.intervalMs, 10_000);
  assert.equal(ft.checkpoints?.mode, 'aligned');
  assert.equal(ft.delivery.guarantee, 'exactly-once');
  assert.equal(ft.delivery.sink, 'transactional');
  assert.equal(ft.randomFaults?.crashes, 3);
  // Crash times are drawn over the whole input: 100 s of events plus the largest delay.
  assert.equal(ft.randomFaults?.fromMs, 0);
  assert.equal(ft.randomFaults?.untilMs, 106_000);
  assert.deepEqual(s.window, WORKLOADS.W1.build(1).window);
});

test('W6: W1 on the micro-batch engine with a 1 s trigger interval', () => {
  const s = WORKLOADS.W6.build(1000);
  assert.deepEqual(s.engine, { type: 'micro-batch', triggerIntervalMs: 1000, noDataBatches: true });
  assert.equal(WORKLOADS.W6.engine, 'micro-batch');
  assert.ok(WORKLOADS.W6.pinnedEngine);
});

test('W7: parallelism 4 (4 partitions) and a hot key with 20% of the events', () => {
  const s = WORKLOADS.W7.build(1000);
  const g = generator(s);
  assert.equal(g.partitions, 4);
  assert.deepEqual(s.parallelism, { source: 4, window: 4 });
  assert.deepEqual(g.keyDistribution, { type: 'hot-key', shareNumerator: 20, shareDenominator: 100 });
});

test('the registry: ids, and what each workload requires', () => {
  assert.deepEqual(Object.keys(WORKLOADS), [...WORKLOAD_IDS]);
  for (const id of WORKLOAD_IDS) assert.equal(WORKLOADS[id].id, id);
  assert.deepEqual(WORKLOADS.W5.requires, ['checkpoints', 'failures']);
  assert.deepEqual(WORKLOADS.W6.requires, ['micro-batch']);
  for (const id of ['W1', 'W2', 'W3', 'W4', 'W7'] as const) assert.deepEqual(WORKLOADS[id].requires, [], id);
});

test('overrides replace one parameter and keep the rest', () => {
  const g = generator(WORKLOADS.W1.build(1000, { keys: 10 }));
  assert.equal(g.keys, 10);
  assert.equal(g.ratePerSec, COMMON_PARAMS.ratePerSec);
  assert.deepEqual(WORKLOADS.W3.build(1000, { slidingEveryMs: 30_000 }).window, { type: 'sliding', sizeMs: 60_000, everyMs: 30_000, offsetMs: 0 });
  assert.throws(() => WORKLOADS.W1.build(-1), /events must be a non-negative integer/);
});

test('the generated input is what the table says: event i at i ms, keys < K, values in [0, 100), delays in [0, 6000)', () => {
  const n = 5000;
  const s = WORKLOADS.W1.build(n);
  const cursor = inputFor(s).log.open(0, 0);
  const seen = new Uint8Array(n);
  let count = 0;
  let late = 0;
  let maxEventTime = -Infinity;
  while (cursor.peekAppendTime() !== Infinity) {
    const e = cursor.next();
    count++;
    assert.ok(Number.isInteger(e.eventTime) && e.eventTime >= 0 && e.eventTime < n);
    seen[e.eventTime] = 1;
    const delay = e.appendTime - e.eventTime;
    assert.ok(delay >= 0 && delay < 6000, `delay ${delay}`);
    assert.ok(e.key >= 0 && e.key < 1000);
    assert.ok(Number.isInteger(e.value) && e.value >= 0 && e.value < 100);
    if (e.eventTime < maxEventTime) late++;
    maxEventTime = Math.max(maxEventTime, e.eventTime);
  }
  assert.equal(count, n);
  assert.equal(seen.reduce((a, b) => a + b, 0), n, 'one event per millisecond of event time');
  assert.ok(late > n / 2, 'events arrive out of order');
});
