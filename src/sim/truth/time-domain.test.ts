import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../scenario/parse.js';
import { NO_FILES } from '../scenario/test-support.test.js';
import { simulate } from '../report/simulate.js';
import { hopsToWindow } from './time-domain.js';

const scenario = (extra: string) =>
  parseScenario(
    `name: pt
semantics: flink
seed: 5
timeDomain: processing-time
channelDelay: 30ms
input:
  generator:
    events: 200
    rate: 20
    partitions: 1
    keys: { count: 2 }
    values: { min: 1, max: 10 }
window: { type: tumbling, size: 1s }
aggregate: sum
${extra}
`,
    'pt.yaml',
    NO_FILES,
  );

test('the hops from the source to the window: one chained, one more per unchained filter or map', () => {
  assert.equal(hopsToWindow(scenario('pipeline: { map: { multiply: 2 }, filter: { valueMin: 2 } }')), 1);
  assert.equal(hopsToWindow(scenario('chaining: false')), 1);
  assert.equal(hopsToWindow(scenario('chaining: false\npipeline: { map: { multiply: 2 } }')), 2);
  assert.equal(hopsToWindow(scenario('chaining: false\npipeline: { map: { multiply: 2 }, filter: { valueMin: 2 } }')), 3);
});

test('processing-time windows with chaining off: the exact answer counts every hop', () => {
  const run = simulate(scenario('chaining: false\npipeline: { map: { multiply: 2 }, filter: { valueMin: 2 } }'));
  assert.equal(run.check.summary.finalCorrect, run.check.summary.truthWindows);
  assert.deepEqual(run.check.incomplete, []);
});
