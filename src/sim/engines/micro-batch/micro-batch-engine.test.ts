import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FaultSpec, FaultToleranceSpec, Scenario } from '../../scenario/types.js';
import { COST_DEFAULTS } from '../../scenario/defaults.js';
import type { TraceEvent } from '../../trace/events.js';
import { testScenario } from '../../truth/array-log.test-support.js';
import { simulate } from '../../report/simulate.js';
import { runMicroBatch } from './micro-batch-engine.js';

interface Row {
  readonly key: string;
  readonly value: number;
  readonly eventTime: number;
  readonly arrivalTime: number;
  readonly partition?: number;
}

/** Spark rules on the micro-batch engine, tumbling 5 s sums, bounded delay 0, trigger 1 s. */
function scenario(rows: readonly Row[], patch: Partial<Scenario> = {}, triggerIntervalMs = 1000): Scenario {
  const partitions = rows.reduce((n, r) => Math.max(n, (r.partition ?? 0) + 1), 1);
  return testScenario({
    semantics: 'spark',
    input: { kind: 'events', file: 'test', events: rows.map((r) => ({ ...r, partition: r.partition ?? 0 })), partitions, disorder: { type: 'none' } },
    window: { type: 'tumbling', sizeMs: 5000, offsetMs: 0 },
    watermark: { type: 'bounded-out-of-orderness', maxDelayMs: 0, intervalMs: 200 },
    engine: { type: 'micro-batch', triggerIntervalMs, noDataBatches: true },
    ...patch,
  });
}

const of = <T extends TraceEvent['type']>(trace: readonly TraceEvent[], type: T) => trace.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

test('batches start at trigger times and read everything appended by then; the offset log entry comes first', () => {
  const run = runMicroBatch(scenario([
    { key: 'a', value: 1, eventTime: 100, arrivalTime: 100 },
    { key: 'a', value: 2, eventTime: 1200, arrivalTime: 1200 },
    { key: 'a', value: 3, eventTime: 1700, arrivalTime: 1700 },
  ]));
  const planned = of(run.trace, 'batch-planned');
  // The first batch runs when the query starts (at the first data); later ones at multiples of 1 s.
  // At 1000 there is no new data, but the watermark moved (to 100): a no-data batch applies it.
  assert.deepEqual(planned.map((b) => [b.at, b.batch, b.noData]).slice(0, 3), [[100, 0, false], [1000, 1, true], [2000, 2, false]]);
  assert.deepEqual(planned[2]?.offsets, [{ partition: 0, from: 1, to: 3 }]);
  const firstCommit = run.trace.findIndex((e) => e.type === 'batch-committed');
  assert.ok(run.trace.findIndex((e) => e.type === 'batch-planned') < firstCommit);
  assert.ok(run.trace.findIndex((e) => e.type === 'event-ingested') < firstCommit);
});

test('the watermark computed at the end of batch N is applied in batch N + 1 (late data and eviction)', () => {
  const run = runMicroBatch(scenario([
    { key: 'a', value: 1, eventTime: 1000, arrivalTime: 1000 },
    // Batch at 2000 sees event time 6000: the watermark becomes 6000 at its end.
    { key: 'a', value: 2, eventTime: 6000, arrivalTime: 1500 },
    // In the same batch as 6000, so not yet late: the batch still applies the old watermark.
    { key: 'a', value: 4, eventTime: 2000, arrivalTime: 1800 },
    // The next batch applies 6000: window [0, 5 s) has ended (6000 > 5000), so this is late.
    { key: 'a', value: 8, eventTime: 3000, arrivalTime: 2500 },
  ]));
  const windowed = of(run.trace, 'event-windowed').map((e) => e.value);
  assert.deepEqual(windowed, [1, 2, 4]);
  const late = of(run.trace, 'event-late');
  assert.equal(late.length, 1);
  assert.equal(late[0]?.watermark, 6000);
  assert.equal(late[0]?.at, 3000);
  // Append mode: [0, 5 s) is written once, by the batch that applies watermark 6000 (> its end).
  assert.deepEqual(run.panes.map((p) => [p.window.start, p.value, p.emittedAt, p.timing]), [[0, 5, 3000, 'ON_TIME']]);
  // Spark does not flush at the end of the input: [5 s, 10 s) never fires.
  assert.equal(run.openWindows, 1);
});

