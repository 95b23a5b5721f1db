/**
 * Liveness at the end of a bounded input (STYLE.md: a safety phase, then a liveness phase). Under
 * the rule books that flush at the end of input (Flink and Beam: the source sends the final
 * watermark +∞, Flink's Watermark.MAX_WATERMARK), every window task's watermark ends at +∞, every
 * window's state is cleared, and no result is missing for want of a firing: a result can be
 * missing only because its data was late, or because sessions were grouped otherwise.
 *
 * One exception is Flink's rule, not a bug: a late trigger that fires every n > 1 elements can hold
 * fewer than n when the cleanup timer (maxTimestamp + allowed lateness) purges the window, and
 * Flink purges without firing (Beam's ClosingBehavior.FIRE_IF_NON_EMPTY fires first). A window
 * opened only by such late data is then never emitted, so that case is left out of the last check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckedRun } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { exampleScenario, scenarioArb } from './arbitraries.js';
import { resultId, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

function assertFlushed({ run, check }: CheckedRun, s: Scenario): void {
  const last = new Map<number, number>();
  for (const e of run.trace) if (e.type === 'watermark-advanced' && e.scope === 'operator') last.set(e.id, e.watermark);
  for (let task = 0; task < s.parallelism.window; task++) {
    assert.equal(last.get(task), Infinity, `window task ${task} ended at watermark ${last.get(task) ?? 'none'}, not +∞`);
  }
  assert.equal(run.openWindows, 0, 'window states still open after the final watermark');
  if (s.semantics === 'flink' && !(s.trigger.late.type === 'count' && s.trigger.late.count === 1)) return;
  const unfired = check.missing.filter((m) => m.reason !== 'all-late' && m.reason !== 'other-windows');
  assert.deepEqual(unfired.map((m) => `${resultId(m.key, m.window)}: ${m.reason}`), [], 'results missing for want of a firing');
}

test('end of input: every window task reaches +∞, clears its windows and fires every result (source tasks <= partitions)', (t) => {
  checkProperty(runLaw(scenarioArb({ semantics: ['flink', 'beam'], emptySourceTasks: false }), assertFlushed), { file: import.meta.url, test: t });
});

test(
  'end of input: the same with more source tasks than partitions (a task with no partition only ends its input)',
  (t) => {
    // The minimal counterexample: no events at all, one partition, two source tasks.
    const example = exampleScenario([], { parallelism: { source: 2, window: 1 } });
    checkProperty(runLaw(scenarioArb({ semantics: ['flink', 'beam'] }), assertFlushed), { file: import.meta.url, test: t, examples: [[example]] });
  },
);
