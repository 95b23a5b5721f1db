import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { ArrayLog, testScenario, type LogRow } from '../truth/array-log.test-support.js';
import { computeTruth } from '../truth/exact-answer.js';
import { accountEvents } from './event-accounting.js';
import { filtered, ingested, late, ref, win, windowed } from './trace.test-support.js';

const rows: LogRow[] = [0, 1, 2, 3, 4].map((i) => ({ key: 'k1', value: i, eventTime: 1_000 * i }));
const W = win(0, 10_000);
const sliding = { window: { type: 'sliding', sizeMs: 10_000, everyMs: 5_000, offsetMs: 0 } } as const;

function account(trace: TraceEvent[], overrides: Partial<Scenario> = {}, log: LogRow[] = rows) {
  const scenario = testScenario(overrides);
  return accountEvents(scenario, trace, computeTruth(scenario, new ArrayLog(log)));
}
const ing = (i: number) => ingested(ref(i), 'k1', i, 1_000 * i);

describe('accountEvents', () => {
  it('gives each ingested event its outcome, with the watermark a late event met', () => {
    const trace = [
      ing(0),
      windowed(ref(0), 'k1', 0, 0, W),
      ing(1),
      filtered(ref(1)),
      ing(2),
      late(ref(2), 'k1', 2, 2_000, W, 'dropped', 10_500),
      ing(3),
      late(ref(3), 'k1', 3, 3_000, W, 'side-output', 10_600),
      ing(4),
    ];
    const report = account(trace);
    assert.deepEqual(
      report.events.map((e) => [e.ref.offset, e.outcome, e.watermark]),
      [
        [0, 'windowed', undefined],
        [1, 'filtered', undefined],
        [2, 'late-dropped', 10_500],
        [3, 'side-output', 10_600],
        [4, 'unaccounted', undefined],
      ],
    );
    assert.deepEqual(report.totals, { events: 5, windowed: 1, filtered: 1, lateDropped: 1, sideOutput: 1, mixed: 0, lost: 0, unaccounted: 1, neverIngested: 0 });
  });

  it('calls an event read but never processed lost when the job failed (at-most-once does not replay it)', () => {
    const trace: TraceEvent[] = [ing(0), windowed(ref(0), 'k1', 0, 0, W), ing(1), { type: 'job-failed', at: 1_500, reason: 'crash' }];
    const report = account(trace);
    assert.deepEqual(report.events.map((e) => e.outcome), ['windowed', 'lost']);
    assert.equal(report.totals.lost, 1);
    assert.equal(report.totals.unaccounted, 0);
  });

  it('needs an entry for every window an event belongs to', () => {
    // 1 000 is in [-5 000, 5 000) and [0, 10 000).
    const both = [ing(1), windowed(ref(1), 'k1', 1, 1_000, win(-5_000, 5_000)), windowed(ref(1), 'k1', 1, 1_000, W)];
    assert.equal(account(both, sliding).events[0]?.outcome, 'windowed');
    const one = [ing(1), windowed(ref(1), 'k1', 1, 1_000, W)];
    const [event] = account(one, sliding).events;
    assert.equal(event?.outcome, 'unaccounted');
    assert.deepEqual(event?.unaccountedWindows, [win(-5_000, 5_000)]);
  });

  it('calls an event accepted by one window and too late for another mixed', () => {
    const trace = [ing(1), late(ref(1), 'k1', 1, 1_000, win(-5_000, 5_000)), windowed(ref(1), 'k1', 1, 1_000, W)];
    const report = account(trace, sliding);
    assert.equal(report.events[0]?.outcome, 'mixed');
    assert.equal(report.totals.mixed, 1);
  });

  it('needs one entry for a session event: it enters the one session of its time', () => {
    const trace = [ing(1), windowed(ref(1), 'k1', 1, 1_000, win(1_000, 1_010))];
    assert.equal(account(trace, { window: { type: 'session', gapMs: 10 } }).events[0]?.outcome, 'windowed');
  });

  it('reports the log events the source never read', () => {
    const report = account([ing(0), windowed(ref(0), 'k1', 0, 0, W)]);
    assert.deepEqual(
      report.neverIngested.map((e) => e.ref.offset),
      [1, 2, 3, 4],
    );
    assert.equal(report.totals.neverIngested, 4);
    assert.equal(report.totals.events, 1);
  });

  it('counts a replayed event once', () => {
    const trace = [ing(0), ing(0), windowed(ref(0), 'k1', 0, 0, W), windowed(ref(0), 'k1', 0, 0, W)];
    const report = account(trace, {}, rows.slice(0, 1));
    assert.deepEqual(report.events.map((e) => e.outcome), ['windowed']);
  });
});
