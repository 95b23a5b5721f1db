import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LATE_YAML, SCORES_YAML, timelineOf } from '../test-support.js';
import { jumpInSteps, neighbour, NO_CHECKPOINTS, NO_FAILURES, timelineNav } from './nav.js';
import { DEFAULT_SPEED_INDEX, initialState, reduce, SPEEDS, speedOf, type Action, type Nav, type UiState } from './state.js';

const size = { columns: 100, rows: 30 };

/** A nav over `total` steps with panes at the given steps and windows w0…w3 shown from step 1. */
function fakeNav(total: number, panes: number[] = []): Nav {
  const ids = ['w0', 'w1', 'w2', 'w3'];
  return {
    total,
    keys: ['a', 'b'],
    jump: (target, cursor, direction) => (target === 'pane' ? (jumpInSteps(panes, cursor, direction) ?? 'none') : `no ${target}s`),
    neighbourWindow: (cursor, current, delta) => neighbour(ids, () => cursor > 0, current === null ? undefined : ids.indexOf(current), delta),
  };
}

function run(nav: Nav, actions: Action[], from: UiState = initialState(nav, size)): UiState {
  return actions.reduce((s, a) => reduce(nav, s, a), from);
}

test('ticks turn real milliseconds into steps at the current speed, and stop at the end', () => {
  const nav = fakeNav(100);
  let s = run(nav, [{ type: 'play' }]);
  assert.equal(speedOf(s), SPEEDS[DEFAULT_SPEED_INDEX]);
  assert.equal(speedOf(s), 8);
  s = reduce(nav, s, { type: 'tick', elapsedMs: 100 });
  assert.equal(s.cursor, 0, '8 steps/s × 0.1 s = 0.8 steps: none yet');
  s = reduce(nav, s, { type: 'tick', elapsedMs: 50 });
  assert.equal(s.cursor, 1, 'the carry makes 1.2 steps: one');
  s = reduce(nav, s, { type: 'tick', elapsedMs: 1000 });
  assert.equal(s.cursor, 9);
  s = run(nav, [{ type: 'tick', elapsedMs: 60_000 }], s);
  assert.equal(s.cursor, 100);
  assert.equal(s.playing, false, 'playback stops at the end');
  assert.equal(reduce(nav, s, { type: 'tick', elapsedMs: 1000 }), s, 'a paused app ignores ticks');
});

test('play at the end starts again; step pauses; steps clamp to the run', () => {
  const nav = fakeNav(10);
  let s = run(nav, [{ type: 'jump', target: 'end', direction: 1 }, { type: 'toggle-play' }]);
  assert.equal(s.cursor, 0);
  assert.equal(s.playing, true);
  s = run(nav, [{ type: 'step', delta: 1 }], s);
  assert.deepEqual([s.cursor, s.playing], [1, false]);
  s = run(nav, [{ type: 'step', delta: -5 }], s);
  assert.equal(s.cursor, 0);
  s = run(nav, [{ type: 'step', delta: 50 }], s);
  assert.equal(s.cursor, 10);
  s = run(nav, [{ type: 'jump', target: 'start', direction: -1 }], s);
  assert.equal(s.cursor, 0);
});

test('step back returns exactly the earlier state of the view', () => {
  const nav = fakeNav(10);
  const at3 = run(nav, [{ type: 'step', delta: 1 }, { type: 'step', delta: 1 }, { type: 'step', delta: 1 }]);
  const back = run(nav, [{ type: 'step', delta: 1 }, { type: 'step', delta: -1 }], at3);
  assert.deepEqual(back, at3);
});

test('jumps land on the pane as the latest step, forward and back, and say when there is none', () => {
  const nav = fakeNav(20, [4, 9, 15]);
  let s = run(nav, [{ type: 'jump', target: 'pane', direction: 1 }]);
  assert.equal(s.cursor, 5, 'step 4 applied');
  s = run(nav, [{ type: 'jump', target: 'pane', direction: 1 }], s);
  assert.equal(s.cursor, 10);
  s = run(nav, [{ type: 'jump', target: 'pane', direction: -1 }], s);
  assert.equal(s.cursor, 5);
  s = run(nav, [{ type: 'jump', target: 'pane', direction: -1 }], s);
  assert.equal(s.cursor, 5);
  assert.equal(s.notice, 'none');
  s = run(nav, [{ type: 'jump', target: 'failure', direction: 1 }], s);
  assert.equal(s.notice, 'no failures');
  s = run(nav, [{ type: 'step', delta: 1 }], s);
  assert.equal(s.notice, null, 'the next key clears the notice');
});

