import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { ArrayLog, testScenario, type LogRow } from '../truth/array-log.test-support.js';
import { computeTruth, type Truth } from '../truth/exact-answer.js';
import { checkRun } from './check-run.js';
import { fired, ingested, late, ref, watermark, win, windowed } from './trace.test-support.js';

const W = win(0, 10_000);
const rows: LogRow[] = [
  { key: 'k1', value: 4, eventTime: 1_000 },
  { key: 'k1', value: 6, eventTime: 2_000 },
  { key: 'k2', value: 5, eventTime: 3_000 },
];
const clean: TraceEvent[] = [
  ingested(ref(0), 'k1', 4, 1_000),
  windowed(ref(0), 'k1', 4, 1_000, W),
  ingested(ref(1), 'k1', 6, 2_000),
  windowed(ref(1), 'k1', 6, 2_000, W),
  ingested(ref(2), 'k2', 5, 3_000),
  watermark(9_999),
  late(ref(2), 'k2', 5, 3_000, W),
  fired('k1', W, 10, { count: 2 }),
];

function check(trace: TraceEvent[], overrides: Partial<Scenario> = {}) {
  const scenario = testScenario(overrides);
  return checkRun(scenario, trace, computeTruth(scenario, new ArrayLog(rows)));
}

describe('checkRun', () => {
  it('summarises a run whose late data was dropped: ok, with one window missing', () => {
    const result = check(clean);
    assert.equal(result.ok, true);
    assert.deepEqual(result.summary, {
      panes: 1,
      correct: 1,
      partial: 0,
      wrong: 0,
      duplicated: 0,
      retractions: 0,
      aborted: 0,
      truthWindows: 2,
      finalCorrect: 1,
      missing: 1,
      incomplete: 0,
      closedBeforeSavepoint: 0,
      events: 3,
      windowed: 2,
      filtered: 0,
      lateDropped: 1,
      sideOutput: 0,
      unaccounted: 0,
    });
    assert.deepEqual(result.missing.map((m) => [m.key, m.reason]), [['k2', 'all-late']]);
  });

  it('fails on a wrong pane', () => {
    assert.equal(check([...clean, fired('k1', W, 11, { index: 1, count: 2 })]).ok, false);
  });

  it('fails on a duplicated pane', () => {
    const result = check([...clean, fired('k1', W, 10, { count: 2 })]);
    assert.deepEqual([result.ok, result.summary.duplicated], [false, 1]);
  });

  it('fails on an unaccounted event', () => {
    const result = check([...clean, ingested(ref(0, 0), 'k1', 4, 1_000), ingested({ partition: 0, offset: 9 }, 'k9', 1, 0)]);
    assert.deepEqual([result.ok, result.summary.unaccounted, result.summary.events], [false, 1, 4]);
  });

  it('fails on a watermark regression', () => {
    const result = check([...clean, watermark(5_000)]);
    assert.deepEqual([result.ok, result.watermarkViolations.length], [false, 1]);
  });
});

/** A large synthetic run: the engine's trace written as a perfect engine would, from the truth itself. */
function perfectTrace(truth: Truth, scenario: Scenario): TraceEvent[] {
  const trace: TraceEvent[] = [];
  const byRef = new Map(truth.events.map((e) => [`${e.ref.partition}:${e.ref.offset}`, e]));
  for (const tw of truth.windows) {
    for (const r of tw.events) {
      const e = byRef.get(`${r.partition}:${r.offset}`);
      if (e === undefined) throw new Error('perfectTrace: unknown event');
      // Sessions: the engine names the lone-element session; the checker must look by timestamp.
      const window = scenario.window.type === 'session' ? win(e.timestamp, e.timestamp + 1) : tw.window;
      trace.push(windowed(r, e.key, e.value, e.timestamp, window));
    }
    trace.push(fired(tw.key, tw.window, tw.value, { count: tw.count }));
  }
  for (const e of truth.events) trace.push(ingested(e.ref, e.key, e.rawValue, e.eventTime));
  return trace;
}

describe('checkRun at scale', () => {
  const rowsAtScale: LogRow[] = [];
  // 100 000 events over 100 keys and 4 partitions, out of order by up to 3 s.
  for (let i = 0; i < 100_000; i++) {
    rowsAtScale.push({ key: `k${(i * 7) % 100}`, value: i % 13, eventTime: i * 10 + ((i * 7919) % 3_000), partition: i % 4 });
  }
  const log = new ArrayLog(rowsAtScale, 4);

  for (const window of [{ type: 'sliding', sizeMs: 10_000, everyMs: 5_000, offsetMs: 0 }, { type: 'session', gapMs: 40 }] as const) {
    it(`classifies every pane of a perfect ${window.type} run of 100 000 events correct`, () => {
      const scenario = testScenario({ window, aggregate: 'avg' });
      const truth = computeTruth(scenario, log);
      const result = checkRun(scenario, perfectTrace(truth, scenario), truth);
      assert.equal(result.summary.panes, truth.windows.length);
      assert.equal(result.summary.correct, truth.windows.length);
      assert.equal(result.summary.finalCorrect, truth.windows.length);
      assert.equal(result.summary.events, 100_000);
      assert.equal(result.ok, true);
    });
  }
});
