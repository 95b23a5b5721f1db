import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane } from '../../model/pane.js';
import type { TraceEvent } from '../../trace/events.js';
import { BatchOutput } from './batch-output.js';

const pane = (key: string, start: number, value: number, index = 0): Pane => ({
  key,
  window: { start, end: start + 10 },
  value,
  timing: 'EARLY',
  index,
  isLast: false,
  emittedAt: 5,
  count: 1,
  maxEventTime: start,
  maxIngestionTime: start,
});
const windowed = (value: number): TraceEvent => ({
  type: 'event-windowed',
  at: 5,
  task: 0,
  ref: { partition: 0, offset: value },
  key: 'a',
  value,
  timestamp: 0,
  window: { start: 0, end: 10 },
  late: false,
  watermark: -Infinity,
});

test('released at the commit: rows visible then, trace entries stamped then, each pane after what it reflects', () => {
  const out = new BatchOutput(1, false, true);
  out.trace(windowed(1));
  out.row(0, pane('a', 0, 1), 3);
  out.trace(windowed(2));
  const { rows, trace } = out.release(100);
  assert.deepEqual(rows.map((r) => [r.pane.value, r.pane.emittedAt]), [[1, 100]]);
  assert.deepEqual(trace.map((e) => [e.type, e.at]), [['event-windowed', 100], ['pane-fired', 100], ['event-windowed', 100]]);
  const fired = trace[1];
  assert.ok(fired?.type === 'pane-fired' && fired.watermark === 3);
  assert.deepEqual(out.release(200), { rows: [], trace: [] });
});

test('update mode keeps the last row of each window, at the place of its last change, and none for a merged-away session', () => {
  const out = new BatchOutput(2, true, true);
  out.row(0, pane('a', 0, 1, 0), 0);
  out.row(1, pane('b', 0, 4, 0), 0);
  out.trace(windowed(7));
  out.row(0, pane('a', 0, 3, 1), 0);
  out.row(0, pane('a', 20, 5, 0), 0);
  assert.deepEqual(out.written, [2, 1]);
  out.merged('a', [{ start: 0, end: 10 }, { start: 20, end: 30 }], { start: 0, end: 30 });
  assert.deepEqual(out.written, [0, 1]);
  const { rows, trace } = out.release(9);
  assert.deepEqual(rows.map((r) => `${r.pane.key}=${r.pane.value}`), ['b=4']);
  assert.deepEqual(trace.map((e) => e.type), ['pane-fired', 'event-windowed']);
});

test('a failed batch leaves nothing; a benchmark trace keeps no entries but every row', () => {
  const out = new BatchOutput(1, false, true);
  out.row(0, pane('a', 0, 1), 0);
  out.clear();
  assert.deepEqual(out.release(1), { rows: [], trace: [] });
  const quiet = new BatchOutput(1, false, false);
  quiet.trace(windowed(1));
  quiet.row(0, pane('a', 0, 1), 0);
  assert.deepEqual(quiet.release(1).trace.map((e) => e.type), ['pane-fired']);
});
