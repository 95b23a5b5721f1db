import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../trace/events.js';
import { failuresReport, spreadOf } from './fault-report.js';

describe('spreadOf', () => {
  it('gives the nearest-rank median and the maximum', () => {
    assert.deepEqual(spreadOf([30, 10, 20]), { p50: 20, max: 30 });
    assert.deepEqual(spreadOf([10, 20]), { p50: 10, max: 20 });
    assert.deepEqual(spreadOf([5]), { p50: 5, max: 5 });
  });
  it('is null without figures', () => {
    assert.equal(spreadOf([]), null);
  });
});

describe('failuresReport', () => {
  it('lists faults, failures, aborted transactions and restarts in trace order, and nothing else', () => {
    const trace: TraceEvent[] = [
      { type: 'checkpoint-triggered', at: 1_000, id: 1, savepoint: false },
      { type: 'fault', at: 2_000, fault: 'failure', task: 'window-0', detail: 'task window-0 crashed' },
      { type: 'job-failed', at: 2_000, reason: 'task window-0 crashed' },
      { type: 'transaction-aborted', at: 3_000, task: 0, txn: 4 },
      { type: 'job-restarted', at: 3_000, fromCheckpoint: 1, offsets: [], restoredWindows: 2, inFlightRecords: 0 },
    ];
    const r = failuresReport(1, 1, trace);
    assert.deepEqual(
      r.steps.map((s) => [s.at, s.kind]),
      [
        [2_000, 'fault'],
        [2_000, 'job-failed'],
        [3_000, 'transaction-aborted'],
        [3_000, 'job-restarted'],
      ],
    );
    assert.equal(r.failures, 1);
  });
});
