import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayLog } from '../../truth/array-log.test-support.js';
import { BatchPlanner } from './batch-planner.js';

const log = () =>
  new ArrayLog(
    [
      { key: 'a', value: 1, eventTime: 0, appendTime: 100, partition: 0 },
      { key: 'b', value: 2, eventTime: 0, appendTime: 50, partition: 1 },
      { key: 'a', value: 3, eventTime: 0, appendTime: 900, partition: 0 },
      { key: 'b', value: 4, eventTime: 0, appendTime: 1500, partition: 1 },
    ],
    2,
  );

test('a batch plans everything appended by its planning time, from where the last one stopped', () => {
  const planner = new BatchPlanner(log(), [0, 0]);
  const first = planner.plan(1000);
  assert.deepEqual(first.ranges, [{ partition: 0, from: 0, to: 2 }, { partition: 1, from: 0, to: 1 }]);
  // In append order across partitions.
  assert.deepEqual(first.entries.map((e) => e.value), [2, 1, 3]);
  assert.equal(planner.nextAvailableAt(), 1500);
  const second = planner.plan(2000);
  assert.deepEqual(second.ranges, [{ partition: 0, from: 2, to: 2 }, { partition: 1, from: 1, to: 2 }]);
  assert.ok(planner.exhausted(0) && planner.exhausted(1));
  assert.equal(planner.nextAvailableAt(), Infinity);
});

test('a partition in an outage gets an empty range; its data waits', () => {
  const planner = new BatchPlanner(log(), [0, 0]);
  planner.outageUntil[0] = 5000;
  assert.deepEqual(planner.plan(1000).entries.map((e) => e.value), [2]);
  assert.equal(planner.nextAvailableAt(), 1500);
  planner.plan(2000);
  assert.equal(planner.nextAvailableAt(), 5000);
});

test('a rerun reads the same ranges again', () => {
  const planner = new BatchPlanner(log(), [0, 0]);
  const first = planner.plan(1000);
  const again = planner.reread(first.ranges);
  assert.deepEqual(again.entries, first.entries);
  // Planning resumes after the planned offsets.
  assert.deepEqual(new BatchPlanner(log(), [2, 1]).plan(2000).entries.map((e) => e.value), [4]);
});
