/**
 * The perfect watermark (Streaming Systems ch. 3) knows exactly what is still to come, so under
 * the watermark-driven engines (Flink, Beam) with no early firings nothing is ever late, every
 * final result equals the exact answer, and no pane is wrong.
 *
 * Flink's session windows are the one exception, and a faithful one: Flink merges sessions that
 * touch, yet fires [t, t + gap) at the watermark t + gap − 1, which a perfect watermark reaches
 * while an element at t + gap is still to come. Such a session comes out split (see
 * truth/sessions.ts touchPoints); the tests below say exactly where and when.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { exampleScenario, row, scenarioArb, withSettings } from './arbitraries.js';
import {
  assertFinalResultsCorrect,
  assertNoLateEvents,
  assertNoWrongPanes,
  assertFinalSessionsUpToTouchSplits,
  heldAtEnd,
  runLaw,
  truthValues,
} from './laws.js';
import { checkProperty } from './replay.js';

const perfect = { watermarks: ['perfect'], semantics: ['flink', 'beam'], earlyFirings: false } as const;
const flinkSessions = (s: Scenario): boolean => s.semantics === 'flink' && s.window.type === 'session';

test('perfect watermark: no late data, every final result correct, no wrong pane', (t) => {
  checkProperty(
    runLaw(
      scenarioArb(perfect).filter((s) => !flinkSessions(s)),
      (r) => assertNoLateEvents(r.run.trace),
      (r) => assertFinalResultsCorrect(r.check),
      (r) => assertNoWrongPanes(r.check),
    ),
    { file: import.meta.url, test: t },
  );
});

/**
 * The minimal case: k0 at 0 and at 1000 (arriving at 5000), gap 1 s. The perfect watermark is 999
 * from the first read until the second element is read ("nothing at or before 999 is to come");
 * [0, 1000) fires there (maxTimestamp 999 <= watermark, EventTimeTrigger) and, with no allowed
 * lateness, is cleared there (cleanup time maxTimestamp + 0). The element at 1000 is not late and
 * opens [1000, 2000), though in the exact answer the two touch and merge into [0, 2000).
 */
const TOUCHING_SESSIONS = exampleScenario([row('k0', 1, 0, 0), row('k0', 1, 1000, 5000)], { window: { type: 'session', gapMs: 1000 } });

test('perfect watermark, Flink sessions: no late data, no wrong pane, and the exact answer up to splits at touch points', (t) => {
  checkProperty(
    runLaw(
      scenarioArb({ ...perfect, semantics: ['flink'], windows: ['session'] }),
      (r) => assertNoLateEvents(r.run.trace),
      (r) => assertNoWrongPanes(r.check),
      (r) => assertFinalSessionsUpToTouchSplits(r, 'final results vs the exact answer split at touch points'),
    ),
    { file: import.meta.url, test: t, examples: [[TOUCHING_SESSIONS]] },
  );
});

test('perfect watermark, Flink sessions: a touching session is split with no allowed lateness, and merged with 1 ms of it', () => {
  const split = simulate(TOUCHING_SESSIONS);
  assert.deepEqual([...heldAtEnd(split.run.panes)], [
    ['k0@[0, 1000)', 1],
    ['k0@[1000, 2000)', 1],
  ]);
  assert.deepEqual([...truthValues(split.truth)], [['k0@[0, 2000)', 2]]);
  assertNoLateEvents(split.run.trace);
  // The fired window's state is kept until watermark 999 + 1, so the element at 1000 merges into it.
  const merged = simulate(withSettings(TOUCHING_SESSIONS, { allowedLatenessMs: 1 }));
  assert.deepEqual([...heldAtEnd(merged.run.panes)], [
    ['k0@[0, 1000)', 1],
    ['k0@[0, 2000)', 2],
  ]);
  assertFinalResultsCorrect(merged.check);
  assertFinalSessionsUpToTouchSplits(split, 'split');
  assertFinalSessionsUpToTouchSplits(merged, 'merged');
});

/**
 * Spark has one watermark per stream, over all its partitions. A generator per partition combined
 * by max gives it for max event time − delay, but the oracle's value over all partitions is a
 * minimum: combined by max, the most advanced partition (+∞ once one is exhausted) made the others'
 * records late. Under the perfect watermark every input is combined by min (rules.ts
 * rulesForScenario). The minimal counterexample, kept: k0 at 0 on partition 0 (arrives 0) and at
 * 500 on partition 1 (arrives 600); partition 0 was exhausted at 0, the watermark went to +∞, and
 * the second event was dropped.
 */
const SPARK_EXHAUSTED_PARTITION = exampleScenario([row('k0', 1, 0, 0, 0), row('k0', 1, 500, 600, 1)], { semantics: 'spark' });
/**
 * Why the fix is the combine and not a global oracle: with two source tasks, a watermark computed
 * from every partition's pending data still overtook a record in flight on the other task's channel
 * (k0 at 0 read at 0 by task 1, the watermark 1999 sent by task 0 at once, both arriving at 1).
 */
const SPARK_RECORD_IN_FLIGHT = exampleScenario([row('k0', 1, 0, 0, 1), row('k0', 1, 1999, 1999, 0)], {
  semantics: 'spark',
  parallelism: { source: 2, window: 1 },
  channelDelayMs: 1,
});

test('perfect watermark: no late data under Spark rules either', (t) => {
  checkProperty(
    runLaw(scenarioArb({ watermarks: ['perfect'], semantics: ['spark'] }), (r) => assertNoLateEvents(r.run.trace)),
    { file: import.meta.url, test: t, examples: [[SPARK_EXHAUSTED_PARTITION], [SPARK_RECORD_IN_FLIGHT]] },
  );
});
