import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busiestTask, taskMetrics } from './tasks.js';

test('busy and backpressured time as shares of the run, and the busiest task', () => {
  const m = taskMetrics(
    [
      { name: 'source-0', records: 10, busyMs: 100, backpressuredMs: 600 },
      { name: 'window-0', records: 10, busyMs: 900, backpressuredMs: 0 },
    ],
    1000,
  );
  assert.deepEqual(
    m.map((t) => [t.busyRatio, t.backpressuredRatio]),
    [
      [0.1, 0.6],
      [0.9, 0],
    ],
  );
  assert.equal(busiestTask(m)?.name, 'window-0');
  assert.equal(taskMetrics([{ name: 'x', records: 0, busyMs: 5, backpressuredMs: 0 }], 0)[0]?.busyRatio, 0);
});
