import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamRecord } from '../model/record.js';
import { ArrayTrace, NullTrace, type TraceEvent } from '../trace/events.js';
import { rulesFor } from '../semantics/rules.js';
import { isWindowLate, reportLate } from './late-data.js';

test('a window is late once the clock reaches its expiry under the rule book', () => {
  const rules = rulesFor('flink');
  const w = { start: 0, end: 10_000 };
  const expiry = rules.expireAt(w, undefined, 2000);
  assert.equal(isWindowLate(rules, expiry - 1, w, undefined, 2000), false);
  assert.equal(isWindowLate(rules, expiry, w, undefined, 2000), true);
});

const REC = { entry: { key: 0, partition: 0, offset: 7, eventTime: 5 }, value: 1, timestamp: 5, ingestionTime: 6 } as unknown as StreamRecord;
const WINDOWS = [{ start: 0, end: 10 }, { start: 5, end: 15 }];

function lateTrace(allLate: boolean, lateData: 'drop' | 'side-output'): TraceEvent[] {
  const trace = new ArrayTrace();
  reportLate({ trace, task: 0 }, lateData, () => 'k', REC, WINDOWS, 1, allLate, 20, 30);
  return trace.events;
}

test('Flink side-outputs an element only when every window it belongs to was late', () => {
  const all = lateTrace(true, 'side-output');
  const part = lateTrace(false, 'side-output');
  assert.equal(all.length, 1);
  assert.equal(part.length, 1);
  assert.equal((all[0] as { disposition?: string }).disposition, 'side-output');
  assert.equal((part[0] as { disposition?: string }).disposition, 'dropped');
  assert.equal((lateTrace(true, 'drop')[0] as { disposition?: string }).disposition, 'dropped');
});

test('nothing is built when the trace keeps no entries', () => {
  let named = 0;
  reportLate({ trace: new NullTrace(), task: 0 }, 'side-output', () => String(named++), REC, WINDOWS, 2, true, 20, 30);
  assert.equal(named, 0);
});
