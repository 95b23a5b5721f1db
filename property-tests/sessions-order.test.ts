/**
 * Session windows do not depend on the arrival order of on-time data (sessions are merging
 * windows, and merging reaches the same fixpoint in any order: SEMANTICS.md, "session merge").
 * One set of events gets two different arrival orders: the same arrival instants, assigned by two
 * permutations. With a perfect watermark and no early firings nothing is late, so the results a
 * reader holds at the end (the last value pane of each session, unless retracted) must be the
 * same in both runs, and equal to the exact answer.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { simulate } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { eventDraw, eventsInput, KEYS_MAX, PARTITIONS_MAX, settingsDraw, toScenario, type EventRow } from './arbitraries.js';
import { assertSameResults, heldAtEnd, truthValues } from './laws.js';
import { checkProperty } from './replay.js';

const drawFor = (semantics: 'flink' | 'beam') => fc.record({
  keys: fc.integer({ min: 1, max: KEYS_MAX }),
  partitions: fc.integer({ min: 1, max: PARTITIONS_MAX }),
  events: fc.array(fc.record({ event: eventDraw(), rankA: fc.nat({ max: 1000 }), rankB: fc.nat({ max: 1000 }) }), { maxLength: 30 }),
  settings: settingsDraw({ windows: ['session'], watermarks: ['perfect'], semantics: [semantics], earlyFirings: false, emptySourceTasks: false }),
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
    seed: 0,
    semantics: 'flink',
    window: { type: 'session', sizeMs: 1000, slidePick: 0, offsetMs: 0 },
    aggregate: 'count',
    watermark: { type: 'perfect', maxDelayMs: 0, intervalMs: 200, percentile: 1, sample: 1 },
    trigger: { early: 'none', earlyCount: 1, earlyDelayMs: 1, earlyEveryMs: 1000, lateCount: 1 },
    latenessMs: 0,
    accumulation: 'accumulating',
    lateData: 'drop',
    sourceParallelism: 1,
    windowParallelism: 1,
    channelDelayMs: 0,
    pipeline: { on: false, multiply: 1, add: 0, valueMin: 0, valueSpan: 1, keyParity: 'any' },
    emptySourceTasks: false,
  },
};

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

test(
  'sessions (Flink rules): the same',
  {
    todo:
      'Flink sessions that touch ([t, t + gap) and an event at t + gap) merge in the exact answer, but the first fires and ' +
      'is purged at the perfect watermark t + gap - 1 before the touching event arrives, which then opens a new session ' +
      '(see perfect-watermark.test.ts); minimal case: k0 at 3999 and 4999, gap 1 s, both with delay 0',
  },
  (t) => {
    checkProperty(fc.property(drawFor('flink'), orderDoesNotMatter), { file: import.meta.url, test: t, examples: [[TOUCHING_IN_ORDER]] });
  },
);
