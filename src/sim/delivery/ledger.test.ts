import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane } from '../model/pane.js';
import { ArrayTrace } from '../trace/events.js';
import { computeLedger } from './ledger.js';
import { SinkSystem } from './sink-system.js';
import type { SinkKind } from '../scenario/types.js';

const pane = (key: string, value: number, index = 0): Pane => ({
  key,
  window: { start: 0, end: 10_000 },
  value,
  timing: 'ON_TIME',
  index,
  isLast: true,
  emittedAt: 0,
  count: 1,
  maxEventTime: 9_000,
  maxIngestionTime: 9_000,
});

const sinkOf = (kind: SinkKind) => new SinkSystem(kind, new ArrayTrace(), true);

describe('computeLedger', () => {
  it('counts exact, duplicated, missing, wrong and extra results against the failure-free run', () => {
    const baseline = sinkOf('plain');
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3], ['d', 4]] as const) baseline.write(0, pane(k, v), 10_000);
    const run = sinkOf('plain');
    run.write(0, pane('a', 1), 10_000);
    run.write(0, pane('b', 2), 10_000);
    run.write(0, pane('b', 2), 12_000);
    run.write(0, pane('d', 5), 11_000);
    run.write(0, pane('e', 9), 11_000);
    const l = computeLedger(run, baseline);
    assert.deepEqual([l.results, l.exact, l.duplicated, l.missing, l.wrong, l.extra], [4, 1, 1, 1, 1, 1]);
    assert.deepEqual(
      l.offending.map((o) => [o.key, o.verdict, o.seen, o.value, o.expectedValue, o.visibleAt, o.baselineWrittenAt]),
      [
        ['b', 'duplicated', 2, 2, 2, 10_000, 10_000],
        ['c', 'missing', 0, null, 3, null, 10_000],
        ['d', 'wrong', 1, 5, 4, 11_000, 10_000],
        ['e', 'extra', 1, 9, null, 11_000, null],
      ],
    );
    // Delays of a, b, d: 0, 0, 1 s.
    assert.equal(l.visibilityDelay?.max, 1_000);
    assert.equal(l.visibilityDelay?.count, 3);
  });

  it('measures how long a read-committed reader waits for the commit after the failure-free write', () => {
    const baseline = sinkOf('plain');
    baseline.write(0, pane('a', 1), 10_000);
    const run = sinkOf('transactional');
    run.beginAfter(0, 0);
    run.write(0, pane('a', 1), 10_000);
    run.preCommit(0, 1);
    run.commit(1, 15_000);
    const committed = computeLedger(run, baseline, 'read-committed');
    assert.equal(committed.exact, 1);
    assert.equal(committed.visibilityDelay?.max, 5_000);
    assert.equal(computeLedger(run, baseline, 'read-uncommitted').visibilityDelay?.max, 0);
  });
});

describe('SinkSystem transactions', () => {
  it('commits the replay written after a restore of the same checkpoint as an aborted transaction', () => {
    const sink = sinkOf('transactional');
    sink.beginAfter(0, 0);
    sink.write(0, pane('a', 1), 1_000);
    sink.preCommit(0, 1);
    sink.commit(1, 2_000);
    sink.write(0, pane('b', 2), 3_000); // after checkpoint 1, lost in the failure
    sink.abortUncommitted(1, 4_000);
    sink.beginAfter(0, 1); // the restart restores checkpoint 1
    sink.write(0, pane('b', 2), 5_000); // the replay
    sink.preCommit(0, 2);
    sink.commit(2, 6_000);
    assert.deepEqual(
      sink.visible('read-committed').map((r) => [r.pane.key, r.visibleAt]),
      [['a', 2_000], ['b', 6_000]],
    );
    assert.deepEqual(sink.visible('read-uncommitted').map((r) => r.pane.key), ['a', 'b', 'b']);
  });
});
