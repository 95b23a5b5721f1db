import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_YAML, LATE_YAML, SCORES_YAML, timelineOf } from '../test-support.js';
import { plotModel } from './plot-model.js';
import { niceStep, plotScale } from './plot/scale.js';
import { lineText, lineWidth } from './text.js';

const frame = (yaml: string, cursor: number | 'end', width: number, height: number, key: string | null) => {
  const tl = timelineOf(yaml);
  return plotModel(tl, cursor === 'end' ? tl.steps : cursor, { width, height, key, selected: null }).map(lineText);
};

test('late data under Flink, as Streaming Systems draws it: on time, late but allowed, dropped, the watermark and the panes', () => {
  assert.deepEqual(frame(LATE_YAML, 'end', 60, 16, 'A'), [
    'Event time → / processing time ↑ · key A · ● on time ▲ late…',
    '12:03:00▶┊                ┊                ┊       ┏━━━━━━━▶',
    '        │┊             ✕  ┊                ┊       ┃       ┊',
    '        │┊                ┏━━━━━━━━━━━━━━━━━━━━━━━━┛       ┊',
    '        │┊                ┃                ┊               ┊',
    '        │┊                ┃                ┊               ┊',
    '12:02:00┤┊                ┃                ┊               ┊',
    '        │┊                ┃                ┊               ┊',
    '        │┊                ┃                ┊               ┊',
    '        │┊────── 3 ─▲─────┃                ┊               ┊',
    '        │┊                ┃                ┊               ┊',
    '12:01:00┤┊══════ 1 ═══════┃                ┊               ┊',
    '        │┊                ┊                ┊               ┊',
    '        │┊ ●              ┊                ┊               ┊',
    '        └───────────────────────────────────────────────────',
    '         12:00:00         12:01:00         12:02:00 12:03:00',
  ]);
});

test('only what happened before the cursor is drawn', () => {
  const start = frame(LATE_YAML, 0, 60, 16, 'A');
  const grid = start.slice(1, -2).map((l) => l.slice(9));
  assert.ok(!grid.some((l) => /[●▲✕┃━═─┄]/.test(l)), start.join('\n'));
  const early = frame(LATE_YAML, 3, 60, 16, 'A')
    .slice(1, -2)
    .map((l) => l.slice(9))
    .join('\n');
  assert.equal(early.match(/●/g)?.length, 1, 'the first event of A, on time');
  assert.ok(!early.includes('✕'));
  assert.ok(!early.includes('┃'), 'no watermark yet');
});

test('the scores example: early and on-time panes with their values, the watermark at 12:02 from 12:06', () => {
  const f = frame(SCORES_YAML, 12, 60, 14, 'TeamX');
  assert.equal(f[8], '        │┊                        ┃┄┄┄┄┄┄┄┄┄┄ 7 ┄┄┄┄┄┄┄┄┄┄┄┊');
  assert.equal(f[9], '12:06:00┤┊══════════ 5 ═══════════┃                        ┊');
  assert.equal(f[1], '12:10:00▶┊                        ┃                        ┊');
});

test('with several keys, panes are marks, and a key filter draws one key', () => {
  const all = frame(LATE_YAML, 'end', 60, 16, null).join('\n');
  assert.match(all, /■/);
  assert.ok(!all.includes(' 10 '), 'no values when keys share a row');
  const b = frame(LATE_YAML, 'end', 60, 16, 'B').join('\n');
  assert.match(b, / 10 /);
  assert.ok(!b.includes('✕'), "A's dropped event is not B's");
});

test('the frame fills exactly the size it is given, and rescales', () => {
  const tl = timelineOf(GENERATED_YAML);
  for (const [w, h] of [
    [46, 13],
    [69, 29],
    [140, 50],
  ] as const) {
    const lines = plotModel(tl, tl.steps, { width: w, height: h, key: null, selected: null });
    assert.equal(lines.length, h);
    for (const l of lines) assert.equal(lineWidth(l), w);
  }
  const small = plotModel(tl, tl.steps, { width: 30, height: 5, key: null, selected: null }).map(lineText);
  assert.match(small[1] ?? '', /needs more room/);
});

test('the scale maps the run onto the grid: first time at the bottom, last at the top', () => {
  const tl = timelineOf(GENERATED_YAML);
  const scale = plotScale(tl, 50, 20);
  assert.equal(scale.row(tl.startAt), 19);
  assert.equal(scale.row(tl.endAt), 0);
  assert.equal(scale.col(scale.xMin), 0);
  assert.equal(scale.col(scale.xMax), 49);
  assert.equal(scale.xMin % 5000, 0, 'snapped to the 5 s windows');
});

test('nice tick spacing', () => {
  assert.equal(niceStep(300_000, 5), 60_000);
  assert.equal(niceStep(10_000, 4), 5000);
  assert.equal(niceStep(0, 4), 1);
});
