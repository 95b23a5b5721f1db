import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_YAML, LATE_YAML, SCORES_YAML, timelineOf } from '../test-support.js';
import { eventCountsAt, latencyAt, ledgerAt, metricsModel, rateText, ratesAt } from './metrics-model.js';
import { percentilesOf } from './order-stats.js';
import { sparkline } from './sparkline.js';
import { lineText } from './text.js';

test('the ledger, the event counts and the latencies of the late-data run', () => {
  const tl = timelineOf(LATE_YAML);
  assert.deepEqual(
    metricsModel(tl, tl.steps, { width: 130, height: 3 }).map(lineText).map((l) => l.trimEnd()),
    [
      "Ledger   1 exact · 1 differ · 0 missing of the answer's windows │ panes 1 correct · 2 partial · 0 wrong · 0 duplicated",
      'Events   4 ingested · 2 on time · 1 late allowed · 1 dropped · 0 side output · 0 filtered',
      'Latency  event time p50 40s p90 50s p99 50s max 50s │ processing time p50 30s p90 30s p99 30s max 30s',
    ],
  );
});

test('latency percentiles are exact over the panes so far', () => {
  const tl = timelineOf(GENERATED_YAML);
  for (const cursor of [0, 200, 600, tl.steps]) {
    const panes = tl.panes.filter((p) => p.step < cursor && p.pane.retraction !== true && p.pane.count > 0).map((p) => p.pane);
    const lat = latencyAt(tl, cursor);
    assert.equal(lat.panes, panes.length);
    assert.deepEqual(lat.eventTime, percentilesOf(panes.map((p) => p.emittedAt - p.maxEventTime)));
    assert.deepEqual(lat.processingTime, percentilesOf(panes.map((p) => p.emittedAt - p.maxIngestionTime)));
  }
});

test('pending windows are pending while the run goes on, missing at its end', () => {
  const tl = timelineOf(SCORES_YAML);
  const mid = ledgerAt(tl, 3);
  assert.equal(mid.final, false);
  assert.equal(mid.windows.pending, 2);
  assert.match(lineText(metricsModel(tl, 3, { width: 120, height: 1 })[0] ?? []), /2 pending/);
  assert.match(lineText(metricsModel(tl, tl.steps, { width: 120, height: 1 })[0] ?? []), /0 missing/);
});

test('throughput adds up to the events read; backlog is never negative', () => {
  const tl = timelineOf(GENERATED_YAML);
  for (const cursor of [1, 300, tl.steps]) {
    const r = ratesAt(tl, cursor, 20);
    // Every bucket but the current one spans a whole bucket; the current one its elapsed part.
    const current = r.throughput.filter((v) => v !== undefined).length - 1;
    const now = tl.ats[cursor - 1] as number;
    const elapsed = Math.min(r.bucketMs, Math.max(r.bucketMs / 2, now - (tl.startAt + current * r.bucketMs)));
    const read = r.throughput.reduce<number>((n, v, i) => n + ((v ?? 0) * (i === current ? elapsed : r.bucketMs)) / 1000, 0);
    assert.ok(Math.abs(read - eventCountsAt(tl, cursor).ingested) < 1e-6, `cursor ${cursor}: ${read}`);
    for (const b of r.backlog) assert.ok(b === undefined || b >= 0);
    assert.ok(r.backlogNow >= 0);
  }
  const start = ratesAt(tl, 0, 10);
  assert.deepEqual(start.throughput, Array.from({ length: 10 }, () => undefined), 'nothing before the first step');
});

test('sparklines and rates', () => {
  assert.equal(sparkline([0, 1, 2, 4, 8, undefined], 8), '▁▂▃▅█ ');
  assert.equal(rateText(0.1234), '0.1');
  assert.equal(rateText(12_345.6), '12,346');
  assert.equal(rateText(0), '0');
});
