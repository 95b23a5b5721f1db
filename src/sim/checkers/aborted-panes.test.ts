import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane } from '../model/pane.js';
import type { TraceEvent } from '../trace/events.js';
import { ArrayLog, testScenario } from '../truth/array-log.test-support.js';
import { computeTruth } from '../truth/exact-answer.js';
import { abortedPanes } from './aborted-panes.js';
import { classifyTrace } from './pane-classification.js';
import { fired, ref, win, windowed } from './trace.test-support.js';

const W = win(0, 10_000);
const paneOf = (e: TraceEvent): Pane => {
  assert.equal(e.type, 'pane-fired');
  return (e as Extract<TraceEvent, { type: 'pane-fired' }>).pane;
};

describe('abortedPanes', () => {
  it('finds the panes written into an aborted transaction of the same task, and no others', () => {
    const a = paneOf(fired('k1', W, 3));
    const b = paneOf(fired('k2', W, 4));
    const c = paneOf(fired('k1', W, 3));
    const trace: TraceEvent[] = [{ type: 'transaction-aborted', at: 0, task: 0, txn: 2 }];
    const writes = [
      { pane: a, task: 0, txn: 2 },
      { pane: b, task: 1, txn: 2 },
      { pane: c, task: 0, txn: 3 },
    ];
    assert.deepEqual([...abortedPanes(trace, writes)], [a]);
  });

  it('finds none without aborted transactions', () => {
    assert.equal(abortedPanes([], [{ pane: paneOf(fired('k1', W, 3)), task: 0, txn: 1 }]).size, 0);
  });
});

describe('classifyTrace with aborted panes', () => {
  it('marks an aborted pane and judges its replay as the first copy, not a duplicate', () => {
    const scenario = testScenario();
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'k1', value: 3, eventTime: 1_000 }]));
    const first = fired('k1', W, 3);
    const replay = fired('k1', W, 3);
    const trace = [windowed(ref(0), 'k1', 3, 1_000, W), first, replay];
    const plain = classifyTrace(scenario, trace, truth);
    assert.deepEqual(plain.verdicts.map((v) => v.verdict), ['correct', 'duplicated']);
    const committed = classifyTrace(scenario, trace, truth, undefined, { aborted: new Set([paneOf(first)]) });
    assert.deepEqual(committed.verdicts.map((v) => v.verdict), ['aborted', 'correct']);
    assert.equal(committed.finalValues.size, 1);
  });

  it('leaves an aborted pane out of what a discarding reader adds up', () => {
    const scenario = testScenario({ accumulation: 'discarding' });
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'k1', value: 3, eventTime: 1_000 }]));
    const first = fired('k1', W, 3);
    const trace = [windowed(ref(0), 'k1', 3, 1_000, W), first, fired('k1', W, 3)];
    const list = classifyTrace(scenario, trace, truth, undefined, { aborted: new Set([paneOf(first)]) }).verdicts;
    assert.deepEqual(list.map((v) => [v.verdict, v.consumerValue]), [['aborted', NaN], ['correct', 3]]);
  });
});
