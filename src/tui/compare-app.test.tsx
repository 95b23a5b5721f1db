import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { CompareApp } from './compare-app.js';
import { manualTicks } from './playback.js';
import { LATE_YAML, checkedOf, settle } from './test-support.js';

const RIGHT = '\u001B[C';

const runs = [
  { label: 'Flink: maxTimestamp + lateness <= wm', checked: checkedOf(LATE_YAML) },
  { label: 'Beam: maxTimestamp + lateness < wm', checked: checkedOf(LATE_YAML.replace('semantics: flink', 'semantics: beam')) },
];

test('two runs side by side on one shared clock', async () => {
  const app = render(<CompareApp runs={runs} size={{ columns: 120, rows: 40 }} ticks={manualTicks()} />);
  await settle();
  const frame = () => app.lastFrame() ?? '';
  assert.match(frame(), /streamsim · compare 2 runs · one shared processing-time clock/);
  assert.match(frame(), /Flink: maxTimestamp \+ lateness <= wm +│Beam: maxTimestamp \+ lateness < wm/);
  assert.match(frame(), /flink · watermark scripted/);
  assert.match(frame(), /beam · watermark scripted/);
  app.stdin.write(RIGHT);
  await settle();
  assert.match(frame(), /step 1\/\d+ {2}now 12:00:30/);
  // At 12:00:30 both runs have read and windowed both events.
  assert.equal(frame().match(/Why · step 4 · on time/g)?.length, 2, frame());
  app.stdin.write('G');
  await settle();
  // At the end the two rule books agree on this input: A lost its dropped event in both.
  assert.equal(frame().match(/A +12:00–12:01 O1 L3 ✕1/g)?.length, 2, frame());
  app.unmount();
});

test('the comparison needs a column of 38 for each run', async () => {
  const app = render(<CompareApp runs={[...runs, ...runs, ...runs]} size={{ columns: 200, rows: 40 }} ticks={manualTicks()} />);
  await settle();
  assert.match(app.lastFrame() ?? '', /needs a terminal of at least 233×24; this one is 200×40\.\nEnlarge the window, or compare fewer runs/);
  app.unmount();
});
