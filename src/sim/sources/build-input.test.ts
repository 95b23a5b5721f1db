import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { KeyTable, type LogEntry } from '../model/record.js';
import type { InputSpec } from '../scenario/types.js';
import { buildInput } from './build-input.js';
import { GeneratedLog } from './generated-log.js';
import type { LogCursor } from './log.js';

function readAll(cursor: LogCursor): LogEntry[] {
  const entries: LogEntry[] = [];
  while (cursor.peekAppendTime() !== Infinity) entries.push(cursor.next());
  return entries;
}

const eventsInput = (overrides: Partial<Extract<InputSpec, { kind: 'events' }>> = {}): InputSpec => ({
  kind: 'events',
  file: 'events.csv',
  partitions: 2,
  disorder: { type: 'uniform', maxDelayMs: 1000 },
  events: [
    { key: 'a', value: 1, eventTime: 100, partition: 0 },
    { key: 'b', value: 2, eventTime: 200, partition: 1, arrivalTime: 5000 },
    { key: 'a', value: 3, eventTime: 300, partition: 0, marker: true },
    { key: 'c', value: 4, eventTime: 400, partition: 0, arrivalTime: 400 },
  ],
  ...overrides,
});

describe('buildInput', () => {
  it('builds a timeline into a materialized log and its scripted watermarks', () => {
    const keys = new KeyTable();
    const built = buildInput(
      {
        kind: 'timeline',
        partitions: 1,
        steps: [
          { at: 10, kind: 'events', events: [{ key: 'x', value: 1, eventTime: 5, partition: 0 }] },
          { at: 20, kind: 'watermark', watermark: Infinity },
        ],
      },
      new Prng(1),
      keys,
    );
    assert.deepEqual(readAll(built.log.open(0, 0)).map((e) => [keys.name(e.key), e.appendTime]), [['x', 10]]);
    assert.deepEqual(built.scriptedWatermarks, [{ at: 20, watermark: Infinity }]);
  });

  it('builds a generator into a streaming generated log with no scripted watermarks', () => {
    const built = buildInput(
      {
        kind: 'generator',
        generator: {
          events: 100, ratePerSec: 1000, startMs: 0, partitions: 2, keys: 5, keyDistribution: { type: 'uniform' },
          valueMin: 0, valueMax: 10, disorder: { type: 'none' },
        },
      },
      new Prng(1),
      new KeyTable(),
    );
    assert.ok(built.log instanceof GeneratedLog);
    assert.equal(built.log.partitions, 2);
    assert.equal(readAll(built.log.open(1, 0)).length, 50);
    assert.deepEqual(built.scriptedWatermarks, []);
  });

  it('appends file rows at their arrival time, or at event time plus a drawn delay', () => {
    const keys = new KeyTable();
    const { log, scriptedWatermarks } = buildInput(eventsInput(), new Prng(3), keys);
    assert.deepEqual(scriptedWatermarks, []);
    const p0 = readAll(log.open(0, 0));
    assert.deepEqual(p0.map((e) => keys.name(e.key)).sort(), ['a', 'a', 'c']);
    for (const e of p0) {
      if (keys.name(e.key) === 'c') assert.equal(e.appendTime, 400, 'the given arrival time');
      else assert.ok(e.appendTime >= e.eventTime && e.appendTime < e.eventTime + 1000, `delay ${e.appendTime - e.eventTime}`);
    }
    assert.equal(p0.find((e) => e.value === 3)?.marker, true);
    assert.deepEqual(readAll(log.open(1, 0)).map((e) => e.appendTime), [5000]);
  });

  it('draws file delays from the seed: same seed same log, and a row’s arrival time shifts no other row', () => {
    const appendTimes = (spec: InputSpec, seed: number) => {
      const { log } = buildInput(spec, new Prng(seed), new KeyTable());
      return readAll(log.open(0, 0)).map((e) => [e.value, e.appendTime]);
    };
    assert.deepEqual(appendTimes(eventsInput(), 3), appendTimes(eventsInput(), 3));
    assert.notDeepEqual(appendTimes(eventsInput(), 3), appendTimes(eventsInput(), 4));
    const base = eventsInput();
    const withArrival = eventsInput({
      events: base.kind === 'events' ? base.events.map((row, i) => (i === 0 ? { ...row, arrivalTime: 150 } : row)) : [],
    });
    const before = new Map(appendTimes(base, 3).map(([v, t]) => [v, t]));
    const after = new Map(appendTimes(withArrival, 3).map(([v, t]) => [v, t]));
    assert.equal(after.get(1), 150);
    assert.equal(after.get(3), before.get(3));
  });

  it('rejects a row for a missing partition, naming the input and the file', () => {
    assert.throws(
      () => buildInput(eventsInput({ partitions: 1 }), new Prng(1), new KeyTable()),
      /^Error: events: events\.csv: row 2 has partition 1, but the input has partitions 0 … 0$/,
    );
  });
});
