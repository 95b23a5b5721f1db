import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_YAML, LATE_YAML, SCORES_YAML, checkedOf } from '../test-support.js';
import { queuedAt } from './dataflow-model.js';
import { ledgerAt } from './metrics-model.js';
import { buildTimeline } from './timeline.js';
import { clockAt, fateAt, rowStatusAt, valueAt } from './timeline/lookups.js';

test('every trace entry is a step, in processing-time order', () => {
  for (const yaml of [SCORES_YAML, LATE_YAML, GENERATED_YAML]) {
    const checked = checkedOf(yaml);
    const tl = buildTimeline(checked);
    assert.equal(tl.steps, checked.run.trace.length);
    for (let i = 1; i < tl.steps; i++) assert.ok((tl.ats[i] as number) >= (tl.ats[i - 1] as number), `at of step ${i} goes back`);
    assert.equal(clockAt(tl, 0), tl.startAt);
    assert.equal(clockAt(tl, tl.steps), tl.endAt);
  }
});

test('points take the fate the trace gives them, and only once it has', () => {
  const tl = buildTimeline(checkedOf(LATE_YAML));
  const byValue = new Map(tl.points.map((p) => [`${p.key}${p.eventTime}`, p]));
  const a1 = tl.points.find((p) => p.key === 'A' && p.fates.some((f) => f.fate === 'on-time'));
  const allowed = tl.points.find((p) => p.fates.some((f) => f.fate === 'late-allowed'));
  const dropped = tl.points.find((p) => p.fates.some((f) => f.fate === 'dropped'));
  assert.ok(a1 && allowed && dropped, [...byValue.keys()].join(','));
  const fate = dropped.fates[0];
  assert.ok(fate !== undefined);
  assert.equal(fateAt(dropped, dropped.step + 1), fate.step > dropped.step ? 'in-flight' : 'dropped');
  assert.equal(fateAt(dropped, fate.step + 1), 'dropped');
  assert.equal(fateAt(allowed, tl.steps), 'late-allowed');
});

test('at the end the ledger agrees with the checkers', () => {
  for (const yaml of [SCORES_YAML, LATE_YAML, GENERATED_YAML]) {
    const checked = checkedOf(yaml);
    const tl = buildTimeline(checked);
    const s = checked.check.summary;
    const l = ledgerAt(tl, tl.steps);
    assert.equal(l.windows.exact, s.finalCorrect, 'exact = final results correct');
    assert.equal(l.windows.differs, s.incomplete, 'differs = incomplete');
    assert.equal(l.windows.pending, s.missing, 'pending at the end = missing');
    assert.equal(l.panes.correct, s.correct);
    assert.equal(l.panes.partial, s.partial);
    assert.equal(l.panes.duplicated, s.duplicated);
    // The incremental ledger agrees with the per-row status at every cursor.
    for (const cursor of [0, Math.floor(tl.steps / 3), Math.floor(tl.steps / 2), tl.steps]) {
      const counts = { pending: 0, exact: 0, differs: 0, extra: 0 };
      for (const row of tl.rows) {
        const status = rowStatusAt(tl, row, cursor);
        if (status !== undefined) counts[status]++;
      }
      const at = ledgerAt(tl, cursor).windows;
      assert.deepEqual({ ...at }, counts, `cursor ${cursor}`);
    }
  }
});

test('channels never hold a negative number of records, and are empty at the end', () => {
  const tl = buildTimeline(checkedOf(GENERATED_YAML));
  assert.ok(tl.topology.channels.length > 0);
  for (const ch of tl.topology.channels) {
    for (let c = 0; c <= tl.steps; c += 7) assert.ok(queuedAt(ch, c) >= 0);
    assert.equal(queuedAt(ch, tl.steps), 0);
    assert.ok(ch.maxQueued >= 0);
  }
});

test('the plotted watermark never goes back, and each task has a series', () => {
  const tl = buildTimeline(checkedOf(GENERATED_YAML));
  const v = tl.operatorMin.values;
  for (let i = 1; i < v.length; i++) assert.ok((v[i] as number) >= (v[i - 1] as number));
  assert.deepEqual(tl.topology.windowTasks, [0, 1]);
  assert.deepEqual(tl.topology.sourceTasks, [0, 1]);
  assert.deepEqual(tl.topology.partitions, [0, 1, 2, 3]);
  assert.equal(valueAt(tl.watermarks.get('operator:0'), 0), undefined);
  assert.ok(valueAt(tl.watermarks.get('operator:0'), tl.steps) !== undefined);
});

test('rows are sorted by key and window, and truth windows appear once their events are read', () => {
  const tl = buildTimeline(checkedOf(SCORES_YAML));
  const generated = buildTimeline(checkedOf(GENERATED_YAML));
  for (let i = 1; i < generated.rows.length; i++) {
    const a = generated.rows[i - 1];
    const b = generated.rows[i];
    assert.ok(a && b);
    assert.ok(a.key < b.key || (a.key === b.key && a.window.start < b.window.start), `${a.id} before ${b.id}`);
    assert.equal(generated.rowById.get(b.id), i);
  }
  assert.equal(tl.rows.length, 2);
  const [first, second] = tl.rows;
  assert.ok(first && second);
  assert.ok(first.window.start < second.window.start);
  assert.equal(first.firstSeenStep, 0, 'the first event is read at step 0');
  assert.ok(second.firstSeenStep > first.firstSeenStep);
  assert.equal(rowStatusAt(tl, second, first.firstSeenStep + 1), undefined);
});
