import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testScenario } from '../../truth/array-log.test-support.js';
import { COST_DEFAULTS } from '../../scenario/defaults.js';
import { BatchCostModel, stageMs } from './batch-cost.js';

test('a stage lasts as long as its slowest task, at least 1 ms if it worked', () => {
  assert.equal(stageMs([]), 0);
  assert.equal(stageMs([0, 0]), 0);
  assert.equal(stageMs([10, 300]), 1);
  assert.equal(stageMs([2500, 100]), 3);
});

test('without a cost model a batch takes no time', () => {
  const model = new BatchCostModel(testScenario());
  const t = model.timing({ read: [1000], aggregated: [1000], written: [10] });
  assert.equal(t.overheadMs, 0);
  assert.equal(t.executionMs, 0);
});

test('with costs: overhead, then the slowest read task, the shuffle, the slowest stateful task', () => {
  const cost = { ...COST_DEFAULTS, sourceRecordUs: 100, operatorRecordUs: 0, serializationUs: 0, windowRecordUs: 50, stateAccessUs: 0, sinkRecordUs: 1000, batchOverheadMs: 40 };
  const model = new BatchCostModel(testScenario({ cost, channelDelayMs: 5 }));
  // Read: 30 records × 100 µs = 3 ms on the slowest task. Stateful: 40 × 50 µs + 2 rows × 1 ms = 4 ms.
  const t = model.timing({ read: [30, 10], aggregated: [20, 40], written: [0, 2] });
  assert.equal(t.overheadMs, 40);
  assert.equal(t.executionMs, 3 + 5 + 4);
  assert.deepEqual(t.readUs, [3000, 1000]);
  model.slowdown.set('window-0', 10);
  assert.equal(model.timing({ read: [30, 10], aggregated: [20, 40], written: [0, 2] }).executionMs, 3 + 5 + 10);
});
