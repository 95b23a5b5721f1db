/**
 * Every bundled scenario opens in the UI: each panel renders at the start, in the middle and at the
 * end of the run, with lines of exactly the width asked and no exception.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { bundledScenarioFiles, loadScenario } from '../cli/scenario-files.js';
import { simulate } from '../sim/report/simulate.js';
import { RunApp } from './app.js';
import { dataflowModel } from './model/dataflow-model.js';
import { metricsModel } from './model/metrics-model.js';
import { plotModel } from './model/plot-model.js';
import { buildTimeline } from './model/timeline.js';
import { lineWidth, type Line } from './model/text.js';
import { whyModel } from './model/why-model.js';
import { windowsModel } from './model/windows-model.js';
import { manualTicks } from './playback.js';
import { settle } from './test-support.js';

const fits = (lines: readonly Line[], width: number, height: number, what: string) => {
  assert.equal(lines.length, height, what);
  for (const l of lines) assert.equal(lineWidth(l), width, what);
};

for (const file of bundledScenarioFiles()) {
  const name = file.split('/').pop() ?? file;
  test(`${name} renders in every panel`, async () => {
    const tl = buildTimeline(simulate(loadScenario(file)));
    for (const cursor of [0, Math.floor(tl.steps / 2), tl.steps]) {
      const at = `${name} at ${cursor}`;
      fits(plotModel(tl, cursor, { width: 69, height: 29, key: null, selected: null }), 69, 29, at);
      fits(windowsModel(tl, cursor, { width: 50, height: 15, key: null, selected: tl.rows[0]?.id ?? null }), 50, 15, at);
      fits(dataflowModel(tl, cursor, { width: 50, height: 14 }), 50, 14, at);
      fits(metricsModel(tl, cursor, { width: 120, height: 4 }), 120, 4, at);
      fits(whyModel(tl, cursor, { width: 120, height: 2, selected: null }), 120, 2, at);
    }
    const app = render(<RunApp timeline={tl} size={{ columns: 120, rows: 40 }} ticks={manualTicks()} cursor={tl.steps} />);
    await settle();
    assert.match(app.lastFrame() ?? '', /streamsim · /);
    app.unmount();
  });
}
