import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { restoredStartOf, simulate } from '../report/simulate.js';
import { decodeSavepoint } from '../savepoint/decode.js';
import { encodeSavepoint } from '../savepoint/encode.js';
import { startPointOf, summarizeResume } from '../savepoint/resume.js';
import { job, takenSavepoint } from '../savepoint/savepoint.test-support.js';
import { Accumulator } from '../truth/aggregate.js';
import { keyWindowId } from '../truth/ids.js';
import { closedBeforeSavepoint, readByEarlierJob, restoredContents } from './restored-start.js';

const MINUTE_12 = 12 * 3_600_000;
const doc = decodeSavepoint(encodeSavepoint(takenSavepoint()), 'sp.json').document;
const minute = (m: number) => ({ start: MINUTE_12 + m * 60_000, end: MINUTE_12 + (m + 1) * 60_000 });

describe('a run resumed from a savepoint, checked with what it restored', () => {
  const upgraded = job({ allowedLateness: '2m' });

  it('judges restored windows with their saved contents: no wrong pane, the early ON_TIME pane is partial', () => {
    const checked = simulate(upgraded, { fromSavepoint: startPointOf(doc) });
    const verdicts = checked.check.panes.map((v) => `${v.pane.key} ${v.pane.timing} ${v.pane.value} ${v.verdict}`).sort();
    // TeamB's window held the 6 read before the savepoint; its ON_TIME pane is right for what it held, the LATE one exact.
    assert.deepEqual(verdicts, ['TeamA ON_TIME 12 correct', 'TeamB LATE 8 correct', 'TeamB ON_TIME 6 partial', 'TeamC ON_TIME 1 correct']);
    assert.equal(checked.check.ok, true);
  });

  it('reports the windows that closed before the savepoint as the earlier job’s, not missing', () => {
    const checked = simulate(upgraded, { fromSavepoint: startPointOf(doc) });
    const s = checked.check.summary;
    assert.equal(s.missing, 0);
    assert.equal(s.closedBeforeSavepoint, 2);
    assert.deepEqual(checked.check.closedBeforeSavepoint.map((m) => `${m.key} ${m.truthValue}`), ['TeamA 3', 'TeamB 4']);
    // Agrees with the resume verdict: every window this job owns ends exact.
    const summary = summarizeResume(doc, checked);
    assert.equal(s.finalCorrect, summary.ownedCorrect);
    assert.equal(s.closedBeforeSavepoint, summary.windows.earlierJob);
  });

  it('still fails a resumed job that ends a window short: the unchanged job drops the late 2', () => {
    const checked = simulate(job(), { fromSavepoint: startPointOf(doc) });
    assert.deepEqual(checked.check.incomplete.map((m) => [m.key, m.truthValue, m.finalValue]), [['TeamB', 8, 6]]);
    assert.equal(checked.check.summary.missing, 0);
  });

  it('works out restored contents from the events before the offsets, and falls back to the saved accumulator when they disagree', () => {
    const checked = simulate(upgraded, { fromSavepoint: startPointOf(doc) });
    const start = restoredStartOf(upgraded, startPointOf(doc));
    assert.ok(start !== undefined);
    assert.equal(readByEarlierJob(start, { partition: 0, offset: 4 }), true);
    assert.equal(readByEarlierJob(start, { partition: 0, offset: 5 }), false);
    const contents = restoredContents(start, checked.truth);
    assert.equal(contents.get(keyWindowId('TeamB', minute(1)))?.sum, 6);
    assert.equal(contents.get(keyWindowId('TeamA', minute(1)))?.sum, 5);
    // A saved accumulator that counts an event the log does not show before the offsets: the savepoint's word stands.
    const id = keyWindowId('TeamB', minute(1));
    const teamB = start.windows.get(id);
    assert.ok(teamB !== undefined);
    const odd = { ...start, windows: new Map([[id, { ...teamB, contents: new Accumulator().add(6).add(1) }]]) };
    assert.equal(restoredContents(odd, checked.truth).get(id)?.sum, 7);
    assert.equal(closedBeforeSavepoint(start, 'TeamA', minute(0), [{ partition: 0, offset: 0 }]), true);
    assert.equal(closedBeforeSavepoint(start, 'TeamB', minute(1), [{ partition: 0, offset: 3 }]), false, 'restored');
    assert.equal(closedBeforeSavepoint(start, 'TeamC', minute(2), [{ partition: 0, offset: 6 }]), false, 'read here');
  });
});
