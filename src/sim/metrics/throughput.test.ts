import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../trace/events.js';
import type { Pane } from '../model/pane.js';
import { gridOver } from './series.js';
import { throughput } from './throughput.js';

const ingest = (at: number, offset: number): TraceEvent => ({
  type: 'event-ingested',
  at,
  task: 0,
  ref: { partition: 0, offset },
  key: 'k',
  value: 1,
  eventTime: at,
  appendTime: at,
});
const pane = (at: number): TraceEvent => ({ type: 'pane-fired', at, task: 0, pane: {} as Pane, watermark: 0 });

test('counts reads and results per bucket, per second', () => {
  const trace = [ingest(0, 0), ingest(100, 1), ingest(600, 2), pane(700), ingest(999, 3)];
  const t = throughput(trace, gridOver(0, 999, 2));
  assert.deepEqual(t.ingestedPerSec.values, [4, 4]);
  assert.deepEqual(t.resultsPerSec.values, [0, 2]);
  assert.equal(t.ingested, 4);
  assert.equal(t.results, 1);
  // Three gaps between four reads over 999 ms.
  assert.equal(Math.round(t.meanIngestedPerSec * 1000) / 1000, 3.003);
});

test('the rate series add up to the counts', () => {
  const trace = Array.from({ length: 500 }, (_, i) => ingest(i * 7, i));
  const g = gridOver(0, 3500, 30);
  const t = throughput(trace, g);
  const total = t.ingestedPerSec.values.reduce((n, r) => n + (r * g.stepMs) / 1000, 0);
  assert.equal(Math.round(total), 500);
});
