import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstTriggerAtOrAfter, followingTrigger, nextBatchTime } from './processing-time-trigger.js';

test('nextBatchTime: the next multiple of the interval strictly after now', () => {
  assert.equal(nextBatchTime(0, 1000), 1000);
  assert.equal(nextBatchTime(999, 1000), 1000);
  assert.equal(nextBatchTime(1000, 1000), 2000);
  assert.equal(nextBatchTime(1234, 0), 1234);
});

test('followingTrigger: waits for the next trigger time, or starts at once after an overrun', () => {
  assert.equal(followingTrigger(1000, 1200, 1000), 2000);
  assert.equal(followingTrigger(1000, 2500, 1000), 2500);
  assert.equal(followingTrigger(1000, 1000, 1000), 2000);
  // As fast as possible: the next batch starts when the previous ends.
  assert.equal(followingTrigger(1000, 1070, 0), 1070);
});

test('firstTriggerAtOrAfter: data appended at a trigger time is read by that trigger', () => {
  assert.equal(firstTriggerAtOrAfter(2000, 1000), 2000);
  assert.equal(firstTriggerAtOrAfter(2001, 1000), 3000);
  assert.equal(firstTriggerAtOrAfter(2001, 0), 2001);
  assert.equal(firstTriggerAtOrAfter(Infinity, 1000), Infinity);
});
