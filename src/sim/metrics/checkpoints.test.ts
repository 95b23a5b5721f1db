import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkpointMetrics } from './checkpoints.js';

test('durations of completed checkpoints; aborted ones are counted', () => {
  const m = checkpointMetrics([
    { type: 'checkpoint-completed', at: 100, id: 1, savepoint: false, durationMs: 30, alignmentMs: 10, sizeBytes: 5 },
    { type: 'checkpoint-aborted', at: 200, id: 2, reason: 'timeout' },
    { type: 'checkpoint-completed', at: 300, id: 3, savepoint: true, durationMs: 50, alignmentMs: 0, sizeBytes: 7 },
  ]);
  assert.deepEqual(
    m.completed.map((c) => [c.id, c.durationMs, c.savepoint]),
    [
      [1, 30, false],
      [3, 50, true],
    ],
  );
  assert.equal(m.aborted, 1);
  assert.equal(m.maxDurationMs, 50);
  assert.equal(m.meanDurationMs, 40);
});
