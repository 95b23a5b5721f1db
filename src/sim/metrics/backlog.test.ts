import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../trace/events.js';
import { backlog } from './backlog.js';
import { gridOver } from './series.js';

const read = (at: number, partition: number, offset: number, appendTime: number): TraceEvent => ({
  type: 'event-ingested',
  at,
  task: 0,
  ref: { partition, offset },
  key: 'k',
  value: 1,
  eventTime: appendTime,
  appendTime,
});
const windowed = (at: number, partition: number, offset: number): TraceEvent => ({
  type: 'event-windowed',
  at,
  task: 0,
  ref: { partition, offset },
  key: 'k',
  value: 1,
  timestamp: 0,
  window: { start: 0, end: 10 },
  late: false,
  watermark: 0,
});

// Partition 0 gets an entry every 10 ms from 0 to 90; the consumer reads them only from 50 ms on.
const appended = [Array.from({ length: 10 }, (_, i) => i * 10)];

test('the backlog is what was appended and not yet read, and the lag is the age of the oldest unread', () => {
  const trace = Array.from({ length: 10 }, (_, i) => read(50 + i * 5, 0, i, i * 10));
  const b = backlog(trace, appended, gridOver(0, 99, 10), 99);
  // At 9 ms one entry waits (appended at 0); at 49 ms five; at 59 ms six appended, two read.
  assert.deepEqual(b.records.values, [1, 2, 3, 4, 5, 4, 3, 2, 1, 0]);
  assert.deepEqual(b.oldestAgeMs.values.slice(0, 6), [9, 19, 29, 39, 49, 39]);
  assert.equal(b.maxRecords, 6); // just before the read at 50 ms, with the entry appended at 50
  assert.equal(b.maxAgeMs, 50);
});

test('a restart rewinds the position: replayed entries are backlog again', () => {
  const trace: TraceEvent[] = [read(0, 0, 0, 0), read(10, 0, 1, 10), read(20, 0, 2, 20)];
  trace.push({ type: 'job-failed', at: 25, reason: 'crash' });
  trace.push({ type: 'job-restarted', at: 30, fromCheckpoint: 1, offsets: [{ partition: 0, offset: 1 }], restoredWindows: 0, inFlightRecords: 0 });
  const b = backlog(trace, [[0, 10, 20]], gridOver(0, 39, 4), 39);
  assert.deepEqual(b.records.values, [0, 0, 0, 2]);
  assert.equal(b.oldestAgeMs.values[3], 39 - 10);
});

test('in flight: read but not yet windowed; a failure loses what was in flight', () => {
  const trace: TraceEvent[] = [read(0, 0, 0, 0), read(1, 0, 1, 0), windowed(15, 0, 0), windowed(16, 0, 0), read(21, 0, 2, 0), { type: 'job-failed', at: 35, reason: 'x' }];
  const b = backlog(trace, [[0, 0, 0]], gridOver(0, 39, 4), 39);
  assert.deepEqual(b.inFlight.values, [2, 1, 2, 0]);
});

test('a run resumed past offset zero starts its position at the first read', () => {
  const b = backlog([read(0, 0, 5, 0)], [[0, 0, 0, 0, 0, 0]], gridOver(0, 9, 1), 9);
  assert.deepEqual(b.records.values, [0]);
});

test('entries never read wait until the end of the run', () => {
  const b = backlog([], [[0, 5]], gridOver(0, 19, 2), 19);
  assert.deepEqual(b.records.values, [2, 2]);
  assert.equal(b.maxAgeMs, 19);
});
