import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { RunApp } from './app.js';
import { createTheme, ThemeContext } from './components/theme.js';
import { manualTicks } from './playback.js';
import { LATE_YAML, SCORES_YAML, settle, timelineOf } from './test-support.js';

const size = { columns: 100, rows: 30 };
const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';
const DOWN = '\u001B[B';
const ESC = '\u001B';

async function open(yaml: string, props: { size?: { columns: number; rows: number } } = {}) {
  const timeline = timelineOf(yaml);
  const ticks = manualTicks();
  const app = render(<RunApp timeline={timeline} size={props.size ?? size} ticks={ticks} />);
  await settle();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await settle();
    }
    return frame();
  };
  const frame = () => app.lastFrame() ?? '';
  const line = (pattern: RegExp) => frame().split('\n').find((l) => pattern.test(l)) ?? '';
  return { app, timeline, ticks, press, frame, line };
}

test('the intro tells the story until a key is pressed; that key does nothing else', async () => {
  const ui = await open(SCORES_YAML);
  assert.match(ui.frame(), /Two scores arrive for TeamX/);
  assert.match(ui.frame(), /Press any key to begin/);
  const after = await ui.press('x');
  assert.ok(!after.includes('Two scores arrive'));
  assert.match(ui.line(/paused/), /step 0\/17/);
  assert.match(after, /Event time → \/ processing time ↑/);
  ui.app.unmount();
});

test('→ steps forward and ← steps back to exactly the same frame', async () => {
  const ui = await open(SCORES_YAML);
  await ui.press('x', RIGHT);
  const one = ui.frame();
  assert.match(ui.line(/paused/), /step 1\/17 {2}now 12:04:59/);
  assert.match(one, /Why · step 1 · ingested TeamX = 5 \(event time 12:00:26\)/);
  assert.match(one, /○/, 'the event is in flight');
  await ui.press(RIGHT);
  assert.match(ui.frame(), /●/, 'the window operator took it on time');
  assert.match(ui.line(/Why/), /on time: watermark -∞ has not passed window end 12:02:00/);
  assert.equal(await ui.press(LEFT), one);
  ui.app.unmount();
});

test('space plays at the chosen speed as ticks arrive, and pauses', async () => {
  const ui = await open(SCORES_YAML);
  await ui.press('x', ' ');
  assert.match(ui.line(/playing/), /▶ playing 8× {2}step 0\/17/);
  assert.ok(ui.ticks.listening);
  ui.ticks.tick(500);
  await settle();
  assert.match(ui.line(/playing/), /step 4\/17/);
  await ui.press('+');
  assert.match(ui.line(/playing/), /▶ playing 16×/);
  ui.ticks.tick(1000);
  await settle();
  assert.match(ui.line(/paused/), /⏸ paused \(16×\) {2}step 17\/17 {2}now 12:10:00/, 'stops at the end');
  assert.ok(!ui.ticks.listening, 'the controller stopped ticking');
  ui.app.unmount();
});

test('n jumps to the next pane, and the why line explains it', async () => {
  const ui = await open(SCORES_YAML);
  await ui.press('x', 'n');
  assert.match(ui.line(/Why/), /EARLY at 12:05:59: the early trigger \(1m after the first element\) fired/);
  await ui.press('n');
  assert.match(ui.line(/Why/), /ON_TIME: watermark 12:02:00 passed window end 12:02:00 at 12:06:00/);
  assert.match(ui.frame(), /TeamX 12:00–12:02 E5 O5 +5 ✓ 5/);
  ui.app.unmount();
});

test('f and c say honestly that the run has no failures or checkpoints', async () => {
  const ui = await open(SCORES_YAML);
  await ui.press('x', 'f');
  assert.match(ui.line(/paused/), /no failures in this run/);
  await ui.press('c');
  assert.match(ui.line(/paused/), /no checkpoints in this run/);
  assert.match(ui.frame(), /checkpoints: none in this run/);
  ui.app.unmount();
});

