import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { parseScenario } from '../sim/scenario/parse.js';
import { NO_FILES } from '../sim/scenario/test-support.test.js';
import { buildReport, type Report } from '../sim/report/report.js';
import { simulate } from '../sim/report/simulate.js';
import { renderTextReport } from './render-text.js';

const plain = new Chalk({ level: 0 });

const scenario = (extra: string, semantics = 'kafka-streams') =>
  parseScenario(
    `name: r
semantics: ${semantics}
seed: 5
input:
  generator:
    events: 200
    rate: 100
    partitions: 1
    keys: { count: 2 }
    values: { min: 1, max: 3 }
window: { type: tumbling, size: 1s }
aggregate: count
${extra}
`,
    'r.yaml',
    NO_FILES,
  );

describe('renderTextReport', () => {
  it('renders a report of 300 000 panes without overflowing the call stack', () => {
    const report = buildReport(simulate(scenario('')));
    const pane = report.panes[0];
    assert.ok(pane !== undefined);
    const panes = Array.from({ length: 300_000 }, () => pane);
    const dropped = Array.from({ length: 300_000 }, () => ({ key: 'k', value: 1, eventTime: 0, arrivedAt: 1, watermark: 0, window: { start: 0, end: 1000 }, partition: 0, offset: 0 }));
    const big: Report = { ...report, panes, dropped };
    const text = renderTextReport(big, plain);
    assert.ok(text.includes('Panes (300000)'));
    assert.ok(text.includes('Dropped as late (300000)'));
  });

  it('shows the Metrics block only for a scenario with a cost model, micro-batch, faults or checkpoints', () => {
    const classic = renderTextReport(buildReport(simulate(scenario(''))), plain);
    assert.ok(!classic.includes('Metrics'));
    const costly = renderTextReport(buildReport(simulate(scenario('cost: {}'))), plain);
    assert.match(costly, /\nMetrics \(simulated time/);
    assert.match(costly, /\n {2}latency +event time +p50 /);
    assert.match(costly, /\n {2}backlog +max \d+ records/);
    assert.ok(!costly.includes('batches'));
    const batches = renderTextReport(buildReport(simulate(scenario('cost: {}\nengine: { type: micro-batch, trigger: 1s }', 'spark'))), plain);
    assert.match(batches, /\n {2}batches +\d+ committed, 200 records, duration p50 /);
  });
});
