/**
 * Accumulation modes (SEMANTICS.md; Streaming Systems ch. 2) change what each pane carries, never
 * what the reader ends with. The same scenario (count or sum, any trigger and lateness, Flink or
 * Beam rules) is run in all three modes:
 * - discarding: per (key, window), the panes add up to the last accumulating pane;
 * - accumulating & retracting: per (key, window), the panes with retractions negated add up to the
 *   last value pane, which is the last accumulating pane.
 * Session windows merge, so a pane can belong to a window that later disappears; for them the
 * comparison is per key, over the results a retracting reader still holds at the end.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import type { Pane } from '../src/sim/model/pane.js';
import { simulate } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { scenarioArb, withSettings } from './arbitraries.js';
import { assertSameResults, heldAtEnd, lastValues, signedSums } from './laws.js';
import { checkProperty } from './replay.js';

const additive = { semantics: ['flink', 'beam'], aggregates: ['sum', 'count'] } as const;

function panesIn(s: Scenario, accumulation: Scenario['accumulation']): readonly Pane[] {
  return simulate(withSettings(s, { accumulation })).run.panes;
}

/** Σ of values per key, over a map keyed by resultId. */
function perKey(results: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, v] of results) {
    const key = id.slice(0, id.indexOf('@'));
    out.set(key, (out.get(key) ?? 0) + v);
  }
  return out;
}

test('accumulation: per (key, window) of fixed windows, discarding panes and signed retracting panes add up to the last accumulating pane', (t) => {
  checkProperty(
    fc.property(scenarioArb({ ...additive, windows: ['tumbling', 'sliding', 'global'] }), (s) => {
      const accumulating = lastValues(panesIn(s, 'accumulating'));
      const discarding = signedSums(panesIn(s, 'discarding'));
      assertSameResults(s.aggregate, discarding, accumulating, 'Σ discarding panes vs the last accumulating pane');
      const retractingPanes = panesIn(s, 'accumulating-retracting');
      assertSameResults(s.aggregate, signedSums(retractingPanes), lastValues(retractingPanes), 'Σ signed retracting panes vs the last value pane');
      assertSameResults(s.aggregate, lastValues(retractingPanes), accumulating, 'last retracting value pane vs the last accumulating pane');
    }),
    { file: import.meta.url, test: t },
  );
});

test('accumulation: per key of session windows, discarding panes add up to what a retracting reader holds at the end', (t) => {
  checkProperty(
    fc.property(scenarioArb({ ...additive, windows: ['session'] }), (s) => {
      const retractingPanes = panesIn(s, 'accumulating-retracting');
      const held = heldAtEnd(retractingPanes);
      assertSameResults(s.aggregate, perKey(signedSums(retractingPanes)), perKey(held), 'per key: Σ signed retracting panes vs the values held at the end');
      assertSameResults(s.aggregate, perKey(signedSums(panesIn(s, 'discarding'))), perKey(held), 'per key: Σ discarding panes vs the retracting values held at the end');
    }),
    { file: import.meta.url, test: t },
  );
});
