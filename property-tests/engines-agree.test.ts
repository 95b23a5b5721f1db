/**
 * Same answers where they must agree (issue 4, item 5): with all data on time, the micro-batch
 * engine's final results equal the exact answer and equal the native engine's, whatever the
 * trigger interval and cost model; and under exactly-once (replay from the offset log into an
 * idempotent sink) a failure changes nothing the reader ends up with.
 *
 * "All data on time" is a perfect watermark under the rule books that flush at the end of the
 * input (Flink, Beam), or, under Spark's, a watermark delay longer than any disorder the
 * arbitraries draw, in update mode: Spark's append mode never emits the last windows of a finite
 * input (its watermark does not move past the data), so there the engines agree with each other
 * but not with the truth, by Spark's rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Pane } from '../src/sim/model/pane.js';
import { simulate, type CheckedRun } from '../src/sim/report/simulate.js';
import { COST_DEFAULTS } from '../src/sim/scenario/defaults.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { EVENT_TIME_LIMIT_MS, DELAY_LIMIT_MS, scenarioArb, withSettings } from './arbitraries.js';
import { assertFinalResultsCorrect, assertNoLateEvents, heldAtEnd, resultId } from './laws.js';
import { checkProperty } from './replay.js';

const flinkSessions = (s: Scenario): boolean => s.semantics === 'flink' && s.window.type === 'session';

/** Flink and Beam with the oracle watermark (Flink sessions excepted: see perfect-watermark.test.ts). */
const watermarkDriven = scenarioArb({
  semantics: ['flink', 'beam'],
  watermarks: ['perfect'],
  earlyFirings: false,
  emptySourceTasks: false,
  accumulations: ['accumulating', 'accumulating-retracting'],
  pipeline: true,
}).filter((s) => !flinkSessions(s));

/** Spark in update mode with a delay longer than any event can be out of order. */
const sparkUpdate = scenarioArb({ semantics: ['spark'], emptySourceTasks: false, accumulations: ['accumulating'], pipeline: true }).map((s) =>
  withSettings(s, {
    outputMode: 'update',
    watermark: { type: 'bounded-out-of-orderness', maxDelayMs: EVENT_TIME_LIMIT_MS + DELAY_LIMIT_MS, intervalMs: 200 },
  }),
);

const microBatch = fc.record({
  triggerIntervalMs: fc.constantFrom(0, 200, 1000, 5000),
  costs: fc.boolean(),
});

function onMicroBatch(s: Scenario, m: { triggerIntervalMs: number; costs: boolean }): Scenario {
  return withSettings(s, { engine: { type: 'micro-batch', triggerIntervalMs: m.triggerIntervalMs, noDataBatches: true }, ...(m.costs ? { cost: COST_DEFAULTS } : {}) });
}

/**
 * What the reader ends with for the windows of the exact answer. A window merged away into a
 * session is left out: the native engine's update rule wrote a row for it before the merge, the
 * micro-batch engine, which writes the merged session's row only, never did.
 */
function finals(checked: CheckedRun, panes: readonly Pane[]): [string, number][] {
  const ids = new Set(checked.truth.windows.map((w) => resultId(w.key, w.window)));
  return [...heldAtEnd(panes)].filter(([id]) => ids.has(id)).sort();
}

function agree(s: Scenario, m: { triggerIntervalMs: number; costs: boolean }): void {
  const native = simulate(s);
  const batched = simulate(onMicroBatch(s, m));
  assertNoLateEvents(batched.run.trace);
  assertFinalResultsCorrect(batched.check);
  assert.deepEqual(finals(batched, batched.run.panes), finals(native, native.run.panes), 'micro-batch and native final results differ');
}

test('engines agree: with a perfect watermark, micro-batch final results equal the truth and the native engine', (t) => {
  checkProperty(fc.property(watermarkDriven, microBatch, agree), { file: import.meta.url, test: t });
});

test('engines agree: Spark update mode with a generous watermark, micro-batch equals the truth and the native engine', (t) => {
  checkProperty(fc.property(sparkUpdate, microBatch, agree), { file: import.meta.url, test: t });
});

/** The scenario on the micro-batch engine under exactly-once into an idempotent sink, with a job failure at `failAtMs`. */
function failingAt(s: Scenario, m: { triggerIntervalMs: number; costs: boolean }, failAtMs: number): Scenario {
  return withSettings(onMicroBatch(s, m), {
    faultTolerance: {
      delivery: { guarantee: 'exactly-once', sink: 'idempotent', readers: [] },
      faults: [{ type: 'job-failure', trigger: { kind: 'at', atMs: failAtMs }, restartDelayMs: 1000 }],
      savepointsAtMs: [],
    },
  });
}

const failAt = fc.integer({ min: 0, max: EVENT_TIME_LIMIT_MS + DELAY_LIMIT_MS });

test('engines agree: exactly-once with an idempotent sink, a failure leaves the reader exactly the failure-free output', (t) => {
  checkProperty(
    fc.property(watermarkDriven, microBatch, failAt, (s, m, at) => {
      const checked = simulate(failingAt(s, m, at));
      assertFinalResultsCorrect(checked.check);
      const ledger = checked.ledger[0];
      assert.ok(ledger !== undefined, 'a scenario with faults has a ledger');
      assert.deepEqual(ledger.offending, [], `exactly-once: ${ledger.exact} of ${ledger.results} exact`);
    }),
    { file: import.meta.url, test: t },
  );
});

/**
 * In update mode a row is written per batch in which it changed, so the intermediate rows depend
 * on where batches begin and end, and a restart delay moves those boundaries: the rerun of the
 * failed batch reads the same offsets, but the batches after it may read more at once. What
 * exactly-once promises there is the result table: no row written twice with different content
 * under one identity that the reader keeps, and the same final value for every window.
 */
test('engines agree: Spark update mode under exactly-once, a failure leaves the reader the failure-free final results', (t) => {
  checkProperty(
    fc.property(sparkUpdate, microBatch, failAt, (s, m, at) => {
      const failing = failingAt(s, m, at);
      const checked = simulate(failing);
      assertFinalResultsCorrect(checked.check);
      const seen = checked.run.sink.visible('upsert').map((r) => r.pane);
      const baseline = simulate(withSettings(failing, { faultTolerance: { delivery: { guarantee: 'exactly-once', sink: 'idempotent', readers: [] }, faults: [], savepointsAtMs: [] } }));
      assert.deepEqual(finals(checked, seen), finals(baseline, baseline.run.panes));
      assert.equal(checked.ledger[0]?.duplicated, 0);
    }),
    { file: import.meta.url, test: t },
  );
});
