/**
 * The clocks of the two engines without watermark-driven triggers (SEMANTICS.md, "Where the
 * engines' rules differ"):
 * - Kafka Streams: stream time is the largest record timestamp the task has seen, and a record is
 *   dropped once stream time reaches windowEnd + grace (sessions: once it is past last + gap +
 *   grace), so no update is ever emitted for a window after that; with suppress(untilWindowCloses),
 *   each window is emitted when stream time has reached its close (sessions: last + gap + grace);
 * - Spark, append mode: each window is emitted at most once, and only when the watermark has
 *   passed its end (state ending at T is finalised when watermark > T).
 * Stream time is recomputed here from the records the trace shows reaching each task, not read from
 * the engine's clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Window } from '../src/sim/model/window.js';
import { simulate } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import type { TraceEvent } from '../src/sim/trace/events.js';
import { exampleScenario, row, scenarioArb, withSettings } from './arbitraries.js';
import { resultId, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

/**
 * When suppress(untilWindowCloses) emits a window: stream time >= end + grace (KTableSuppressProcessor,
 * windowEnd <= streamTime − grace); a session [first, last + 1) at last + gap + grace, its suppress
 * duration being gap + grace (GraphGraceSearchUtil).
 */
function kafkaCloseAt(s: Scenario, w: Window): number {
  return s.window.type === 'session' ? w.end - 1 + s.window.gapMs + s.allowedLatenessMs : w.end + s.allowedLatenessMs;
}

/**
 * The first stream time at which a record for the window is dropped: end + grace
 * (KStreamWindowAggregate: windowEnd <= streamTime − grace); for a session one millisecond after its
 * close (KStreamSessionWindowAggregate: mergedWindow.end() < streamTime − grace − gap).
 */
function kafkaDropAt(s: Scenario, w: Window): number {
  return s.window.type === 'session' ? kafkaCloseAt(s, w) + 1 : kafkaCloseAt(s, w);
}

type PaneEntry = Extract<TraceEvent, { type: 'pane-fired' }>;

/** Each pane-fired entry with its task's stream time: the largest timestamp of a record the task had received. */
function panesWithStreamTime(trace: readonly TraceEvent[]): { entry: PaneEntry; streamTime: number }[] {
  const streamTime = new Map<number, number>();
  const out: { entry: PaneEntry; streamTime: number }[] = [];
  for (const e of trace) {
    if (e.type === 'event-windowed' || e.type === 'event-late') {
      streamTime.set(e.task, Math.max(streamTime.get(e.task) ?? -Infinity, e.timestamp));
    } else if (e.type === 'pane-fired') {
      out.push({ entry: e, streamTime: streamTime.get(e.task) ?? -Infinity });
    }
  }
  return out;
}

test('kafka-streams: no pane for a window once stream time reached the point where its records are dropped', (t) => {
  checkProperty(
    runLaw(scenarioArb({ semantics: ['kafka-streams'] }), ({ run }, s) => {
      for (const { entry, streamTime } of panesWithStreamTime(run.trace)) {
        const drop = kafkaDropAt(s, entry.pane.window);
        assert.ok(streamTime < drop, `${resultId(entry.pane.key, entry.pane.window)} pane #${entry.pane.index} emitted at stream time ${streamTime}, but its records are dropped from ${drop}`);
      }
    }),
    { file: import.meta.url, test: t },
  );
});

/**
 * A session is emitted at last + gap + grace but accepts records until stream time passes it, so a
 * record in that millisecond updates a session already emitted: the suppress buffer takes the
 * update and, its window end being <= streamTime − gap − grace, emits it at once. Kafka Streams
 * really does emit such a session twice; a time window never is.
 */
