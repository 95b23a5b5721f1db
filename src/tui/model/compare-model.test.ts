import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LATE_YAML, SCORES_YAML, checkedOf } from '../test-support.js';
import { buildComparison, compareNav, runCursors, sharedClock } from './compare-model.js';

const beam = LATE_YAML.replace('semantics: flink', 'semantics: beam');
const runs = () => [
  { label: 'flink', checked: checkedOf(LATE_YAML) },
  { label: 'beam', checked: checkedOf(beam) },
];

test('one shared clock: each run shows every entry at or before it', () => {
  const c = buildComparison(runs());
  assert.ok(c.times.length > 0);
  for (let i = 1; i < c.times.length; i++) assert.ok((c.times[i] as number) > (c.times[i - 1] as number));
  assert.deepEqual(runCursors(c, 0), [0, 0]);
  assert.deepEqual(
    runCursors(c, c.times.length),
    c.runs.map((r) => r.timeline.steps),
  );
  for (let p = 1; p <= c.times.length; p++) {
    const t = sharedClock(c, p);
    runCursors(c, p).forEach((cursor, k) => {
      const tl = c.runs[k]?.timeline;
      assert.ok(tl);
      if (cursor > 0) assert.ok((tl.ats[cursor - 1] as number) <= t);
      if (cursor < tl.steps) assert.ok((tl.ats[cursor] as number) > t);
    });
  }
});

test('jumps go to the next pane of any run; windows and keys are the union', () => {
  const c = buildComparison([...runs(), { label: 'scores', checked: checkedOf(SCORES_YAML) }]);
  const nav = compareNav(c);
  assert.deepEqual(nav.keys, ['A', 'B', 'TeamX']);
  const p = nav.jump('pane', 0, 1);
  assert.equal(typeof p, 'number');
  const cursors = runCursors(c, p as number);
  assert.ok(c.runs.some((r, k) => r.timeline.trace[(cursors[k] ?? 0) - 1]?.type === 'pane-fired' || r.timeline.kinds.panes.some((s) => s < (cursors[k] ?? 0))));
  assert.match(String(nav.jump('failure', 0, 1)), /no failures in these runs/);
  assert.equal(nav.neighbourWindow(0, null, 1), null);
  assert.equal(nav.neighbourWindow(c.times.length, null, 1), c.rowIds[0]);
});
