import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyTable, type StreamRecord } from '../../model/record.js';
import { eventTime, procTime } from '../../model/time.js';
import { rulesFor } from '../../semantics/rules.js';
import { ArrayTrace } from '../../trace/events.js';
import { testScenario } from '../../truth/array-log.test-support.js';
import type { OutputMode } from '../../scenario/types.js';
import { StatefulStage } from './stateful-stage.js';

function stage(mode: OutputMode) {
  const keys = new KeyTable();
  const s = testScenario({ semantics: 'spark', outputMode: mode, window: { type: 'tumbling', sizeMs: 10, offsetMs: 0 } });
  const st = new StatefulStage({ scenario: s, rules: rulesFor('spark'), keys, trace: new ArrayTrace(), mode });
  let offset = 0;
  const rec = (key: string, value: number, t: number): StreamRecord => ({
    entry: { partition: 0, offset: offset++, key: keys.intern(key), value, eventTime: eventTime(t), appendTime: procTime(t) },
    value,
    timestamp: t,
    ingestionTime: procTime(t),
  });
  return { st, rec };
}

test('append: a window is written when the applied watermark passes its end, then evicted', () => {
  const { st, rec } = stage('append');
  st.process(rec('a', 1, 1), 0, 100);
  st.process(rec('a', 2, 5), 0, 100);
  st.fireDueTimers(100);
  assert.equal(st.output.release(0).rows.length, 0);
  st.applyWatermark(10, 200);
  assert.equal(st.output.release(0).rows.length, 0, 'Spark evicts only when watermark > end');
  st.applyWatermark(11, 300);
  assert.deepEqual(st.output.release(0).rows.map((r) => r.pane.value), [3]);
  assert.equal(st.openWindows, 0);
});

test('update: each changed window fires once at the end of the batch', () => {
  const { st, rec } = stage('update');
  st.process(rec('a', 1, 1), 0, 100);
  st.process(rec('a', 2, 5), 0, 100);
  st.process(rec('b', 4, 5), 0, 100);
  assert.deepEqual(st.output.written, [2]);
  assert.deepEqual(st.output.release(0).rows.map((r) => `${r.pane.key}=${r.pane.value}`), ['a=3', 'b=4']);
  st.applyWatermark(11, 200);
  assert.deepEqual(st.output.release(0).rows, [], 'the eviction writes nothing in update mode');
});

test('state survives a snapshot and restore into a fresh stage', () => {
  const { st, rec } = stage('update');
  st.process(rec('a', 1, 1), 0, 100);
  st.fireDueTimers(100);
  st.output.release(0);
  const snapshot = st.snapshot();
  const { st: fresh, rec: rec2 } = stage('update');
  assert.equal(fresh.restore({ version: 1, partitions: snapshot }, 200), 1);
  fresh.process(rec2('a', 5, 2), 0, 200);
  fresh.fireDueTimers(200);
  assert.deepEqual(fresh.output.release(0).rows.map((r) => [r.pane.value, r.pane.index]), [[6, 1]]);
});

test('update with sessions: a session merged away later in the batch writes no row', () => {
  const keys = new KeyTable();
  const s = testScenario({ semantics: 'spark', outputMode: 'update', window: { type: 'session', gapMs: 20 } });
  const st = new StatefulStage({ scenario: s, rules: rulesFor('spark'), keys, trace: new ArrayTrace(), mode: 'update' });
  const rec = (value: number, t: number, offset: number): StreamRecord => ({
    entry: { partition: 0, offset, key: keys.intern('a'), value, eventTime: eventTime(t), appendTime: procTime(t) },
    value,
    timestamp: t,
    ingestionTime: procTime(t),
  });
  st.process(rec(1, 0, 0), 0, 100);
  st.process(rec(2, 30, 1), 0, 100);
  // 15 bridges [0, 20) and [30, 50) into [0, 50).
  st.process(rec(4, 15, 2), 0, 100);
  assert.deepEqual(st.output.release(0).rows.map((r) => [r.pane.window.start, r.pane.window.end, r.pane.value]), [[0, 50, 7]]);
});