test('no data, no batch; no-data batches move the watermark, and without them the window waits', () => {
  const rows = [
    { key: 'a', value: 1, eventTime: 1000, arrivalTime: 1000 },
    { key: 'a', value: 2, eventTime: 7000, arrivalTime: 7000 },
  ];
  const on = runMicroBatch(scenario(rows));
  const planned = of(on.trace, 'batch-planned');
  assert.deepEqual(planned.map((b) => [b.at, b.noData]), [[1000, false], [2000, true], [7000, false], [8000, true]]);
  assert.deepEqual(on.panes.map((p) => p.emittedAt), [8000]);
  const off = runMicroBatch(scenario(rows, {}, 1000), { seed: 1 });
  assert.equal(off.panes.length, 1);
  const noNoData = runMicroBatch(scenario(rows, { engine: { type: 'micro-batch', triggerIntervalMs: 1000, noDataBatches: false } }));
  assert.deepEqual(of(noNoData.trace, 'batch-planned').map((b) => b.at), [1000, 7000]);
  assert.equal(noNoData.panes.length, 0);
});

test('a batch that overruns the interval is followed at once; output is visible at the commit', () => {
  const cost = { ...COST_DEFAULTS, batchOverheadMs: 1500, sourceRecordUs: 0, operatorRecordUs: 0, serializationUs: 0, windowRecordUs: 0, stateAccessUs: 0, sinkRecordUs: 0 };
  const run = runMicroBatch(scenario([
    { key: 'a', value: 1, eventTime: 0, arrivalTime: 0 },
    { key: 'a', value: 2, eventTime: 500, arrivalTime: 500 },
  ], { cost, outputMode: 'update' }));
  const planned = of(run.trace, 'batch-planned').map((b) => b.at);
  const committed = of(run.trace, 'batch-committed').map((b) => [b.at, b.durationMs]);
  assert.deepEqual(planned.slice(0, 2), [0, 1500]);
  assert.deepEqual(committed.slice(0, 2), [[1500, 1500], [3000, 1500]]);
  assert.deepEqual(run.panes.map((p) => [p.value, p.emittedAt]), [[1, 1500], [3, 3000]]);
  assert.deepEqual(run.tasks.map((t) => t.name), ['source-0', 'window-0']);
});

test('update mode writes each changed window once per batch; complete mode the whole table', () => {
  const rows = [
    { key: 'a', value: 1, eventTime: 100, arrivalTime: 100 },
    { key: 'a', value: 2, eventTime: 200, arrivalTime: 200 },
    { key: 'b', value: 5, eventTime: 300, arrivalTime: 1100 },
    { key: 'a', value: 4, eventTime: 400, arrivalTime: 2100 },
  ];
  const update = runMicroBatch(scenario(rows, { outputMode: 'update' }, 1000));
  const rowsOf = (r: typeof update) => r.panes.map((p) => `${p.emittedAt} ${p.key}=${p.value}`);
  // Batch at 100 reads a=1; at 1000 a=2; at 2000 b=5; at 3000 a=4.
  assert.deepEqual(rowsOf(update), ['100 a=1', '1000 a=3', '2000 b=5', '3000 a=7']);
  const complete = runMicroBatch(scenario(rows, { outputMode: 'complete' }, 1000));
  assert.deepEqual(rowsOf(complete), ['100 a=1', '1000 a=3', '2000 a=3', '2000 b=5', '3000 a=7', '3000 b=5']);
  // Complete mode keeps all state: nothing is evicted or dropped.
  assert.equal(of(complete.trace, 'window-cleared').length, 0);
});

const failing = (faults: FaultSpec[], guarantee: FaultToleranceSpec['delivery']['guarantee'], sink: FaultToleranceSpec['delivery']['sink']): Partial<Scenario> => ({
  outputMode: 'update',
  faultTolerance: { delivery: { guarantee, sink, readers: [] }, faults, savepointsAtMs: [] },
});

