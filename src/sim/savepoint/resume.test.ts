import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../report/simulate.js';
import { operatorIndexFor } from '../operators/key-groups.js';
import type { WindowEntry } from '../operators/window-snapshot.js';
import { decodeSavepoint } from './decode.js';
import { restoredWindows } from './document.js';
import { encodeSavepoint } from './encode.js';
import { heldBeforeSavepoint, startPointOf, summarizeResume } from './resume.js';
import { job, takenSavepoint } from './savepoint.test-support.js';

const MINUTE_12 = 12 * 3_600_000;

describe('resuming from a savepoint', () => {
  const doc = decodeSavepoint(encodeSavepoint(takenSavepoint()), 'sp.json').document;

  it('starts at the saved offsets with the saved windows, when the savepoint was taken', () => {
    const start = startPointOf(doc);
    assert.deepEqual(start.offsets, [{ partition: 0, offset: 5 }]);
    assert.equal(start.operator?.windows.length, 3);
    assert.equal(start.operator?.clock, MINUTE_12 + 60_000);
    assert.equal(start.resumeAtMs, MINUTE_12 + 105_000);
  });

  it('an upgraded job (lateness 2m, three window tasks) owns the open windows and ends them exact', () => {
    const upgraded = job({ allowedLateness: '2m', parallelism: '{ source: 1, window: 3 }' });
    const checked = simulate(upgraded, { fromSavepoint: startPointOf(doc) });
    const panes = checked.run.panes.map((p) => `${p.key} ${p.timing} ${p.value}`);
    // TeamB's 2 at 12:01:58 arrives after the watermark passed 12:02:00: the old job dropped it, the new one keeps it.
    assert.deepEqual([...panes].sort(), ['TeamA ON_TIME 12', 'TeamB LATE 8', 'TeamB ON_TIME 6', 'TeamC ON_TIME 1']);
    const first = checked.run.trace[0];
    assert.ok(first && first.at >= MINUTE_12 + 105_000, 'nothing happens before the savepoint was taken');
    const summary = summarizeResume(doc, checked);
    assert.deepEqual(summary.windows, { earlierJob: 2, restored: 3, resumed: 0 });
    assert.equal(summary.ownedCorrect, 3);
    assert.deepEqual(summary.differing, []);
    assert.equal(summary.eventsBefore, 5);
    assert.equal(summary.eventsAfter, 2);
  });

  it('restores each window on the task that owns its key group at the new parallelism', () => {
    const upgraded = job({ parallelism: '{ source: 1, window: 3 }' });
    const checked = simulate(upgraded, { fromSavepoint: startPointOf(doc) });
    for (const e of checked.run.trace) {
      if (e.type !== 'pane-fired') continue;
      const entry = restoredWindows(doc).find((w) => w.key === e.pane.key && w.start === e.pane.window.start);
      if (entry) assert.equal(e.task, operatorIndexFor(entry.keyGroup, 3), `${e.pane.key} on task ${e.task}`);
    }
  });

  it('without a change, a window whose late data the job drops ends short, and the verdict says so', () => {
    const checked = simulate(job(), { fromSavepoint: startPointOf(doc) });
    const summary = summarizeResume(doc, checked);
    assert.equal(summary.ownedCorrect, 2);
    assert.deepEqual(
      summary.differing.map((d) => [d.key, d.truthValue, d.finalValue, d.owner]),
      [['TeamB', 8, 6, 'restored']],
    );
  });
});

describe('what a reader held for a restored window', () => {
  const entry: WindowEntry = {
    key: 'k',
    keyGroup: 0,
    start: 0,
    end: 60_000,
    total: { count: 3, sum: 10, min: 1, max: 5 },
    pane: { count: 1, sum: 4, min: 4, max: 4 },
    maxEventTime: 50_000,
    maxIngestionTime: 50_000,
    paneMaxEventTime: 50_000,
    paneMaxIngestionTime: 50_000,
    nextIndex: 1,
    onTimePassed: false,
    lastEmitted: { window: { start: 0, end: 60_000 }, value: 6, count: 2, index: 0 },
    pendingRetractions: [],
    processingTimer: null,
  };

  it('accumulating: the last pane', () => {
    assert.deepEqual(heldBeforeSavepoint(entry, job()), { value: 6, weighted: 0, count: 0 });
  });

  it('discarding: the panes added up, the total less the pending pane', () => {
    assert.deepEqual(heldBeforeSavepoint(entry, job({ accumulation: 'discarding' })), { value: 6, weighted: 6, count: 2 });
    assert.deepEqual(heldBeforeSavepoint(entry, job({ accumulation: 'discarding', aggregate: 'avg' })), { value: 3, weighted: 6, count: 2 });
  });

  it('nothing, for a window that never fired', () => {
    assert.equal(heldBeforeSavepoint({ ...entry, nextIndex: 0, lastEmitted: null }, job()), undefined);
  });
});
