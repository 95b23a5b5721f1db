import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capability, resetCapabilities } from './capabilities.js';
import { bar, formatSustainable, renderLatencyChart, renderSimulatedTable, simulateWorkload, sustainableThroughput } from './simulated.js';
import { WORKLOADS } from './workloads.js';

test('bars are drawn in eighths of a cell and never longer than the width', () => {
  assert.equal(bar(10, 10, 4), '████');
  assert.equal(bar(5, 10, 4), '██');
  assert.equal(bar(1, 16, 2), '▏');
  assert.equal(bar(4, 16, 2), '▌');
  assert.equal(bar(12, 16, 2), '█▌');
  assert.equal(bar(1, 1000, 2), '▏', 'a non-zero value always shows');
  assert.equal(bar(0, 10, 4), '');
  assert.equal(bar(20, 10, 4), '████');
});

test('simulated time: native latency of W1 is ordered, micro-batch says it is not available', () => {
  resetCapabilities({
    'micro-batch': { available: false, reason: 'not available yet (needs the micro-batch engine)' },
    'cost-model': { available: false, reason: 'needs the cost model' },
  });
  try {
    const rows = simulateWorkload('W1', 3000);
    assert.equal(rows.length, 4);
    const native = rows[0];
    assert.ok(native && native.available && native.eventTime);
    assert.equal(native.engine, 'native');
    // Bounded out-of-orderness of 5 s: a window's result comes at least B after its last event.
    assert.ok(native.eventTime.p50 >= 5000 && native.eventTime.p50 <= native.eventTime.p99 && native.eventTime.p99 <= native.eventTime.max);
    assert.equal(native.sustainableThroughput, null);
    assert.equal(native.throughputNote, 'needs the cost model');
    for (const r of rows.slice(1)) {
      assert.equal(r.available, false);
      assert.equal(r.engine, 'micro-batch');
    }
    assert.deepEqual(rows.slice(1).map((r) => r.triggerIntervalMs), [1000, 5000, 10_000]);
    const table = renderSimulatedTable(rows);
    assert.match(table, /W1\s+native\s+3,000/);
    assert.match(table, /W1\s+native\s+3,000\s+\S+\s+[\d.]+ s\s+[\d.]+ s\s+[\d.]+ s\s+n\/a \[1\]/);
    assert.match(table, /W1\s+micro-batch 1\/5\/10 s\s+3,000\s+not available yet \(needs the micro-batch engine\)/);
    assert.match(table, /\[1\] needs the cost model/);
    const chart = renderLatencyChart(rows, 20);
    assert.match(chart, /W1 native\s+p50 █+/);
    assert.match(chart, /p99 █{20}/);
  } finally {
    resetCapabilities();
  }
});

test('the sweep brackets the sustainable rate with the cost model, and the table says when it only bounds it', () => {
  const found = sustainableThroughput(WORKLOADS.W1.build(20_000), null, { events: 20_000 });
  assert.ok(found.ratePerSec !== undefined && found.unsustainableRatePerSec !== undefined, JSON.stringify(found.trials));
  assert.ok(found.ratePerSec < found.unsustainableRatePerSec);
  // The window task pays 1 µs + 1 µs of serialisation + a 1 ms round trip shared by 4 requests: about 4 k records/s.
  assert.ok(found.ratePerSec >= 2000 && found.ratePerSec <= 10_000, `${found.ratePerSec}`);
  assert.equal(formatSustainable({ sustainableThroughput: 6200, unsustainableThroughput: 6700 }), '6.2 k/s');
  assert.equal(formatSustainable({ sustainableThroughput: 16_000, unsustainableThroughput: null }), '≥ 16.0 k/s');
  assert.equal(formatSustainable({ sustainableThroughput: null, unsustainableThroughput: 250 }), '< 250 /s');
});

test('the cost-model probe finds the cost model', () => {
  resetCapabilities();
  assert.deepEqual(capability('cost-model'), { available: true, reason: '' });
});
