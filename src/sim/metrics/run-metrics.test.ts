import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../scenario/parse.js';
import { NO_FILES } from '../scenario/test-support.test.js';
import { runNative } from '../engines/native/native-engine.js';
import { computeRunMetrics } from './run-metrics.js';

const scenario = (extra: string) =>
  parseScenario(
    `name: m
semantics: flink
seed: 3
input:
  generator:
    events: 3000
    rate: 1000
    partitions: 2
    keys: { count: 10 }
    values: { min: 1, max: 10 }
window: { type: tumbling, size: 500ms }
aggregate: count
${extra}
`,
    'm.yaml',
    NO_FILES,
  );

test('a job that keeps up: no backlog to speak of, throughput at the input rate, every window closed', () => {
  const run = runNative(scenario('cost: {}'));
  const m = computeRunMetrics(run, { maxPoints: 40 });
  assert.ok(m.grid.count <= 40);
  assert.equal(m.throughput.ingested, 3000);
  assert.ok(Math.abs(m.throughput.meanIngestedPerSec - 1000) < 20, `rate ${m.throughput.meanIngestedPerSec}`);
  assert.equal(m.throughput.results, run.panes.length);
  assert.ok(m.backlog.maxRecords <= 2, `max backlog ${m.backlog.maxRecords}`);
  assert.equal(m.backlog.records.values.at(-1), 0);
  assert.equal(m.state.openAtEnd, run.openWindows);
  assert.ok(m.state.maxOpenWindows >= 10 && m.state.maxOpenWindows <= 20, `open ${m.state.maxOpenWindows}`);
  assert.deepEqual(
    m.tasks.map((t) => t.name),
    run.tasks.map((t) => t.name),
  );
  assert.ok(m.latency.processingTime !== undefined);
});

test('a saturated job: the backlog and the consumer lag grow while the input lasts, the window task is busy', () => {
  // The window task takes 2 ms a record: 500 a second against 1000 arriving.
  const run = runNative(scenario('cost: { window: 2ms }'));
  const m = computeRunMetrics(run, { maxPoints: 60 });
  const values = m.backlog.records.values;
  // The last bucket that ends within the input (the last event is appended just before 3000 ms).
  const inputEnds = Math.floor((2999 - m.grid.startMs) / m.grid.stepMs);
  // 1500 more arrive than it takes; the channel's 1000 credits hold most, the log the rest.
  const unprocessed = (values[inputEnds] as number) + (m.backlog.inFlight.values[inputEnds] as number);
  assert.ok(unprocessed > 1300, `unprocessed at the end of input ${unprocessed}`);
  assert.ok((values[inputEnds] as number) > 300, `backlog at the end of input ${values[inputEnds]}`);
  for (let i = Math.floor(inputEnds / 2); i < inputEnds; i++) assert.ok((values[i + 1] as number) >= (values[i] as number), `backlog grows at ${i}`);
  assert.ok(m.backlog.maxAgeMs > 1000, `lag ${m.backlog.maxAgeMs}`);
  const window = m.tasks.find((t) => t.name === 'window-0');
  assert.ok(window && window.busyRatio > 0.9, `window busy ${window?.busyRatio}`);
  const source = m.tasks.find((t) => t.name === 'source-0');
  assert.ok(source && source.backpressuredRatio > 0.3, `source backpressured ${source?.backpressuredRatio}`);
  // Once the channel's credit is used up (after about 2 s), reads slow to what the window task takes.
  const reading = m.throughput.ingestedPerSec.values.slice(inputEnds - 4, inputEnds + 1);
  for (const r of reading) assert.ok(r >= 450 && r <= 550, `reads ${r}/s`);
});

test('checkpoints are measured from the trace', () => {
  const run = runNative(scenario('checkpoints: { interval: 400ms }\ndelivery: exactly-once'));
  const m = computeRunMetrics(run);
  assert.equal(m.checkpoints.completed.length, run.checkpoints.length);
  assert.ok(m.checkpoints.completed.length >= 5);
});

test('the same run gives the same metrics', () => {
  const a = computeRunMetrics(runNative(scenario('cost: { window: 2ms }')));
  const b = computeRunMetrics(runNative(scenario('cost: { window: 2ms }')));
  assert.deepEqual(a, b);
});
