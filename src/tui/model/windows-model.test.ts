import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LATE_YAML, SCORES_YAML, checkedOf, timelineOf } from '../test-support.js';
import { buildTimeline } from './timeline.js';
import { compactWindow } from './format.js';
import { activeWindowId, visibleRows, windowsModel } from './windows-model.js';
import { lineText } from './text.js';

const frame = (yaml: string, cursor: number | 'end', o: { width?: number; height?: number; selected?: string | null; key?: string | null } = {}) => {
  const tl = timelineOf(yaml);
  return windowsModel(tl, cursor === 'end' ? tl.steps : cursor, { width: o.width ?? 50, height: o.height ?? 5, selected: o.selected ?? null, key: o.key ?? null }).map(lineText);
};

test('each window with its panes, what the reader holds, and the exact answer, marked where they differ', () => {
  assert.deepEqual(frame(LATE_YAML, 'end'), [
    'Windows · 2 so far · panes beside the exact answer',
    '  key window      panes              holds   exact',
    '  A   12:00–12:01 O1 L3 ✕1               3 ≠ 7    ',
    '  B   12:00–12:01 O10                   10 ✓ 10   ',
    '                                                  ',
  ]);
});

test('the scores example, window by window as the cursor moves', () => {
  const tl = timelineOf(SCORES_YAML);
  const at = (c: number) => windowsModel(tl, c, { width: 50, height: 4, selected: null, key: null }).map(lineText).slice(2);
  assert.deepEqual(at(0), ['  (nothing yet: step forward with →)              ', '                                                  ']);
  // After the first event is read, its window is pending: no pane yet.
  assert.match(at(1)[0] ?? '', /TeamX 12:00–12:02 +— … 5/);
  assert.match(at(tl.steps)[0] ?? '', /TeamX 12:00–12:02 E5 O5 +5 ✓ 5/);
  assert.match(at(tl.steps)[1] ?? '', /TeamX 12:02–12:04 E7 O7 +7 ✓ 7/);
});

test('a window still pending at the end is missing', () => {
  // Spark in append mode never closes the last windows of a finite input (SEMANTICS.md).
  const spark = `
semantics: spark
input:
  timeline:
    - { at: "12:00:30", events: [{ key: A, value: 1, eventTime: "12:00:10" }] }
    - { at: "12:01:30", events: [{ key: A, value: 2, eventTime: "12:01:10" }] }
window: { type: tumbling, size: 1m }
watermark: { type: bounded-out-of-orderness, maxDelay: 0 }
`;
  const tl = buildTimeline(checkedOf(spark));
  const lines = windowsModel(tl, tl.steps, { width: 50, height: 5, selected: null, key: null }).map(lineText);
  assert.ok(lines.some((l) => l.includes('✗')), lines.join('\n'));
  assert.ok(!windowsModel(tl, tl.steps - 1, { width: 50, height: 5, selected: null, key: null }).map(lineText).some((l) => l.includes('✗')), 'before the end it is only pending');
});

test('the selected window is marked, the key filter keeps one key, and the list scrolls to the selection', () => {
  const tl = timelineOf(LATE_YAML);
  const b = tl.rows[1]?.id ?? '';
  const lines = windowsModel(tl, tl.steps, { width: 50, height: 5, selected: b, key: null }).map(lineText);
  assert.match(lines[3] ?? '', /^▶ B/);
  const onlyB = windowsModel(tl, tl.steps, { width: 50, height: 5, selected: null, key: 'B' }).map(lineText);
  assert.equal(onlyB.filter((l) => /^ {2}A /.test(l)).length, 0);
  assert.match(onlyB[0] ?? '', /1 so far · key B/);
  const short = windowsModel(tl, tl.steps, { width: 50, height: 3, selected: b, key: null }).map(lineText);
  assert.match(short[2] ?? '', /^▶ B/, 'one row of room shows the selected one');
});

test('the window the latest step touched is followed and marked', () => {
  const tl = timelineOf(LATE_YAML);
  const late = tl.trace.findIndex((e) => e.type === 'event-late');
  assert.equal(activeWindowId(tl, late + 1), tl.rows[0]?.id);
  assert.match(windowsModel(tl, late + 1, { width: 50, height: 5, selected: null, key: null }).map(lineText)[2] ?? '', /^› A/);
  assert.equal(visibleRows(tl, 0, null).length, 0);
});

test('compact windows', () => {
  assert.equal(compactWindow({ start: 43_200_000, end: 43_320_000 }), '12:00–12:02');
  assert.equal(compactWindow({ start: 1000, end: 6500 }), '00:00:01–00:00:06.500');
  assert.equal(compactWindow({ start: -Infinity, end: Infinity }), 'global');
});
