/**
 * Every event accounted for (STYLE.md, "Invariants live in checkers"): every event of the log is
 * ingested, none is unaccounted, and the outcomes add up to the number of events.
 */
import { test } from 'node:test';
import { rowsOf, scenarioArb } from './arbitraries.js';
import { assertEveryEventAccounted, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

test('accounting: windowed + filtered + late-dropped + side-output + mixed = events, none unaccounted', (t) => {
  checkProperty(
    runLaw(scenarioArb({ pipeline: true }), (r, s) => assertEveryEventAccounted(r.check, rowsOf(s).length)),
    { file: import.meta.url, test: t },
  );
});
