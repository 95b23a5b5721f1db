import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEngine } from '../src/sim/engines/run.js';
import { handLoopUnsupported, runHandLoop } from './hand-loop.js';
import { TallyTrace } from './instruments.js';
import { inputFor } from './suite.js';
import { WORKLOADS, type WorkloadId } from './workloads.js';

/** The engine's results (counted by the trace) and the hand loop's, on one shared log. */
function both(id: WorkloadId, events: number) {
  const s = WORKLOADS[id].build(events);
  const input = inputFor(s);
  const trace = new TallyTrace();
  const run = runEngine('native', s, { trace, keepPanes: false, input });
  const loop = runHandLoop(s, input);
  return { run, trace, loop, s, input };
}

test('W1 at 20,000 events: the hand loop and the engine agree on the result count and total', () => {
  const { run, trace, loop } = both('W1', 20_000);
  assert.equal(loop.events, 20_000);
  assert.ok(trace.panes > 0);
  assert.equal(trace.panes, run.panesWritten);
  assert.equal(loop.results, trace.panes);
  assert.equal(loop.total, trace.total);
  // The lateness rule is exercised: some events arrive after their window fired and are dropped.
  assert.ok(loop.dropped > 0, 'some events are late');
  assert.equal(run.openWindows, 0);
});

for (const [id, events] of [['W2', 10_000], ['W3', 5000], ['W4', 10_000], ['W7', 10_000]] as const) {
  test(`${id} at ${events} events: the hand loop and the engine agree`, () => {
    const { trace, loop } = both(id, events);
    assert.ok(trace.panes > 0);
    assert.equal(loop.results, trace.panes);
    assert.equal(loop.total, trace.total);
  });
}

test('the sliced path agrees with the tumbling path when the slide equals the size', () => {
  const s = WORKLOADS.W1.build(20_000);
  const input = inputFor(s);
  assert.deepEqual(runHandLoop(s, input, { slicedTumbling: true }), runHandLoop(s, input));
});

test('slicing with few keys and large slides still matches the engine (overlap 2 and 6)', () => {
  for (const everyMs of [30_000, 10_000]) {
    const s = WORKLOADS.W3.build(8000, { keys: 7, slidingEveryMs: everyMs });
    const input = inputFor(s);
    const trace = new TallyTrace();
    runEngine('native', s, { trace, keepPanes: false, input });
    const loop = runHandLoop(s, input);
    assert.equal(loop.results, trace.panes, `every ${everyMs}`);
    assert.equal(loop.total, trace.total, `every ${everyMs}`);
  }
});

test('the hand loop refuses what it does not model, and says what', () => {
  const w1 = WORKLOADS.W1.build(10);
  assert.equal(handLoopUnsupported(w1), undefined);
  assert.match(handLoopUnsupported({ ...w1, semantics: 'beam' }) ?? '', /semantics beam/);
  assert.match(handLoopUnsupported({ ...w1, allowedLatenessMs: 1000 }) ?? '', /lateness/);
  assert.match(handLoopUnsupported(WORKLOADS.W6.build(10)) ?? '', /micro-batch/);
  assert.match(handLoopUnsupported(WORKLOADS.W5.build(10)) ?? '', /checkpoints/);
  assert.throws(() => runHandLoop({ ...w1, aggregate: 'max' }, inputFor(w1)), /hand loop: cannot run W1: aggregate max/);
});

test('an empty input gives no results', () => {
  const s = WORKLOADS.W1.build(0);
  assert.deepEqual(runHandLoop(s, inputFor(s)), { events: 0, results: 0, total: 0, dropped: 0 });
});