test('kafka-streams with suppress(untilWindowCloses): each window emitted once its close is reached, again only for a record at its close', (t) => {
  checkProperty(
    fc.property(scenarioArb({ semantics: ['kafka-streams'] }), (base) => {
      const s = withSettings(base, { suppress: true });
      const seen = new Set<string>();
      for (const { entry, streamTime } of panesWithStreamTime(simulate(s).run.trace)) {
        const id = resultId(entry.pane.key, entry.pane.window);
        const close = kafkaCloseAt(s, entry.pane.window);
        if (seen.has(id)) {
          assert.ok(s.window.type === 'session', `${id} emitted twice under suppress`);
          assert.equal(streamTime, close, `${id} emitted again under suppress at stream time ${streamTime}, not at its close ${close}`);
        }
        seen.add(id);
        assert.ok(streamTime >= close, `${id} emitted at stream time ${streamTime}, before its close at ${close}`);
      }
    }),
    { file: import.meta.url, test: t },
  );
});

test('spark append mode: each window emitted at most once, after the watermark passed its end', (t) => {
  checkProperty(
    runLaw(scenarioArb({ semantics: ['spark'] }), ({ run }) => {
      const seen = new Set<string>();
      for (const e of run.trace) {
        if (e.type !== 'pane-fired') continue;
        const id = resultId(e.pane.key, e.pane.window);
        assert.ok(!seen.has(id), `${id} emitted twice in append mode`);
        seen.add(id);
        // The global window never ends: it can be emitted only by a watermark at +∞ (the perfect oracle's, after the input).
        const passed = e.pane.window.end === Infinity ? e.watermark === Infinity : e.watermark > e.pane.window.end;
        assert.ok(passed, `${id} emitted at watermark ${e.watermark}, not past its end`);
      }
    }),
    { file: import.meta.url, test: t },
  );
});

/**
 * Kafka Streams' own code for sessions (KStreamSessionWindowAggregate.process): with
 * windowCloseTime = streamTime − grace − gap, a record is dropped when mergedWindow.end() <
 * windowCloseTime, i.e. only once stream time is strictly past last + gap + grace. (For time
 * windows KStreamWindowAggregate drops when windowEnd <= streamTime − grace: the >= rule.)
 * The minimal counterexample of the old off-by-one (streamsim dropped at stream time == last + gap
 * + grace), kept: gap 1 s, grace 0, k0 at 0, k1 at 1000 (stream time 1000), k0 at 0 again.
 */
const KAFKA_SESSION_AT_CLOSE = exampleScenario([row('k0', 1, 0, 0), row('k1', 1, 1000, 1), row('k0', 1, 0, 2)], {
  semantics: 'kafka-streams',
  window: { type: 'session', gapMs: 1000 },
});

test('kafka-streams sessions: a record is dropped only when stream time is past last + gap + grace', (t) => {
  checkProperty(
    runLaw(scenarioArb({ semantics: ['kafka-streams'], windows: ['session'] }), ({ run }, s) => {
      if (s.window.type !== 'session') return;
      for (const e of run.trace) {
        if (e.type !== 'event-late') continue;
        const close = e.window.end - 1 + s.window.gapMs + s.allowedLatenessMs;
        assert.ok(e.watermark > close, `event ${e.ref.partition}:${e.ref.offset} (t=${e.timestamp}) dropped at stream time ${e.watermark}, but its session [${e.window.start}, ${e.window.end - 1}] closes only after ${close}`);
      }
    }),
    { file: import.meta.url, test: t, examples: [[KAFKA_SESSION_AT_CLOSE]] },
  );
});

test('kafka-streams sessions: at stream time last + gap + grace a record still merges into its session (the counterexample)', () => {
  const updates = simulate(KAFKA_SESSION_AT_CLOSE).run.panes.map((p) => `${p.key} [${p.window.start}, ${p.window.end - 1}] = ${p.value}`);
  assert.deepEqual(updates, ['k0 [0, 0] = 1', 'k1 [1000, 1000] = 1', 'k0 [0, 0] = 2']);
  const suppressed = simulate(withSettings(KAFKA_SESSION_AT_CLOSE, { suppress: true })).run.panes.map((p) => `${p.key} [${p.window.start}, ${p.window.end - 1}] = ${p.value} ${p.timing}`);
  // k1 at 1000 closes k0's session (0 + 1 s + 0 <= 1000), and the second k0 record updates it again.
  assert.deepEqual(suppressed, ['k0 [0, 0] = 1 ON_TIME', 'k0 [0, 0] = 2 LATE']);
});
