import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { ArrayLog, testScenario, type LogRow } from '../truth/array-log.test-support.js';
import { computeTruth } from '../truth/exact-answer.js';
import { classifyPanes, classifyTrace } from './pane-classification.js';
import { cleared, fired, late, merged, ref, restarted, snapshot, win, windowed } from './trace.test-support.js';

const W = win(0, 10_000);
/** k1 in [0, 10 s): values 1, 2, 3 (sum 6). */
const rows: LogRow[] = [
  { key: 'k1', value: 1, eventTime: 1_000 },
  { key: 'k1', value: 2, eventTime: 2_000 },
  { key: 'k1', value: 3, eventTime: 3_000 },
];
const e0 = windowed(ref(0), 'k1', 1, 1_000, W);
const e1 = windowed(ref(1), 'k1', 2, 2_000, W);
const e2 = windowed(ref(2), 'k1', 3, 3_000, W);
const e = [e0, e1, e2];

function classify(trace: TraceEvent[], overrides: Partial<Scenario> = {}, log: LogRow[] = rows) {
  const scenario = testScenario(overrides);
  return classifyPanes(scenario, trace, computeTruth(scenario, new ArrayLog(log)));
}
const verdicts = (list: ReturnType<typeof classify>) => list.map((v) => v.verdict);

describe('classifyPanes', () => {
  it('finds a pane that equals the truth correct', () => {
    const [v] = classify([...e, fired('k1', W, 6, { count: 3 })]);
    assert.deepEqual(v && [v.verdict, v.consumerValue, v.truthValue, v.seenValue, v.traceIndex], ['correct', 6, 6, 6, 3]);
  });

  it('finds an early pane partial: right for what the engine had seen', () => {
    const trace = [e0, fired('k1', W, 1, { timing: 'EARLY' }), e1, e2, fired('k1', W, 6, { index: 1 })];
    const list = classify(trace);
    assert.deepEqual(verdicts(list), ['partial', 'correct']);
    assert.deepEqual(list.map((v) => v.seenValue), [1, 6]);
  });

  it('finds a pane partial when data was dropped as late', () => {
    const trace = [e0, e1, fired('k1', W, 3, { count: 2 }), late(ref(2), 'k1', 3, 3_000, W)];
    const list = classify(trace);
    assert.deepEqual(verdicts(list), ['partial']);
    assert.deepEqual([list[0]?.truthValue, list[0]?.seenValue], [6, 3]);
  });

  it('finds a pane wrong when it matches neither the truth nor what was seen', () => {
    const trace = [e0, e1, fired('k1', W, 4, { count: 2 })];
    assert.deepEqual(verdicts(classify(trace)), ['wrong']);
  });

  it('finds a pane for a window the truth does not have wrong, unless it matches what was seen', () => {
    const other = win(20_000, 30_000);
    const list = classify([fired('k1', other, 7), windowed(ref(0), 'k1', 1, 25_000, other), fired('k1', other, 1, { index: 1 })]);
    assert.deepEqual(verdicts(list), ['wrong', 'partial']);
    assert.equal(list[0]?.truthValue, null);
  });

  it('finds a repeated pane duplicated', () => {
    const p = fired('k1', W, 6, { count: 3 });
    assert.deepEqual(verdicts(classify([...e, p, p])), ['correct', 'duplicated']);
  });

  it('classifies retractions apart and keeps the value the reader held', () => {
    const trace = [
      e0,
      fired('k1', W, 1, { timing: 'EARLY' }),
      e1,
      e2,
      fired('k1', W, 1, { index: 1, retraction: true }),
      fired('k1', W, 6, { index: 1, count: 3 }),
    ];
    const list = classify(trace, { accumulation: 'accumulating-retracting' });
    assert.deepEqual(verdicts(list), ['partial', 'retraction', 'correct']);
    assert.deepEqual(list.map((v) => v.consumerValue), [1, 1, 6]);
  });

  it('adds discarding panes up: each holds only what arrived since the last', () => {
    const trace = [e0, fired('k1', W, 1), e1, e2, fired('k1', W, 5, { index: 1, count: 2 })];
    const list = classify(trace, { accumulation: 'discarding' });
    assert.deepEqual(verdicts(list), ['partial', 'correct']);
    assert.deepEqual(list.map((v) => v.consumerValue), [1, 6]);
  });

  it('rebuilds a discarding average from value × count, and keeps the min of discarding panes', () => {
    const trace = [e0, e1, fired('k1', W, 1.5, { count: 2 }), e2, fired('k1', W, 3, { index: 1 })];
    const clean = trace;
    const avg = classify(clean, { accumulation: 'discarding', aggregate: 'avg' });
    assert.deepEqual(verdicts(avg), ['partial', 'correct']);
    assert.deepEqual(avg.map((v) => v.consumerValue), [1.5, 2]);
    const min = classify(
      [e0, e1, fired('k1', W, 1, { count: 2 }), e2, fired('k1', W, 3, { index: 1 })],
      { accumulation: 'discarding', aggregate: 'min' },
    );
    assert.deepEqual(verdicts(min), ['correct', 'correct']);
  });

  it('lets a duplicated discarding pane reach the reader twice', () => {
    const p = fired('k1', W, 6, { count: 3 });
    const list = classify([...e, p, p], { accumulation: 'discarding' });
    assert.deepEqual(list.map((v) => [v.verdict, v.consumerValue]), [
      ['correct', 6],
      ['duplicated', 12],
    ]);
  });

  it('checks count, max and avg against the truth in accumulating mode', () => {
    for (const [aggregate, value] of [['count', 3], ['max', 3], ['avg', 2]] as const) {
      assert.deepEqual(verdicts(classify([...e, fired('k1', W, value, { count: 3 })], { aggregate })), ['correct'], aggregate);
    }
  });

  it('counts a replayed windowed entry once in what the engine had seen', () => {
    const trace = [e0, e0, e1, fired('k1', W, 3, { count: 2 })];
    assert.deepEqual(verdicts(classify(trace)), ['partial']);
  });
});

