import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCORES_YAML, timelineOf } from '../test-support.js';
import { footerModel, headerModel, helpModel, introModel } from './chrome.js';
import { keyToAction, keysToActions } from './keys.js';
import { MIN_SIZE, compareLayout, runLayout, tooSmallText } from './layout.js';
import { timelineNav } from './nav.js';
import { initialState } from './state.js';
import { lineText } from './text.js';

test('the header names the scenario, its settings, and where playback stands', () => {
  const tl = timelineOf(SCORES_YAML);
  const state = { ...initialState(timelineNav(tl), { columns: 120, rows: 40 }), cursor: tl.steps };
  const [title, settings, status] = headerModel(tl, state, 120).map((l) => lineText(l).trimEnd());
  assert.equal(title, 'streamsim · scores — Fixed two-minute windows over team scores with a scripted watermark');
  assert.match(settings ?? '', /^beam · window tumbling 2m · sum · watermark scripted/);
  assert.equal(status, '⏸ paused (8×)  step 17/17  now 12:10:00  watermark +∞');
  // Right after the on-time pane, the watermark that made it fire is being applied.
  const fired = tl.trace.findIndex((e) => e.type === 'pane-fired' && e.pane.timing === 'ON_TIME');
  const during = headerModel(tl, { ...state, cursor: fired + 1 }, 120).map((l) => lineText(l).trimEnd());
  assert.match(during[2] ?? '', /watermark — → 12:02:00$/);
});

test('the footer and the help list the keys; the intro tells the story', () => {
  assert.match(lineText(footerModel(120)[0] ?? []), /^space play {2}←→ step {2}n pane .* q quit/);
  const help = helpModel(100, 20).map(lineText).join('\n');
  for (const key of ['space', '→ / ←', 'n / N', 'c / C', 'f / F', '+ / -', '?', 'q / Ctrl-C']) assert.ok(help.includes(key), key);
  const intro = introModel(timelineOf(SCORES_YAML), 100, 12).map((l) => lineText(l).trimEnd());
  assert.ok(intro.includes('  Two scores arrive for TeamX. An early trigger shows a speculative sum a minute after the first'), intro.join('\n'));
  assert.ok(intro.includes('  score; the watermark then closes each window.'));
  assert.ok(intro.includes('  Covers: event time, watermarks, early panes'));
});

test('keys map to actions; unbound keys only close overlays', () => {
  assert.deepEqual(keyToAction(' ', {}), { type: 'toggle-play' });
  assert.deepEqual(keyToAction('', { rightArrow: true }), { type: 'step', delta: 1 });
  assert.deepEqual(keyToAction('', { leftArrow: true }), { type: 'step', delta: -1 });
  assert.deepEqual(keyToAction('n', {}), { type: 'jump', target: 'pane', direction: 1 });
  assert.deepEqual(keyToAction('f', {}), { type: 'jump', target: 'failure', direction: 1 });
  assert.deepEqual(keyToAction('c', {}), { type: 'jump', target: 'checkpoint', direction: 1 });
  assert.deepEqual(keyToAction('+', {}), { type: 'speed', delta: 1 });
  assert.deepEqual(keyToAction('-', {}), { type: 'speed', delta: -1 });
  assert.deepEqual(keyToAction('', { downArrow: true }), { type: 'select', delta: 1 });
  assert.deepEqual(keyToAction('?', {}), { type: 'help' });
  assert.deepEqual(keyToAction('q', {}), { type: 'quit' });
  assert.deepEqual(keyToAction('x', {}), { type: 'other-key' });
  assert.equal(keyToAction('', {}), undefined);
  assert.deepEqual(keysToActions('nn', {}), [keyToAction('n', {}), keyToAction('n', {})], 'keys that arrive together are each a press');
  assert.deepEqual(keysToActions('', { upArrow: true }), [{ type: 'select', delta: -1 }]);
});

test('layouts: the panels share the terminal less one line; too small says what is needed', () => {
  const l = runLayout({ columns: 120, rows: 40 });
  assert.equal(l.kind, 'run');
  if (l.kind !== 'run') return;
  assert.equal(l.header.height + l.main.height + l.metrics.height + l.why.height + l.footer.height, 39);
  assert.equal(l.plot.width + 1 + l.windows.width, 120);
  assert.equal(l.windows.height + l.dataflow.height, l.main.height);
  const small = runLayout({ columns: 79, rows: 30 });
  assert.equal(small.kind, 'too-small');
  if (small.kind === 'too-small') assert.equal(tooSmallText(small)[0], 'streamsim needs a terminal of at least 80×24; this one is 79×30.');
  assert.equal(runLayout(MIN_SIZE).kind, 'run');
  assert.equal(compareLayout({ columns: 115, rows: 30 }, 3).kind, 'too-small');
  const c = compareLayout({ columns: 120, rows: 40 }, 3);
  assert.equal(c.kind, 'compare');
  if (c.kind === 'compare') assert.equal(c.column.width * 3 + 2, 119);
});