test('↓ selects a window: it is marked, its range is marked on the axis, and the why line explains it; Esc clears', async () => {
  const ui = await open(LATE_YAML);
  await ui.press('G', DOWN);
  assert.match(ui.frame(), /▶ A +12:00–12:01 O1 L3 ✕1/);
  assert.match(ui.line(/Why/), /^Why · A 12:00–12:01 · late, dropped: window end 12:01:00 − 1 ms \+ lateness 1m/);
  assert.match(ui.line(/└/), /━/);
  await ui.press(DOWN);
  assert.match(ui.frame(), /▶ B +12:00–12:01 O10/);
  await ui.press(ESC);
  assert.ok(!ui.frame().includes('▶ B'));
  assert.match(ui.line(/Why/), /^Why · step 23 · /);
  ui.app.unmount();
});

test('k plots one key at a time, then every key again', async () => {
  const ui = await open(LATE_YAML);
  await ui.press('G');
  assert.match(ui.frame(), /all 2 keys/);
  await ui.press('k');
  assert.match(ui.frame(), /· key A ·/);
  await ui.press('k', 'k');
  assert.match(ui.frame(), /all 2 keys/);
  ui.app.unmount();
});

test('? shows the help, any key closes it', async () => {
  const ui = await open(LATE_YAML);
  await ui.press('?');
  assert.match(ui.frame(), /Keys/);
  assert.match(ui.frame(), /one step forward \/ back \(back replays the deterministic trace\)/);
  await ui.press('?');
  assert.ok(!ui.frame().includes('one step forward / back'));
  await ui.press('?', RIGHT);
  assert.ok(!ui.frame().includes('one step forward / back'));
  assert.match(ui.line(/paused/), /step 1\//);
  ui.app.unmount();
});

test('q quits: the app unmounts and stops listening to the keyboard', async () => {
  const ui = await open(LATE_YAML);
  assert.ok(ui.app.stdin.listenerCount('readable') > 0);
  await ui.press('q');
  assert.equal(ui.app.stdin.listenerCount('readable'), 0);
});

test('a terminal smaller than 80×24 gets a clear message with the size needed', async () => {
  const ui = await open(LATE_YAML, { size: { columns: 70, rows: 20 } });
  assert.equal(
    ui.frame(),
    ['streamsim needs a terminal of at least 80×24; this one is 70×20.', 'Enlarge the window, or run with --no-tui for the plain report.', 'q quits.'].join('\n'),
  );
  ui.app.unmount();
});

test('the layout follows the size it is given', async () => {
  const timeline = timelineOf(LATE_YAML);
  const app = render(<RunApp timeline={timeline} size={{ columns: 80, rows: 24 }} ticks={manualTicks()} cursor={timeline.steps} />);
  await settle();
  const small = (app.lastFrame() ?? '').split('\n');
  assert.equal(small.length, 23, 'one line less than the terminal');
  assert.ok(small.every((l) => [...l].length <= 80));
  app.rerender(<RunApp timeline={timeline} size={{ columns: 120, rows: 40 }} ticks={manualTicks()} cursor={timeline.steps} />);
  await settle();
  const big = (app.lastFrame() ?? '').split('\n');
  assert.equal(big.length, 39);
  assert.ok(big.some((l) => [...l].length > 100));
  app.unmount();
});

test('colour comes only from the theme: none at level 0, ANSI at level 1', async () => {
  const timeline = timelineOf(LATE_YAML);
  const plain = render(<RunApp timeline={timeline} size={size} ticks={manualTicks()} cursor={timeline.steps} />);
  await settle();
  assert.ok(!(plain.lastFrame() ?? '').includes('\u001B['));
  plain.unmount();
  const coloured = render(
    <ThemeContext.Provider value={createTheme(1)}>
      <RunApp timeline={timeline} size={size} ticks={manualTicks()} cursor={timeline.steps} />
    </ThemeContext.Provider>,
  );
  await settle();
  assert.ok((coloured.lastFrame() ?? '').includes('\u001B['));
  coloured.unmount();
});