describe('classifyPanes: session windows', () => {
  // Flink, gap 10: events at 0, 18 and then 9, which bridges [0, 10) and [18, 28) into one session [0, 28).
  const sessionRows: LogRow[] = [0, 18, 9].map((eventTime) => ({ key: 'u1', value: 1, eventTime }));
  const scenario = { window: { type: 'session', gapMs: 10 }, aggregate: 'count' } as const;
  const a = windowed(ref(0), 'u1', 1, 0, win(0, 10));
  const b = windowed(ref(1), 'u1', 1, 18, win(18, 28));
  // The operator merges first, then adds the element to the merged session, which its entry names.
  const bridge = merged('u1', [win(0, 10), win(18, 28)], win(0, 28));
  const c = windowed(ref(2), 'u1', 1, 9, win(0, 28));

  it('sees what each session holds, merged sessions pooling their events', () => {
    const list = classify([a, fired('u1', win(0, 10), 1, { timing: 'EARLY' }), b, bridge, c, fired('u1', win(0, 28), 3, { count: 3 })], scenario, sessionRows);
    assert.deepEqual(verdicts(list), ['partial', 'correct']);
    assert.deepEqual(list.map((v) => [v.truthValue, v.seenValue]), [
      [null, 1],
      [3, 3],
    ]);
  });

  it('carries discarding panes of merged sessions over to the merged session', () => {
    const trace = [a, fired('u1', win(0, 10), 1), b, fired('u1', win(18, 28), 1), bridge, c, fired('u1', win(0, 28), 1, { count: 1 })];
    const list = classify(trace, { ...scenario, accumulation: 'discarding' }, sessionRows);
    assert.deepEqual(list.map((v) => [v.verdict, v.consumerValue]), [
      ['partial', 1],
      ['partial', 1],
      ['correct', 3],
    ]);
  });

  it('finds a session pane that counts an event outside its window wrong', () => {
    const list = classify([a, b, fired('u1', win(0, 10), 2)], scenario, sessionRows);
    assert.deepEqual(verdicts(list), ['wrong']);
  });

  it('does not count the events of a cleared session in a new session over the same range', () => {
    // Flink, gap 1 s: k0 at 0 fires and is cleared; k0 at 1 opens [1, 1001), not late; k0 at 0
    // again merges it into [0, 1001), which holds 2 events, not the 3 of the key in that range.
    const rows3: LogRow[] = [0, 1, 0].map((eventTime) => ({ key: 'k0', value: 1, eventTime }));
    const gap = { window: { type: 'session', gapMs: 1000 }, aggregate: 'count' } as const;
    const trace = [
      windowed(ref(0), 'k0', 1, 0, win(0, 1000)),
      fired('k0', win(0, 1000), 1),
      cleared('k0', win(0, 1000)),
      windowed(ref(1), 'k0', 1, 1, win(1, 1001)),
      merged('k0', [win(1, 1001)], win(0, 1001)),
      windowed(ref(2), 'k0', 1, 0, win(0, 1001)),
      fired('k0', win(0, 1001), 2, { count: 2 }),
    ];
    const list = classify(trace, gap, rows3);
    assert.deepEqual(list.map((v) => [v.verdict, v.truthValue, v.seenValue]), [
      ['partial', null, 1],
      ['partial', 3, 2],
    ]);
    assert.deepEqual(verdicts(classify([...trace.slice(0, -1), fired('k0', win(0, 1001), 3, { count: 3 })], gap, rows3)), ['partial', 'correct']);
    assert.deepEqual(verdicts(classify([...trace.slice(0, -1), fired('k0', win(0, 1001), 1)], gap, rows3)), ['partial', 'wrong']);
  });

  it('restores the sessions of the checkpoint a restart resumes from', () => {
    const afterRestart = [
      a,
      snapshot(1, 0),
      b,
      restarted(1),
      // b is replayed into the restored state, which holds only a.
      windowed(ref(1), 'u1', 1, 18, win(18, 28)),
      fired('u1', win(18, 28), 1),
      fired('u1', win(0, 10), 1),
    ];
    assert.deepEqual(verdicts(classify(afterRestart, scenario, sessionRows)), ['partial', 'partial']);
    const fresh = [a, b, restarted(null), fired('u1', win(0, 10), 1)];
    assert.deepEqual(classify(fresh, scenario, sessionRows).map((v) => [v.verdict, v.seenValue]), [['wrong', 0]]);
  });
});

describe('classifyTrace with an upsert reader', () => {
  it('does not add a pane written twice into a discarding result', () => {
    const scenario = testScenario({ accumulation: 'discarding' });
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'k1', value: 3, eventTime: 1_000 }]));
    const trace = [windowed(ref(0), 'k1', 3, 1_000, W), fired('k1', W, 3), fired('k1', W, 3)];
    const plain = classifyTrace(scenario, trace, truth).verdicts.map((v) => [v.verdict, v.consumerValue]);
    assert.deepEqual(plain, [['correct', 3], ['duplicated', 6]]);
    const upsert = classifyTrace(scenario, trace, truth, undefined, { upsert: true });
    assert.deepEqual(upsert.verdicts.map((v) => [v.verdict, v.consumerValue]), [['correct', 3], ['duplicated', 3]]);
    assert.equal(upsert.finalValues.get([...upsert.finalValues.keys()][0] ?? ''), 3);
  });
});
