import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rulesFor, rulesForScenario } from './rules.js';

describe('Kafka Streams session close', () => {
  const kafka = rulesFor('kafka-streams');
  // The session [0, 0] is held as [0, 1); gap 1 s, grace 200 ms.
  const session = { start: 0, end: 1 };

  it('suppress emits at last + gap + grace (KTableSuppressProcessor, duration gap + grace)', () => {
    assert.equal(kafka.fireAt(session, 1000, 200), 1200);
  });

  it('records are dropped only past it (KStreamSessionWindowAggregate: end < streamTime − grace − gap)', () => {
    assert.equal(kafka.expireAt(session, 1000, 200), 1201);
  });

  it('time windows close and drop at the same stream time, end + grace (KStreamWindowAggregate)', () => {
    const w = { start: 0, end: 1000 };
    assert.equal(kafka.fireAt(w, undefined, 200), 1200);
    assert.equal(kafka.expireAt(w, undefined, 200), 1200);
  });
});

describe('rulesForScenario', () => {
  const perfect = { type: 'perfect', intervalMs: 200 } as const;
  const bounded = { type: 'bounded-out-of-orderness', maxDelayMs: 1000, intervalMs: 200 } as const;

  it('combines Spark inputs by max for max event time − delay, by min for the perfect watermark', () => {
    assert.equal(rulesForScenario({ semantics: 'spark', watermark: bounded }).combineInputs, 'max');
    assert.equal(rulesForScenario({ semantics: 'spark', watermark: perfect }).combineInputs, 'min');
  });

  it('changes nothing else, and nothing for the engines that combine by min already', () => {
    const spark = rulesForScenario({ semantics: 'spark', watermark: perfect });
    assert.equal(spark.expireAt({ start: 0, end: 1000 }, undefined, 0), rulesFor('spark').expireAt({ start: 0, end: 1000 }, undefined, 0));
    assert.equal(spark.flushesAtEndOfInput, false);
    assert.equal(rulesForScenario({ semantics: 'flink', watermark: perfect }), rulesFor('flink'));
    assert.equal(rulesForScenario({ semantics: 'kafka-streams', watermark: perfect }), rulesFor('kafka-streams'));
  });
});
