import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../trace/events.js';
import type { Window } from '../model/window.js';
import { gridOver } from './series.js';
import { stateSize } from './state-size.js';

const w = (start: number, end: number): Window => ({ start, end });
const windowed = (at: number, key: string, window: Window, task = 0): TraceEvent => ({
  type: 'event-windowed',
  at,
  task,
  ref: { partition: 0, offset: at },
  key,
  value: 1,
  timestamp: window.start,
  window,
  late: false,
  watermark: 0,
});
const cleared = (at: number, key: string, window: Window): TraceEvent => ({ type: 'window-cleared', at, task: 0, key, window, watermark: window.end });

test('a window is open from its first element until it is cleared', () => {
  const trace = [windowed(0, 'a', w(0, 10)), windowed(1, 'a', w(0, 10)), windowed(2, 'b', w(0, 10)), cleared(12, 'a', w(0, 10)), cleared(25, 'b', w(0, 10))];
  const s = stateSize(trace, gridOver(0, 29, 3));
  assert.deepEqual(s.openWindows.values, [2, 1, 0]);
  assert.equal(s.maxOpenWindows, 2);
  assert.equal(s.openAtEnd, 0);
});

test('merged sessions count as one', () => {
  const trace: TraceEvent[] = [windowed(0, 'a', w(0, 5)), windowed(1, 'a', w(6, 11)), { type: 'windows-merged', at: 2, task: 0, key: 'a', from: [w(0, 5), w(6, 11)], into: w(0, 11) }];
  assert.equal(stateSize(trace, gridOver(0, 9, 1)).openAtEnd, 1);
});

test('a failure loses the state and a restart restores what its checkpoint held', () => {
  const trace: TraceEvent[] = [
    windowed(0, 'a', w(0, 10), 0),
    windowed(1, 'b', w(0, 10), 1),
    { type: 'checkpoint-snapshot', at: 2, id: 1, task: 0, alignmentMs: 0, windows: 1, inFlightRecords: 0, unaligned: false },
    { type: 'checkpoint-snapshot', at: 2, id: 1, task: 1, alignmentMs: 0, windows: 1, inFlightRecords: 0, unaligned: false },
    { type: 'checkpoint-completed', at: 2, id: 1, savepoint: false, durationMs: 0, alignmentMs: 0, sizeBytes: 0 },
    windowed(3, 'c', w(0, 10), 0),
    { type: 'job-failed', at: 4, reason: 'x' },
    { type: 'job-restarted', at: 6, fromCheckpoint: 1, offsets: [], restoredWindows: 2, inFlightRecords: 0 },
  ];
  const s = stateSize(trace, gridOver(0, 7, 8));
  assert.deepEqual(s.openWindows.values, [1, 2, 2, 3, 0, 0, 2, 2]);
  assert.equal(s.openAtEnd, 2);
});

test('a restart without a checkpoint starts empty', () => {
  const trace: TraceEvent[] = [windowed(0, 'a', w(0, 10)), { type: 'job-failed', at: 1, reason: 'x' }, { type: 'job-restarted', at: 2, fromCheckpoint: null, offsets: [], restoredWindows: 0, inFlightRecords: 0 }];
  assert.equal(stateSize(trace, gridOver(0, 2, 3)).openAtEnd, 0);
});
