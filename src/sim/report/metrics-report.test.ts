import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../scenario/parse.js';
import { NO_FILES } from '../scenario/test-support.test.js';
import { simulate } from './simulate.js';
import { batchesOf, metricsReport, REPORT_SERIES_POINTS } from './metrics-report.js';

const scenario = (extra: string, semantics = 'flink') =>
  parseScenario(
    `name: m
semantics: ${semantics}
seed: 9
input:
  generator:
    events: 2000
    rate: 1000
    partitions: 2
    keys: { count: 4 }
    values: { min: 1, max: 5 }
window: { type: tumbling, size: 500ms }
aggregate: count
${extra}
`,
    'm.yaml',
    NO_FILES,
  );

describe('metricsReport', () => {
  it('reports latency percentiles in order, integer times and bounded series', () => {
    const m = metricsReport(simulate(scenario('cost: {}')).run);
    const l = m.latency.eventTime;
    assert.ok(l !== null);
    assert.ok(l.p50 <= l.p90 && l.p90 <= l.p99 && l.p99 <= l.max, JSON.stringify(l));
    for (const n of [l.p50, l.p90, l.p99, l.max, m.backlog.maxAgeMs, m.durationMs, ...m.tasks.map((t) => t.busyMs)]) assert.ok(Number.isInteger(n), `not integer: ${n}`);
    assert.equal(m.throughput.ingested, 2000);
    assert.ok(m.backlog.records.values.length <= REPORT_SERIES_POINTS);
    assert.ok(m.tasks.every((t) => t.busyPercent >= 0 && t.busyPercent <= 100));
    assert.equal(m.batches, undefined);
  });

  it('counts the micro-batch engine’s committed batches and their durations', () => {
    const { run } = simulate(scenario('cost: {}\nengine: { type: micro-batch, trigger: 1s }', 'spark'));
    const m = metricsReport(run);
    const committed = run.trace.filter((e) => e.type === 'batch-committed');
    assert.ok(committed.length > 0);
    assert.equal(m.batches?.count, committed.length);
    assert.equal(m.batches?.records, 2000);
    const d = m.batches?.durationMs;
    assert.ok(d !== null && d !== undefined && d.p50 <= d.max);
  });

  it('finds no batches in a native run', () => {
    assert.equal(batchesOf(simulate(scenario('')).run.trace), undefined);
  });
});
