import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayLog, testScenario } from '../../truth/array-log.test-support.js';
import { rulesFor } from '../../semantics/rules.js';
import { ArrayTrace } from '../../trace/events.js';
import type { Scenario } from '../../scenario/types.js';
import type { ScriptedWatermark } from '../../sources/log.js';
import { QueryWatermark } from './query-watermark.js';

function tracker(s: Scenario, partitions = 2, scripted: ScriptedWatermark[] = [], log = new ArrayLog([], partitions)) {
  const trace = new ArrayTrace();
  const cursors = Array.from({ length: partitions }, (_, p) => log.open(p, 0));
  const w = new QueryWatermark({ scenario: s, rules: rulesFor(s.semantics), trace, scripted, cursorOf: (p) => cursors[p] ?? log.open(p, 0), partitions }, undefined, 0);
  return { w, trace };
}

const bounded = { type: 'bounded-out-of-orderness', maxDelayMs: 1000, intervalMs: 200 } as const;

test('Spark: max event time over all partitions − delay, computed at the end of the batch', () => {
  const { w } = tracker(testScenario({ semantics: 'spark', watermark: bounded }));
  w.onRecord(0, 5000, 100, false);
  w.onRecord(1, 9000, 100, false);
  // Not yet: the batch applies the watermark of the batch before.
  assert.equal(w.forBatchAt(100), -Infinity);
  assert.equal(w.endOfBatch(150, false), 8000);
  assert.equal(w.forBatchAt(1000), 8000);
  // It never goes back.
  w.onRecord(0, 100, 1000, false);
  assert.equal(w.endOfBatch(1050, false), 8000);
});

test('Flink rules: the minimum over partitions, maxSeen − B − 1; a partition without data holds it back', () => {
  const { w } = tracker(testScenario({ semantics: 'flink', watermark: bounded }));
  w.onRecord(0, 5000, 100, false);
  assert.equal(w.endOfBatch(150, false), -Infinity);
  w.onRecord(1, 9000, 200, false);
  assert.equal(w.endOfBatch(250, false), 3999);
});

test('idleness leaves a quiet partition out of the minimum', () => {
  const { w, trace } = tracker(testScenario({ semantics: 'flink', watermark: { ...bounded, idleTimeoutMs: 500 } }));
  w.onRecord(0, 5000, 100, false);
  assert.equal(w.endOfBatch(550, false), 3999);
  assert.ok(trace.events.some((e) => e.type === 'partition-idle' && e.partition === 1 && e.idle));
});

test('the end of the input flushes under Flink rules, not under Spark rules', () => {
  const flink = tracker(testScenario({ semantics: 'flink', watermark: bounded }), 1).w;
  flink.onRecord(0, 5000, 100, false);
  assert.equal(flink.endOfBatch(100, true), Infinity);
  const spark = tracker(testScenario({ semantics: 'spark', watermark: bounded }), 1).w;
  spark.onRecord(0, 5000, 100, false);
  assert.equal(spark.endOfBatch(100, true), 4000);
});

test('scripted steps apply in the first batch planned at or after them', () => {
  const { w } = tracker(testScenario({ semantics: 'spark', watermark: { type: 'scripted' } }), 1, [{ at: 1000, watermark: 700 }, { at: 3000, watermark: 2500 }]);
  assert.equal(w.forBatchAt(999), -Infinity);
  assert.equal(w.nextScriptedAfter(999), 1000);
  assert.equal(w.forBatchAt(1000), 700);
  assert.equal(w.forBatchAt(2999), 700);
  assert.equal(w.forBatchAt(3500), 2500);
  assert.equal(w.nextScriptedAfter(3500), Infinity);
});

test('the perfect watermark combines by min even under Spark rules: it speaks for the whole input', () => {
  const log = new ArrayLog([{ key: 'a', value: 1, eventTime: 500, appendTime: 600, partition: 1 }], 2);
  const { w } = tracker(testScenario({ semantics: 'spark', watermark: { type: 'perfect', intervalMs: 200 } }), 2, [], log);
  // Partition 0 is exhausted (+∞), partition 1 still holds event time 500.
  assert.equal(w.endOfBatch(0, false), 500);
});
