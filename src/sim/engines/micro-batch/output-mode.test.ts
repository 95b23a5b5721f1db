import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testScenario } from '../../truth/array-log.test-support.js';
import { completeTable, keepsLastRowPerWindow, operatorScenario, watermarkApplies } from './output-mode.js';

test('update mode: the operator emits the updated row per element (its Spark rule), and the batch keeps the last', () => {
  const s = testScenario({ semantics: 'spark', outputMode: 'update' });
  assert.equal(operatorScenario(s, 'update'), s);
  assert.equal(keepsLastRowPerWindow('update'), true);
  assert.equal(keepsLastRowPerWindow('append'), false);
});

test('append mode runs the scenario as it is; complete mode never lets the watermark evict', () => {
  const s = testScenario({ semantics: 'spark' });
  assert.equal(operatorScenario(s, 'append'), s);
  assert.equal(operatorScenario(s, 'complete').trigger.early, undefined);
  assert.equal(watermarkApplies('complete'), false);
  assert.equal(watermarkApplies('append'), true);
});

test('complete mode: one row per window in state with its whole aggregate, indexed by the batch id', () => {
  const entry = (key: string, start: number, sum: number, count: number) => ({
    key,
    keyGroup: 0,
    start,
    end: start + 10,
    total: { count, sum, min: 0, max: sum },
    pane: { count: 0, sum: 0, min: Infinity, max: -Infinity },
    maxEventTime: start + 1,
    maxIngestionTime: start + 2,
    paneMaxEventTime: -Infinity,
    paneMaxIngestionTime: -Infinity,
    nextIndex: 0,
    onTimePassed: false,
    lastEmitted: null,
    pendingRetractions: [],
    processingTimer: null,
  });
  const s = testScenario({ semantics: 'spark', aggregate: 'sum' });
  const rows = completeTable(s, [{ clock: 0, windows: [entry('a', 0, 7, 2)] }, { clock: 0, windows: [entry('b', 10, 3, 1)] }], 4, 1234, 15, (w) => w.end + 1);
  assert.deepEqual(
    rows.map((r) => [r.task, r.pane.key, r.pane.value, r.pane.index, r.pane.emittedAt, r.pane.timing]),
    [[0, 'a', 7, 4, 1234, 'LATE'], [1, 'b', 3, 4, 1234, 'EARLY']],
  );
});
