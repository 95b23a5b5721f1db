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
  assert.equal(w.current, -Infinity);
  assert.equal(w.endOfBatch(150, 100, false, true), 8000);
  assert.equal(w.current, 8000);
  // It never goes back.
  w.onRecord(0, 100, 1000, false);
  assert.equal(w.endOfBatch(1050, 1000, false, true), 8000);
});

test('Flink rules: the minimum over partitions, maxSeen − B − 1; a partition without data holds it back', () => {
  const { w } = tracker(testScenario({ semantics: 'flink', watermark: bounded }));
  w.onRecord(0, 5000, 100, false);
  assert.equal(w.endOfBatch(150, 100, false, true), -Infinity);
  w.onRecord(1, 9000, 200, false);
  assert.equal(w.endOfBatch(250, 200, false, true), 3999);
});

test('idleness leaves a quiet partition out of the minimum', () => {
  const { w, trace } = tracker(testScenario({ semantics: 'flink', watermark: { ...bounded, idleTimeoutMs: 500 } }));
  w.onRecord(0, 5000, 100, false);
  assert.equal(w.endOfBatch(150, 100, false, true), -Infinity);
  // A no-data batch later: partition 1 has had no data for the timeout, partition 0 not yet.
  assert.equal(w.endOfBatch(550, 500, false, false), 3999);
  assert.ok(trace.events.some((e) => e.type === 'partition-idle' && e.partition === 1 && e.idle));
});

test('the end of the input flushes under Flink rules, not under Spark rules', () => {
  const flink = tracker(testScenario({ semantics: 'flink', watermark: bounded }), 1).w;
  flink.onRecord(0, 5000, 100, false);
  assert.equal(flink.endOfBatch(100, 100, true, true), Infinity);
  const spark = tracker(testScenario({ semantics: 'spark', watermark: bounded }), 1).w;
  spark.onRecord(0, 5000, 100, false);
  assert.equal(spark.endOfBatch(100, 100, true, true), 4000);
});

test('a scripted step is observed by the first batch planned at or after it, and applies from the next', () => {
  const { w } = tracker(testScenario({ semantics: 'spark', watermark: { type: 'scripted' } }), 1, [{ at: 1000, watermark: 700 }, { at: 3000, watermark: 2500 }]);
  assert.equal(w.scriptPending(999), false);
  assert.equal(w.nextScriptedAfter(999), 1000);
  assert.equal(w.scriptPending(1000), true);
  // The batch planned at 1000 observes the step; the next batch applies it.
  assert.equal(w.endOfBatch(1200, 1000, false, true), 700);
  assert.equal(w.scriptPending(2999), false);
  assert.equal(w.endOfBatch(3600, 3500, false, true), 2500);
  assert.equal(w.nextScriptedAfter(3500), Infinity);
  // A script is not flushed at the end of the input: only its own steps move it.
  assert.equal(w.endOfBatch(4000, 4000, true, true), 2500);
});

test('the perfect watermark combines by min even under Spark rules: it speaks for the whole input', () => {
  const log = new ArrayLog([{ key: 'a', value: 1, eventTime: 500, appendTime: 600, partition: 1 }], 2);
  const { w } = tracker(testScenario({ semantics: 'spark', watermark: { type: 'perfect', intervalMs: 200 } }), 2, [], log);
  // Partition 0 is exhausted (+∞), partition 1 still holds event time 500.
  assert.equal(w.endOfBatch(0, 0, false, true), 500);
});
