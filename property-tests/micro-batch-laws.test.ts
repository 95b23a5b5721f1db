/**
 * The invariants every run must keep hold on the micro-batch engine too, over every rule book it
 * runs (Flink, Beam, Spark; Kafka Streams runs per record only), every output mode, trigger
 * interval and cost model: every event accounted for, no watermark going back, and no pane the
 * checkers judge wrong or duplicated (check.ok); and the same scenario and seed give a
 * byte-identical report, failures and restarts included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate } from '../src/sim/report/simulate.js';
import { COST_DEFAULTS } from '../src/sim/scenario/defaults.js';
import type { OutputMode, Scenario } from '../src/sim/scenario/types.js';
import { generatorScenarioArb, scenarioArb, withSettings } from './arbitraries.js';
import { assertDeterministic, assertEveryEventAccounted, assertNoWrongPanes, assertWatermarksMonotone } from './laws.js';
import { checkProperty } from './replay.js';

const engine = fc.record({
  triggerIntervalMs: fc.constantFrom(0, 200, 1000, 5000),
  costs: fc.boolean(),
  noDataBatches: fc.boolean(),
  outputMode: fc.constantFrom<OutputMode>('append', 'update', 'complete'),
});

function onMicroBatch(s: Scenario, e: { triggerIntervalMs: number; costs: boolean; noDataBatches: boolean; outputMode: OutputMode }): Scenario {
  // Output modes other than append are Spark's, and their rows carry whole aggregates.
  const sparkRows = s.semantics === 'spark' && e.outputMode !== 'append';
  return withSettings(s, {
    engine: { type: 'micro-batch', triggerIntervalMs: e.triggerIntervalMs, noDataBatches: e.noDataBatches },
    ...(e.costs ? { cost: COST_DEFAULTS } : {}),
    ...(sparkRows ? { outputMode: e.outputMode, accumulation: 'accumulating' } : {}),
  });
}

test('micro-batch: every event accounted for, watermarks never go back, no wrong or duplicated pane', (t) => {
  checkProperty(
    fc.property(scenarioArb({ semantics: ['flink', 'beam', 'spark'], pipeline: true }), engine, (base, e) => {
      const s = onMicroBatch(base, e);
      const { run, check } = simulate(s);
      assertWatermarksMonotone(run.trace);
      assertEveryEventAccounted(check, s.input.kind === 'events' ? s.input.events.length : check.summary.events);
      assertNoWrongPanes(check);
      assert.ok(check.ok, 'check.ok');
    }),
    { file: import.meta.url, test: t },
  );
});

test('micro-batch: the same scenario and seed give a byte-identical report, with a failure too', (t) => {
  checkProperty(
    fc.property(generatorScenarioArb({ semantics: ['flink', 'beam', 'spark'] }), engine, fc.integer({ min: 0, max: 20_000 }), (base, e, failAtMs) => {
      const s = withSettings(onMicroBatch(base, e), {
        faultTolerance: {
          delivery: { guarantee: 'exactly-once', sink: 'idempotent', readers: [] },
          faults: [{ type: 'job-failure', trigger: { kind: 'at', atMs: failAtMs }, restartDelayMs: 500 }],
          savepointsAtMs: [],
        },
      });
      assertDeterministic(s);
    }),
    { file: import.meta.url, test: t, runsFactor: 0.3 },
  );
});