const FAILURE_ROWS: Row[] = Array.from({ length: 12 }, (_, i) => ({ key: `k${i % 3}`, value: i + 1, eventTime: i * 500, arrivalTime: i * 500 }));

test('a failure mid-batch: the restart reruns the batch from its offset log entry with the same offsets and watermark', () => {
  // The stateful task crashes on its 5th record, in the middle of a batch.
  const fault: FaultSpec = { type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: { kind: 'after-records', records: 5 }, restartDelayMs: 700 };
  const checked = simulate(scenario(FAILURE_ROWS, failing([fault], 'exactly-once', 'idempotent')));
  const trace = checked.run.trace;
  const failedAt = trace.findIndex((e) => e.type === 'job-failed');
  const failedBatch = of(trace.slice(0, failedAt), 'batch-planned').at(-1);
  const rerun = of(trace.slice(failedAt), 'batch-planned')[0];
  assert.ok(failedBatch && rerun);
  assert.equal(rerun.rerun, true);
  assert.equal(rerun.batch, failedBatch.batch);
  assert.deepEqual(rerun.offsets, failedBatch.offsets);
  assert.equal(rerun.watermark, failedBatch.watermark);
  const restarted = of(trace, 'job-restarted')[0];
  assert.equal(restarted?.fromCheckpoint, failedBatch.batch - 1);
  assert.equal(checked.run.restarts, 1);
  // Exactly-once: what the reader sees equals the failure-free run.
  const ledger = checked.ledger[0];
  assert.ok(ledger);
  assert.equal(ledger.exact, ledger.results);
  assert.equal(checked.check.summary.finalCorrect, checked.check.summary.truthWindows);
});

test('the commit log write fails after the output was written: idempotent sink dedupes, plain sink duplicates, at-most-once loses', () => {
  const fault: FaultSpec = { type: 'sink-commit-failure', checkpoint: 3, restartDelayMs: 500 };
  const idempotent = simulate(scenario(FAILURE_ROWS, failing([fault], 'exactly-once', 'idempotent')));
  assert.equal(idempotent.run.failures, 1);
  assert.equal(idempotent.ledger[0]?.duplicated, 0);
  assert.equal(idempotent.ledger[0]?.missing, 0);
  const plain = simulate(scenario(FAILURE_ROWS, failing([fault], 'at-least-once', 'plain')));
  assert.ok((plain.ledger[0]?.duplicated ?? 0) > 0);
  assert.equal(plain.ledger[0]?.missing, 0);
  const crash: FaultSpec = { type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: { kind: 'after-records', records: 5 }, restartDelayMs: 700 };
  const atMostOnce = simulate(scenario(FAILURE_ROWS, failing([crash], 'at-most-once', 'plain')));
  const planned = of(atMostOnce.run.trace, 'batch-planned');
  assert.ok(planned.every((b) => !b.rerun), 'at-most-once never runs a batch again');
  assert.ok((atMostOnce.ledger[0]?.missing ?? 0) + (atMostOnce.ledger[0]?.wrong ?? 0) > 0);
  assert.equal(atMostOnce.ledger[0]?.duplicated, 0);
});

test('the same seed gives the same run', () => {
  const s = scenario(FAILURE_ROWS, { outputMode: 'update', cost: COST_DEFAULTS });
  assert.equal(JSON.stringify(runMicroBatch(s).trace), JSON.stringify(runMicroBatch(s).trace));
});

test('a transactional sink commits each batch at its commit; a failed batch\'s writes are aborted', () => {
  const fault: FaultSpec = { type: 'sink-commit-failure', checkpoint: 3, restartDelayMs: 500 };
  const checked = simulate(scenario(FAILURE_ROWS, failing([fault], 'exactly-once', 'transactional')));
  assert.equal(checked.run.failures, 1);
  assert.ok(of(checked.run.trace, 'transaction-aborted').length > 0, 'the failed batch\'s transaction is aborted');
  const committed = of(checked.run.trace, 'transaction-committed');
  assert.ok(committed.length > 0);
  const ledger = checked.ledger[0];
  assert.equal(ledger?.view, 'read-committed');
  assert.deepEqual(ledger?.offending, []);
});
