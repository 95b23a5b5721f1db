/**
 * Pane metadata follows Beam's PaneInfo (SEMANTICS.md, "Beam triggers"): per key and fixed
 * window, value panes are numbered 0, 1, 2 … in emission order; their timings run EARLY*, at most
 * one ON_TIME, then LATE*; nothing follows a pane marked isLast. Each pane's elements lie in its
 * window and were ingested before it left. A retraction (accumulating & retracting) withdraws
 * exactly the last value the reader holds for its key and window, under that pane's index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane, PaneTiming } from '../src/sim/model/pane.js';
import { scenarioArb } from './arbitraries.js';
import { panesByResult, resultId, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

const PHASE: Record<PaneTiming, number> = { EARLY: 0, ON_TIME: 1, LATE: 2 };

function assertPaneSequence(id: string, panes: readonly Pane[]): void {
  const values = panes.filter((p) => p.retraction !== true);
  values.forEach((p, i) => {
    assert.equal(p.index, i, `${id}: value pane ${i} has index ${p.index}`);
    const before = values[i - 1];
    if (before === undefined) return;
    assert.ok(PHASE[before.timing] <= PHASE[p.timing], `${id}: ${p.timing} pane #${p.index} after ${before.timing}`);
    assert.ok(!(before.timing === 'ON_TIME' && p.timing === 'ON_TIME'), `${id}: two ON_TIME panes`);
    assert.ok(!before.isLast, `${id}: pane #${p.index} after the pane marked last`);
  });
}

function assertPaneContents(p: Pane, fixed: boolean): void {
  if (p.count === 0 || p.retraction === true) return;
  const id = resultId(p.key, p.window);
  assert.ok(p.emittedAt >= p.maxIngestionTime, `${id} pane #${p.index} left at ${p.emittedAt}, before its element ingested at ${p.maxIngestionTime}`);
  if (fixed) assert.ok(p.window.start <= p.maxEventTime && p.maxEventTime < p.window.end, `${id} pane #${p.index} holds an element at ${p.maxEventTime}`);
}

/** Each retraction withdraws the value the reader holds for its (key, window), once. */
function assertRetractions(panes: readonly Pane[]): void {
  const held = new Map<string, Pane>();
  for (const p of panes) {
    const id = resultId(p.key, p.window);
    if (p.retraction !== true) {
      held.set(id, p);
      continue;
    }
    const last = held.get(id);
    assert.ok(last !== undefined, `${id}: retraction of pane #${p.index}, but nothing is held`);
    assert.deepEqual({ index: p.index, value: p.value, count: p.count }, { index: last.index, value: last.value, count: last.count }, `${id}: the retraction does not match the value held`);
    held.delete(id);
  }
}

test('panes: indexes, timings and isLast per fixed window; contents within the window; retractions match', (t) => {
  checkProperty(
    runLaw(scenarioArb(), ({ run }, s) => {
      const fixed = s.window.type !== 'session';
      if (fixed) for (const [id, panes] of panesByResult(run.panes)) assertPaneSequence(id, panes);
      for (const p of run.panes) assertPaneContents(p, fixed);
      if (s.accumulation === 'accumulating-retracting') assertRetractions(run.panes);
      else assert.equal(run.panes.filter((p) => p.retraction === true).length, 0, 'retractions outside accumulating & retracting');
    }),
    { file: import.meta.url, test: t },
  );
});
