import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePasses, splitIterations } from './passes.js';
import { fakeResult, fakeUnavailable } from './results.test-support.js';

test('rounds are split between passes as evenly as possible, never into empty passes', () => {
  assert.deepEqual(splitIterations(5, 2), [3, 2]);
  assert.deepEqual(splitIterations(6, 3), [2, 2, 2]);
  assert.deepEqual(splitIterations(2, 5), [1, 1]);
  assert.deepEqual(splitIterations(4, 1), [4]);
});

test('merged passes pool the run times and the paired ratios and recompute the figures', () => {
  const fast = fakeResult('W1', 2_000_000, { handLoopEventsPerSec: 5_000_000 });
  const slow = fakeResult('W1', 1_000_000, { handLoopEventsPerSec: 2_500_000 });
  const m = mergePasses([fast, slow]);
  assert.equal(m.samples.length, fast.samples.length + slow.samples.length);
  assert.equal(m.ratioSamples.length, 6);
  // Both passes say 0.4 (paired by round) however fast the machine was: so does the merge.
  assert.ok(Math.abs((m.ratio ?? 0) - 0.4) < 1e-9, `ratio ${m.ratio}`);
  assert.ok((m.rmePercent ?? 0) > (fast.rmePercent ?? 0), 'run times from a fast and a slow pass spread wider');
  assert.equal(m.engineRun?.heapPeaksBytes.length, 6);
  assert.equal(m.medianMs, m.engineRun?.medianMs);
});

test('a pass that did not run is the result, and passes that disagree on the results are a bug', () => {
  const ok = fakeResult('W5', 1_000_000);
  const failed = fakeUnavailable('W5', 'failed: boom');
  assert.equal(mergePasses([ok, failed]), failed);
  assert.equal(mergePasses([ok]), ok);
  const other = { ...ok, check: { ...(ok.check as NonNullable<typeof ok.check>), engineResults: 7 } };
  assert.throws(() => mergePasses([ok, other]), /passes disagree on the results/);
});
