import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { ArrayLog, testScenario, type LogRow } from '../truth/array-log.test-support.js';
import { computeTruth } from '../truth/exact-answer.js';
import { findMissingResults } from './missing-results.js';
import { classifyTrace } from './pane-classification.js';
import { fired, ingested, late, ref, watermark, win, windowed } from './trace.test-support.js';

const W = win(0, 10_000);
const rows: LogRow[] = [
  { key: 'k1', value: 1, eventTime: 1_000 },
  { key: 'k1', value: 2, eventTime: 2_000 },
];
const in0 = ingested(ref(0), 'k1', 1, 1_000);
const in1 = ingested(ref(1), 'k1', 2, 2_000);
const w0 = windowed(ref(0), 'k1', 1, 1_000, W);
const w1 = windowed(ref(1), 'k1', 2, 2_000, W);

function check(trace: TraceEvent[], overrides: Partial<Scenario> = {}, log: LogRow[] = rows) {
  const scenario = testScenario(overrides);
  const truth = computeTruth(scenario, new ArrayLog(log));
  return findMissingResults(scenario, trace, truth, classifyTrace(scenario, trace, truth));
}
const reasons = (report: ReturnType<typeof check>) => report.missing.map((m) => m.reason);

describe('findMissingResults', () => {
  it('finds nothing missing when the last pane equals the truth', () => {
    const report = check([in0, in1, w0, w1, fired('k1', W, 3, { count: 2 })]);
    assert.deepEqual([report.missing, report.incomplete, report.finalCorrect], [[], [], 1]);
  });

  it('explains a window whose events were never ingested', () => {
    const report = check([]);
    assert.deepEqual(reasons(report), ['never-ingested']);
    assert.deepEqual([report.missing[0]?.key, report.missing[0]?.window, report.missing[0]?.truthValue], ['k1', W, 3]);
  });

  it('explains a window whose every event was dropped as late', () => {
    const report = check([in0, in1, late(ref(0), 'k1', 1, 1_000, W), late(ref(1), 'k1', 2, 2_000, W, 'side-output')]);
    assert.deepEqual(reasons(report), ['all-late']);
    assert.match(report.missing[0]?.detail ?? '', /1 dropped, 1 to the side output/);
  });

  it('explains a window that never fired: its watermark never passed its end', () => {
    const report = check([in0, in1, w0, w1, watermark(5_000), watermark(9_998)]);
    assert.deepEqual(reasons(report), ['never-fired']);
    assert.match(report.missing[0]?.detail ?? '', /never passed its end.*9998.*9999/);
  });

  it('says so when the watermark passed the end and no pane came', () => {
    assert.deepEqual(reasons(check([in0, in1, w0, w1, watermark(9_999)])), ['not-emitted']);
    // Spark finalises a window ending at T only when the watermark is > T.
    assert.deepEqual(reasons(check([in0, in1, w0, w1, watermark(10_000)], { semantics: 'spark' })), ['never-fired']);
  });

  it('explains ingested events that never reached the window', () => {
    assert.deepEqual(reasons(check([in0, in1])), ['not-windowed']);
  });

  it('points at the overlapping sessions emitted instead', () => {
    // Beam, gap 10: 0 and 9 overlap, one session [0, 19); the engine emitted [0, 10) alone.
    const log: LogRow[] = [0, 9].map((eventTime) => ({ key: 'u1', value: 1, eventTime }));
    const trace = [ingested(ref(0), 'u1', 1, 0), windowed(ref(0), 'u1', 1, 0, win(0, 10)), fired('u1', win(0, 10), 1)];
    const report = check(trace, { semantics: 'beam', window: { type: 'session', gapMs: 10 } }, log);
    assert.deepEqual(reasons(report), ['other-windows']);
    assert.match(report.missing[0]?.detail ?? '', /\[0, 10\)/);
  });

  it('lists a window whose last value differs from the truth as incomplete, with both values', () => {
    const trace = [in0, in1, w0, fired('k1', W, 1), late(ref(1), 'k1', 2, 2_000, W)];
    const report = check(trace);
    assert.deepEqual(report.missing, []);
    assert.deepEqual(report.incomplete, [{ key: 'k1', window: W, truthValue: 3, finalValue: 1, lateEvents: 1 }]);
    assert.equal(report.finalCorrect, 0);
  });

  it('takes the last non-retraction value: a later correct pane completes the window', () => {
    const trace = [in0, in1, w0, fired('k1', W, 1, { timing: 'EARLY' }), w1, fired('k1', W, 3, { index: 1, count: 2 })];
    assert.equal(check(trace).finalCorrect, 1);
  });
});
