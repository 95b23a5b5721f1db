import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyRecorder, paneLatencies } from './latency.js';
import type { Pane } from '../model/pane.js';

test('percentiles are ordered and bounded by the maximum', () => {
  const r = new LatencyRecorder();
  for (let i = 0; i <= 1000; i++) r.record(i * 37);
  const s = r.summary();
  assert.ok(s);
  assert.ok(s.p50 <= s.p90 && s.p90 <= s.p99 && s.p99 <= s.max, JSON.stringify(s));
  assert.equal(s.max, 37000);
  assert.equal(s.count, 1001);
  // HDR with 3 significant digits: within 0.1% of the exact median (18500).
  assert.ok(Math.abs(s.p50 - 18500) <= 19, `p50 ${s.p50}`);
});

test('an empty recorder has no summary', () => {
  assert.equal(new LatencyRecorder().summary(), undefined);
});

test('pane latency is output time minus the latest event and ingestion time; retractions do not count', () => {
  const pane = (emittedAt: number, maxEventTime: number, maxIngestionTime: number, retraction = false): Pane => ({
    key: 'k', window: { start: 0, end: 10 }, value: 1, timing: 'ON_TIME', index: 0, isLast: true, emittedAt, count: 1,
    maxEventTime, maxIngestionTime, ...(retraction ? { retraction: true as const } : {}),
  });
  const l = paneLatencies([pane(100, 40, 90), pane(500, 400, 450, true)]);
  assert.equal(l.eventTime?.max, 60);
  assert.equal(l.processingTime?.max, 10);
  assert.equal(l.eventTime?.count, 1);
});
