/**
 * A run is a pure function of its scenario and seed (STYLE.md: one seed, one PRNG; a deterministic
 * schedule): the same scenario and seed give byte-identical reports, and a generator draws a
 * different input from a different seed, each one reproducible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate } from '../src/sim/report/simulate.js';
import type { TraceEvent } from '../src/sim/trace/events.js';
import { generatorScenarioArb, scenarioArb, seedArb } from './arbitraries.js';
import { assertDeterministic } from './laws.js';
import { checkProperty } from './replay.js';

/** The input as the source read it: every ingested event, in ingestion order. */
function ingested(trace: readonly TraceEvent[]): string {
  return JSON.stringify(trace.filter((e) => e.type === 'event-ingested'));
}

test('determinism: the same scenario and seed give a byte-identical report', (t) => {
  checkProperty(
    fc.property(scenarioArb({ pipeline: true }), (s) => {
      assertDeterministic(s);
    }),
    { file: import.meta.url, test: t },
  );
});

test('determinism: a generator input differs between seeds, and each seed reproduces its run', (t) => {
  checkProperty(
    fc.property(
      generatorScenarioArb(),
      fc.uniqueArray(seedArb(), { minLength: 2, maxLength: 2 }),
      (s, [a, b]) => {
        if (a === undefined || b === undefined) return;
        const reportA = assertDeterministic(s, a);
        const reportB = assertDeterministic(s, b);
        assert.notEqual(reportA, reportB, `seeds ${a} and ${b} gave the same report`);
        assert.notEqual(ingested(simulate(s, { seed: a }).run.trace), ingested(simulate(s, { seed: b }).run.trace), `seeds ${a} and ${b} drew the same input`);
      },
    ),
    { file: import.meta.url, test: t, runsFactor: 0.3 },
  );
});