test('speed stays within 1× and 1024×', () => {
  const nav = fakeNav(10);
  const up = run(nav, Array.from({ length: 20 }, () => ({ type: 'speed', delta: 1 }) as const));
  assert.equal(speedOf(up), 1024);
  const down = run(nav, Array.from({ length: 20 }, () => ({ type: 'speed', delta: -1 }) as const), up);
  assert.equal(speedOf(down), 1);
});

test('selection moves among shown windows; Escape clears it; k cycles the keys and back to all', () => {
  const nav = fakeNav(10);
  let s = run(nav, [{ type: 'select', delta: 1 }]);
  assert.equal(s.selected, null);
  assert.match(s.notice ?? '', /no windows yet/);
  s = run(nav, [{ type: 'step', delta: 1 }, { type: 'select', delta: 1 }, { type: 'select', delta: 1 }], s);
  assert.equal(s.selected, 'w1');
  s = run(nav, [{ type: 'select', delta: -1 }, { type: 'select', delta: -1 }], s);
  assert.equal(s.selected, 'w0', 'stays on the first');
  s = run(nav, [{ type: 'dismiss' }], s);
  assert.equal(s.selected, null);
  assert.equal(s.keyFilter, -1);
  s = run(nav, [{ type: 'cycle-key' }], s);
  assert.equal(s.keyFilter, 0);
  s = run(nav, [{ type: 'cycle-key' }, { type: 'cycle-key' }], s);
  assert.equal(s.keyFilter, -1);
});

test('the intro goes at the first key; help toggles, and any other key closes it and still acts', () => {
  const nav = fakeNav(10);
  let s = initialState(nav, size, { intro: true });
  assert.equal(s.overlay, 'intro');
  s = run(nav, [{ type: 'resize', size: { columns: 120, rows: 40 } }, { type: 'tick', elapsedMs: 10 }], s);
  assert.equal(s.overlay, 'intro', 'a resize or a tick is not a key');
  s = run(nav, [{ type: 'other-key' }], s);
  assert.equal(s.overlay, null);
  s = run(nav, [{ type: 'help' }], s);
  assert.equal(s.overlay, 'help');
  s = run(nav, [{ type: 'help' }], s);
  assert.equal(s.overlay, null);
  s = run(nav, [{ type: 'help' }, { type: 'step', delta: 1 }], s);
  assert.deepEqual([s.overlay, s.cursor], [null, 1]);
  s = run(nav, [{ type: 'help' }, { type: 'dismiss' }], s);
  assert.equal(s.overlay, null);
});

test('resize keeps the state when nothing changed; quit stops playback', () => {
  const nav = fakeNav(10);
  const s = initialState(nav, size);
  assert.equal(reduce(nav, s, { type: 'resize', size: { ...size } }), s);
  assert.deepEqual(reduce(nav, s, { type: 'resize', size: { columns: 81, rows: 24 } }).size, { columns: 81, rows: 24 });
  const quit = run(nav, [{ type: 'play' }, { type: 'quit' }]);
  assert.deepEqual([quit.quit, quit.playing], [true, false]);
});

test('one key is selected from the start when the run has only one', () => {
  const tl = timelineOf(SCORES_YAML);
  const nav = timelineNav(tl);
  assert.deepEqual(nav.keys, ['TeamX']);
  assert.equal(initialState(nav, size).keyFilter, 0);
});

test('the timeline nav jumps to real panes and says there are no failures or checkpoints', () => {
  const tl = timelineOf(LATE_YAML);
  const nav = timelineNav(tl);
  const first = nav.jump('pane', 0, 1);
  assert.equal(typeof first, 'number');
  assert.equal(tl.trace[(first as number) - 1]?.type, 'pane-fired');
  assert.equal(nav.jump('failure', 0, 1), NO_FAILURES);
  assert.equal(nav.jump('checkpoint', 0, 1), NO_CHECKPOINTS);
  const last = nav.jump('pane', tl.steps, -1);
  assert.equal(tl.trace[(last as number) - 1]?.type, 'pane-fired');
  const w = nav.neighbourWindow(tl.steps, null, 1);
  assert.equal(w, tl.rows[0]?.id);
});
