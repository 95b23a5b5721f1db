import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayLog, testScenario } from '../../truth/array-log.test-support.js';
import { COST_DEFAULTS } from '../../scenario/defaults.js';
import type { FaultSpec } from '../../scenario/types.js';
import { BatchCostModel } from './batch-cost.js';
import { BatchPlanner } from './batch-planner.js';
import { applyCondition, describeCondition, failsTheJob } from './query-faults.js';

const at = { kind: 'at', atMs: 0 } as const;

test('crashes, job failures, sink failures and a broken connection fail the query; the rest change conditions', () => {
  const failing: FaultSpec[] = [
    { type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: at, restartDelayMs: 1 },
    { type: 'job-failure', trigger: at, restartDelayMs: 1 },
    { type: 'sink-write-failure', task: { stage: 'window', index: 0 }, trigger: at, restartDelayMs: 1 },
    { type: 'sink-commit-failure', checkpoint: 1, restartDelayMs: 1 },
    { type: 'channel', fault: 'drop', fromMs: 0, untilMs: 1, delayMs: 0, restartDelayMs: 1 },
  ];
  assert.ok(failing.every(failsTheJob));
  const conditions: FaultSpec[] = [
    { type: 'channel', fault: 'delay', fromMs: 0, untilMs: 1, delayMs: 5, restartDelayMs: 1 },
    { type: 'slow-task', task: { stage: 'source', index: 0 }, fromMs: 0, untilMs: 1, factor: 3 },
    { type: 'partition-outage', partition: 0, fromMs: 0, untilMs: 1 },
  ];
  assert.ok(!conditions.some(failsTheJob));
});

test('conditions act on the batch costs and the planner while they last', () => {
  const cost = new BatchCostModel(testScenario({ cost: COST_DEFAULTS }));
  const planner = new BatchPlanner(new ArrayLog([], 2), [0, 0]);
  const slow: FaultSpec = { type: 'slow-task', task: { stage: 'window', index: 1 }, fromMs: 0, untilMs: 10, factor: 4 };
  applyCondition(slow, true, cost, planner);
  assert.equal(cost.slowdown.get('window-1'), 4);
  applyCondition(slow, false, cost, planner);
  assert.equal(cost.slowdown.size, 0);
  const delay: FaultSpec = { type: 'channel', fault: 'delay', fromMs: 0, untilMs: 10, delayMs: 250, restartDelayMs: 1 };
  applyCondition(delay, true, cost, planner);
  assert.equal(cost.extraShuffleMs, 250);
  const outage: FaultSpec = { type: 'partition-outage', partition: 1, fromMs: 0, untilMs: 700 };
  applyCondition(outage, true, cost, planner);
  assert.deepEqual(planner.outageUntil, [0, 700]);
  assert.match(describeCondition(outage), /partition 1 unreadable/);
});
