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

const discardingSessions = (s: Scenario): boolean => s.accumulation === 'discarding' && s.window.type === 'session';

const safe = [
  (r: CheckedRun) => assertNoWrongPanes(r.check),
  (r: CheckedRun) => assert.ok(r.check.ok, `check not ok: ${JSON.stringify(r.check.summary)}`),
];

test('safety: no wrong and no duplicated pane in any run, and the checker says ok', () => {
  checkProperty(runLaw(scenarioArb({ pipeline: true }).filter((s) => !discardingSessions(s)), ...safe), { file: import.meta.url });
});

/** k0 at 0 then at 999, gap 1 s, an early pane per element: [0, 1 s) fires 1, then merges into [0, 1999), which fires the new element alone. */
const MERGED_DISCARDING = exampleScenario([row('k0', 0, 0, 0), row('k0', 0, 999, 999)], {
  semantics: 'beam',
  window: { type: 'session', gapMs: 1000 },
  accumulation: 'discarding',
  trigger: { early: { type: 'count', count: 1 }, late: { type: 'count', count: 1 } },
});

test(
  'safety: the same for discarding session windows',
  {
    todo:
      'checker (HEAD 6176b5a): in discarding mode, when sessions merge, the merged window\'s pane carries only the elements ' +
      'since its parts last fired (Beam and Flink both merge the purged state), but ConsumerView starts the merged window ' +
      'from nothing, so the pane is judged wrong (consumer 1, seen 2, truth 2) and check.ok is false for a faithful run. ' +
      'The uncommitted ConsumerView.merge in the working tree looks aimed at this',
  },
  () => {
    checkProperty(runLaw(scenarioArb({ pipeline: true, accumulations: ['discarding'], windows: ['session'] }), ...safe), { file: import.meta.url, examples: [[MERGED_DISCARDING]] });
  },
);
