/**
 * Session windows do not depend on the arrival order of on-time data (sessions are merging
 * windows, and merging reaches the same fixpoint in any order: SEMANTICS.md, "session merge").
 * One set of events gets two different arrival orders: the same arrival instants, assigned by two
 * permutations. With a perfect watermark and no early firings nothing is late, so the results a
 * reader holds at the end (the last value pane of each session, unless retracted) must be the
 * same in both runs, and equal to the exact answer.
 *
 * Flink is the exception where sessions touch: an element exactly gap after the one before it
 * joins the session in the exact answer, but the session can fire, and with no allowed lateness be
 * cleared, before that element arrives (truth/sessions.ts touchPoints). Whether it does depends on
 * the arrival order, which Flink genuinely lets show there, and only there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { eventDraw, eventsInput, EXAMPLE_SETTINGS, KEYS_MAX, PARTITIONS_MAX, settingsDraw, toScenario, type EventRow } from './arbitraries.js';
import { assertFinalSessionsUpToTouchSplits, assertSameResults, hasTouchPoints, heldAtEnd, truthValues } from './laws.js';
import { checkProperty } from './replay.js';

const drawFor = (semantics: 'flink' | 'beam') => fc.record({
  keys: fc.integer({ min: 1, max: KEYS_MAX }),
  partitions: fc.integer({ min: 1, max: PARTITIONS_MAX }),
  events: fc.array(fc.record({ event: eventDraw(), rankA: fc.nat({ max: 1000 }), rankB: fc.nat({ max: 1000 }) }), { maxLength: 30 }),
  settings: settingsDraw({ windows: ['session'], watermarks: ['perfect'], semantics: [semantics], earlyFirings: false }),
});
type Draw = ReturnType<typeof drawFor> extends fc.Arbitrary<infer T> ? T : never;

/** The scenario whose i-th event (in `rank` order) arrives at the i-th smallest of the natural arrival instants. */
function permuted(d: Draw, rank: 'rankA' | 'rankB'): Scenario {
  const instants = d.events.map((e) => e.event.eventTime + e.event.delay).sort((a, b) => a - b);
  const order = d.events.map((e, i) => ({ i, r: e[rank] })).sort((a, b) => a.r - b.r || a.i - b.i);
  const arrival = new Array<number>(d.events.length).fill(0);
  order.forEach(({ i }, position) => {
    arrival[i] = instants[position] ?? 0;
  });
  const rows: EventRow[] = d.events.map(({ event: e }, i) => ({
    key: `k${e.key % d.keys}`,
    value: e.value,
    eventTime: e.eventTime,
    partition: e.partition % d.partitions,
    arrivalTime: arrival[i] ?? 0,
  }));
  return toScenario(eventsInput(rows, d.partitions), d.settings);
}

/** The minimal counterexample: k0 at 3999 and 4999, in order, no delay, gap 1 s. */
const TOUCHING_IN_ORDER: Draw = {
  keys: 1,
  partitions: 1,
  events: [3999, 4999].map((eventTime) => ({ event: { key: 0, partition: 0, value: 0, eventTime, delay: 0 }, rankA: 0, rankB: 0 })),
  settings: {
    ...EXAMPLE_SETTINGS,
    window: { type: 'session', sizeMs: 1000, slidePick: 0, offsetMs: 0 },
    watermark: { ...EXAMPLE_SETTINGS.watermark, percentile: 1 },
    emptySourceTasks: false,
  },};

function orderDoesNotMatter(d: Draw): void {
  const a = simulate(permuted(d, 'rankA'));
  const b = simulate(permuted(d, 'rankB'));
  const kind = a.run.scenario.aggregate;
  assertSameResults(kind, heldAtEnd(a.run.panes), truthValues(a.truth), 'first order: final results vs the exact answer');
  assertSameResults(kind, heldAtEnd(b.run.panes), heldAtEnd(a.run.panes), 'second order vs first order: final results');
}

test('sessions (Beam rules): the final session results do not depend on the arrival order of on-time data', (t) => {
  checkProperty(fc.property(drawFor('beam'), orderDoesNotMatter), { file: import.meta.url, test: t });
});

/**
 * Under Flink rules each order's results equal the exact answer up to splits at touch points, and
 * the two orders agree wherever the exact answer has no touch point.
 */
function orderMattersOnlyAtTouchPoints(d: Draw): void {
  const a = simulate(permuted(d, 'rankA'));
  const b = simulate(permuted(d, 'rankB'));
  assertFinalSessionsUpToTouchSplits(a, 'first order: final results vs the exact answer split at touch points');
  assertFinalSessionsUpToTouchSplits(b, 'second order: final results vs the exact answer split at touch points');
  if (!hasTouchPoints(a)) assertSameResults(a.run.scenario.aggregate, heldAtEnd(b.run.panes), heldAtEnd(a.run.panes), 'second order vs first order: final results');
}

test('sessions (Flink rules): the same where no session touches; where one does, a split at the touch point is the only difference', (t) => {
  checkProperty(fc.property(drawFor('flink'), orderMattersOnlyAtTouchPoints), { file: import.meta.url, test: t, examples: [[TOUCHING_IN_ORDER]] });
});

test('sessions (Flink rules): k0 at 3999 and 4999, gap 1 s, split in arrival order, merged when 4999 comes first', () => {
  const inOrder = simulate(permuted(TOUCHING_IN_ORDER, 'rankA'));
  // The perfect watermark is 4998 once 3999 is read: [3999, 4999) fires and is cleared before 4999 arrives.
  assert.deepEqual([...heldAtEnd(inOrder.run.panes)], [
    ['k0@[3999, 4999)', 1],
    ['k0@[4999, 5999)', 1],
  ]);
  const reversed: Draw = { ...TOUCHING_IN_ORDER, events: TOUCHING_IN_ORDER.events.map((e, i) => ({ ...e, rankB: 1 - i })) };
  const firstLast = simulate(permuted(reversed, 'rankB'));
  // 4999 arrives first (at 3999): the watermark stays at 3998 until 3999 is read, which then merges.
  assert.deepEqual([...heldAtEnd(firstLast.run.panes)], [['k0@[3999, 5999)', 2]]);
  assert.deepEqual([...truthValues(firstLast.truth)], [['k0@[3999, 5999)', 2]]);
});
