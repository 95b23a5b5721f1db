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
import { simulate, type CheckedRun } from '../src/sim/report/simulate.js';
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
 * purged state): right, and the reader, who adds discarding panes up, holds 2 (ConsumerView.merge
 * carries what it held for the parts over to the merged session).
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
 * window holds, as in Flink, where the cleared window has left the MergingWindowSet; the checker
 * once took a session to hold every accepted event of its key in [start, end), 3 here, and called
 * the pane wrong. It follows the sessions' own merges and clears now (seen-index.ts).
 */
const REOPENED_SESSION = exampleScenario([row('k0', 1, 0, 0), row('k1', 1, 1000, 100), row('k0', 1, 1, 300), row('k0', 1, 0, 400)], {
  window: { type: 'session', gapMs: 1000 },
  watermark: { type: 'monotonous', intervalMs: 200 },
});

test('safety: the same for session windows', (t) => {
  checkProperty(runLaw(scenarioArb({ pipeline: true, windows: ['session'] }), ...safe), { file: import.meta.url, test: t, examples: [[MERGED_DISCARDING], [REOPENED_SESSION]] });
});

test('safety, the reopened session: its pane is judged by what the window held (partial, 2 of the truth 3)', () => {
  const { check } = simulate(REOPENED_SESSION);
  const k0 = check.panes.filter((p) => p.pane.key === 'k0').map((p) => [p.pane.window.start, p.pane.window.end, p.verdict, p.consumerValue, p.seenValue, p.truthValue]);
  assert.deepEqual(k0, [
    [0, 1000, 'partial', 1, 1, null],
    [0, 1001, 'partial', 2, 2, 3],
  ]);
  assert.ok(check.ok);
});
