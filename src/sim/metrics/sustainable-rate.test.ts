import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../scenario/parse.js';
import { NO_FILES } from '../scenario/test-support.test.js';
import { runNative } from '../engines/native/native-engine.js';
import { runEngine } from '../engines/run.js';
import { atRate, findSustainableRate, judgeRun, longEnough, MICRO_BATCH_TRIGGERS_OF_INPUT, slope } from './sustainable-rate.js';

// One window task at 1 ms a record (plus 0.5 µs to deserialise and 0.1 µs of state): it keeps up
// with a little under 1000 records a second, whatever arrives.
const scenario = parseScenario(
  `name: s
semantics: flink
seed: 3
input:
  generator:
    events: 6000
    rate: 500
    partitions: 2
    keys: { count: 10 }
    values: { min: 1, max: 10 }
window: { type: tumbling, size: 1s }
aggregate: count
cost: { window: 1ms, channelCapacity: 200 }
`,
  's.yaml',
  NO_FILES,
);
const criterion = { maxBacklogMs: 1000, minBacklogRecords: 100, maxGrowthRatio: 0.01, samples: 20 };

test('least-squares slope', () => {
  assert.equal(slope([0, 1, 2, 3], [1, 3, 5, 7]), 2);
  assert.equal(slope([0, 1, 2], [4, 4, 4]), 0);
  assert.equal(slope([1], [9]), 0);
});

test('a rate below the capacity is sustainable, one above it is not', () => {
  const below = judgeRun(runNative(atRate(scenario, 800)), 800, criterion);
  const above = judgeRun(runNative(atRate(scenario, 1300)), 1300, criterion);
  assert.equal(below.sustainable, true, JSON.stringify(below));
  assert.equal(above.sustainable, false, JSON.stringify(above));
  assert.ok(above.growthPerSec > 200, JSON.stringify(above));
});

test('the sweep finds the capacity of the bottleneck, deterministically', () => {
  const opts = { lowRatePerSec: 100, highRatePerSec: 4000, steps: 6 };
  const found = findSustainableRate(scenario, opts);
  assert.ok(found.ratePerSec !== undefined && found.unsustainableRatePerSec !== undefined);
  assert.ok(found.ratePerSec >= 900 && found.ratePerSec <= 1000, `sustainable ${found.ratePerSec}`);
  assert.ok(found.unsustainableRatePerSec > found.ratePerSec && found.unsustainableRatePerSec <= 1100, `unsustainable ${found.unsustainableRatePerSec}`);
  assert.equal(found.trials.length, 2 + 6);
  assert.deepEqual(findSustainableRate(scenario, opts), found);
});

test('when even the high rate is sustainable, it says so', () => {
  const found = findSustainableRate(scenario, { lowRatePerSec: 10, highRatePerSec: 200 });
  assert.equal(found.ratePerSec, 200);
  assert.equal(found.unsustainableRatePerSec, undefined);
  assert.equal(found.trials.length, 1);
});

test('a scenario without a generator is refused with a clear error', () => {
  const timeline = parseScenario(
    'name: t\ninput: { timeline: [ { at: 0, events: [ { key: a, value: 1, eventTime: 0 } ] } ] }\nwindow: { type: tumbling, size: 1s }\naggregate: sum\n',
    't.yaml',
    NO_FILES,
  );
  assert.throws(() => findSustainableRate(timeline), /findSustainableRate: .*needs a generator input/);
  assert.throws(() => findSustainableRate(scenario, { lowRatePerSec: 5, highRatePerSec: 5 }), /lowRatePerSec < highRatePerSec/);
});

// The same job on the micro-batch engine: 1 ms a record and 50 ms of overhead per batch.
const microBatch = (trigger: string) =>
  parseScenario(
    `name: mb
semantics: spark
seed: 3
engine: { type: micro-batch, trigger: ${trigger} }
input:
  generator:
    events: 2000
    rate: 500
    partitions: 2
    keys: { count: 10 }
    values: { min: 1, max: 10 }
window: { type: tumbling, size: 1s }
aggregate: count
cost: { window: 1ms, batchOverhead: 50ms }
`,
    'mb.yaml',
    NO_FILES,
  );

test('micro-batch: a rate is sustainable while no batch runs longer than the trigger interval (Spark: falling behind)', () => {
  const s = microBatch('2s');
  const below = judgeRun(runEngine('micro-batch', longEnough(atRate(s, 700)), {}), 700, criterion);
  const above = judgeRun(runEngine('micro-batch', longEnough(atRate(s, 1300)), {}), 1300, criterion);
  assert.equal(below.sustainable, true, JSON.stringify(below));
  assert.equal(above.sustainable, false, JSON.stringify(above));
});

test('micro-batch: a trial lasts at least a few trigger intervals, and a longer trigger sustains more', () => {
  const s = atRate(microBatch('5s'), 2000);
  assert.ok(s.input.kind === 'generator' && longEnough(s).input.kind === 'generator');
  const g = longEnough(s).input;
  assert.ok(g.kind === 'generator' && g.generator.events === 2000 * 5 * MICRO_BATCH_TRIGGERS_OF_INPUT);
  const opts = { lowRatePerSec: 100, highRatePerSec: 4000, steps: 6 };
  const short = findSustainableRate(microBatch('1s'), opts).ratePerSec ?? 0;
  const long = findSustainableRate(microBatch('5s'), opts).ratePerSec ?? 0;
  assert.ok(short > 700 && short < 1000, `1s trigger: ${short}`);
  assert.ok(long >= short && long < 1000, `5s trigger: ${long} against 1s: ${short}`);
});
