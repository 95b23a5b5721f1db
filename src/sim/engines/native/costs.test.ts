import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../scenario/parse.js';
import { NO_FILES } from '../../scenario/test-support.test.js';
import { stateAccessUs, taskCosts } from './costs.js';

const scenario = (extra: string) =>
  parseScenario(
    `name: c
input: { timeline: [ { at: 0, events: [ { key: a, value: 1, eventTime: 0 } ] } ] }
window: { type: tumbling, size: 1s }
aggregate: sum
pipeline: { filter: { valueMin: 1 }, map: { multiply: 2 } }
${extra}
`,
    'c.yaml',
    NO_FILES,
  );

describe('taskCosts', () => {
  it('charges nothing and sends at once without a cost model', () => {
    const c = taskCosts(scenario(''));
    assert.equal(c.sourceRecordUs + c.sourceEmitUs + c.windowRecordUs + c.sinkRecordUs + c.snapshotUsPerEntry, 0);
    assert.deepEqual(c.channel, { latencyMs: 0, bufferRecords: 1, bufferTimeoutMs: 0, bufferOverheadUs: 0, capacity: Infinity });
    assert.deepEqual(c.stages, []);
  });

  it('puts chained filter and map in the source task, with one serialisation per side of the shuffle', () => {
    const c = taskCosts(scenario('cost: { sourceRecord: 10us, operatorRecord: 3us, serialization: 2us, window: 5us, state: { access: 1us } }'));
    assert.equal(c.sourceRecordUs, 10 + 3); // read + filter, for every record
    assert.equal(c.sourceEmitUs, 3 + 2); // map + serialise, for the records that pass the filter
    assert.equal(c.windowRecordUs, 2 + 5 + 1);
    assert.deepEqual(c.stages, []);
  });

  it('gives each unchained operator its own task, paying serialisation on both sides of each hop', () => {
    const c = taskCosts(scenario('chaining: false\ncost: { sourceRecord: 10us, operatorRecord: 3us, serialization: 2us }'));
    assert.equal(c.sourceRecordUs, 10);
    assert.equal(c.sourceEmitUs, 2);
    assert.deepEqual(c.stages, [
      { kind: 'filter', recordUs: 2 + 3, emitUs: 2 },
      { kind: 'map', recordUs: 2 + 3, emitUs: 2 },
    ]);
  });

  it('takes buffers, credit and latency for the channels', () => {
    const c = taskCosts(scenario('channelDelay: 7ms\ncost: { buffer: { records: 50, timeout: 20ms, overhead: 30us }, channelCapacity: 300 }'));
    assert.deepEqual(c.channel, { latencyMs: 7, bufferRecords: 50, bufferTimeoutMs: 20, bufferOverheadUs: 30, capacity: 300 });
  });

  it('shares an external store round trip among the requests async I/O keeps in flight', () => {
    const cost = (state: string) => {
      const c = scenario(`cost: { state: ${state} }`).cost;
      assert.ok(c);
      return stateAccessUs(c);
    };
    assert.equal(cost('{ backend: external, access: 800us }'), 800);
    assert.equal(cost('{ backend: external, access: 800us, asyncConcurrency: 8 }'), 100);
    assert.equal(cost('{ backend: memory, access: 800us }'), 800);
  });
});
