/**
 * Safety, in every run: whatever the watermark, trigger, lateness, parallelism or rule book, the
 * engine never emits a wrong pane (one that matches neither the exact answer nor the data it had
 * accepted into the window) and never emits the same pane twice (no faults are injected here).
 * This is the checker's own verdict (check-run.ts: ok), held over the whole scenario space.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Scenario } from '../src/sim/scenario/types.js';
import { exampleScenario, row, scenarioArb } from './arbitraries.js';
import type { CheckedRun } from '../src/sim/report/simulate.js';
import { assertNoWrongPanes, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

const sessions = (s: Scenario): boolean => s.window.type === 'session';

const safe = [
  (r: CheckedRun) => assertNoWrongPanes(r.check),
  (r: CheckedRun) => assert.ok(r.check.ok, `check not ok: ${JSON.stringify(r.check.summary)}`),
];

test('safety: no wrong and no duplicated pane in any run of fixed windows, and the checker says ok', (t) => {
  checkProperty(runLaw(scenarioArb({ pipeline: true }).filter((s) => !sessions(s)), ...safe), { file: import.meta.url, test: t });
});

/**
 * Discarding: k0 at 0 then at 999, gap 1 s, an early pane per element. [0, 1 s) fires 1, then
 * merges into [0, 1999), whose pane carries the new element alone (Beam and Flink merge the
 * purged state): right, but a reader that starts the merged window from nothing holds 1, not 2.
 */
const MERGED_DISCARDING = exampleScenario([row('k0', 0, 0, 0), row('k0', 0, 999, 999)], {
  semantics: 'beam',
  window: { type: 'session', gapMs: 1000 },
  accumulation: 'discarding',
  trigger: { early: { type: 'count', count: 1 }, late: { type: 'count', count: 1 } },
});

/**
 * A session reopened after its state was cleared (Flink, monotonous watermark, gap 1 s, no lateness):
 * k0 at 0 (arrives 0), k1 at 1000 (arrives 100: the watermark becomes 999, so k0's [0, 1000) fires 1
 * and is cleared), k0 at 1 (arrives 300: its own session [1, 1001) is not late, since 1000 > 999),
 * k0 at 0 (arrives 400: merges it into [0, 1001)). The pane [0, 1001) = 2 is exactly what that
 * window holds, as in Flink, where the cleared window has left the MergingWindowSet.
 */
const REOPENED_SESSION = exampleScenario([row('k0', 1, 0, 0), row('k1', 1, 1000, 100), row('k0', 1, 1, 300), row('k0', 1, 0, 400)], {
  window: { type: 'session', gapMs: 1000 },
  watermark: { type: 'monotonous', intervalMs: 200 },
});

test(
  'safety: the same for session windows',
  {
    todo:
      'checker false positives on sessions, both with panes that are exactly their window\'s state: ' +
      '(1) at HEAD 6176b5a, discarding mode: after a merge, ConsumerView starts the merged window from nothing, so its ' +
      'pane (only the elements since the parts last fired) is judged wrong (the uncommitted ConsumerView.merge fixes this ' +
      'example); (2) in every mode: SessionSeenIndex takes a session pane to hold every accepted event of its key in ' +
      '[start, end), including events of an earlier session that was already fired and cleared and that a later, ' +
      'not-late element reopened (a 1 ms band: watermark in [maxTimestamp + L, maxTimestamp + L + 1) under Flink); ' +
      'REOPENED_SESSION: the pane [0, 1001) = 2 is judged wrong (seen 3, truth 3), check.ok is false',
  },
  (t) => {
    checkProperty(runLaw(scenarioArb({ pipeline: true, windows: ['session'] }), ...safe), { file: import.meta.url, test: t, examples: [[MERGED_DISCARDING], [REOPENED_SESSION]] });
  },
);
