import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AggregateKind } from '../scenario/types.js';
import { ArrayLog, testScenario, type LogRow } from './array-log.test-support.js';
import { computeTruth, type Truth } from './exact-answer.js';
import { keyWindowId } from './ids.js';

/** One line per truth window: `key [start,end) value count`. */
const lines = (truth: Truth) =>
  truth.windows.map((w) => `${w.key} [${w.window.start},${w.window.end}) ${w.value} ${w.count}`);

describe('computeTruth: tumbling windows', () => {
  const rows: LogRow[] = [
    { key: 'k2', value: 5, eventTime: 1_000 },
    { key: 'k1', value: 8, eventTime: 12_000, partition: 1 },
    { key: 'k1', value: 3, eventTime: 9_999 },
    { key: 'k1', value: 15, eventTime: 10_000, partition: 1 },
    { key: 'k10', value: 4, eventTime: 0 },
  ];

  it('reads every partition and sorts by key name, then window', () => {
    const truth = computeTruth(testScenario(), new ArrayLog(rows, 2));
    assert.deepEqual(lines(truth), [
      'k1 [0,10000) 3 1',
      'k1 [10000,20000) 23 2',
      'k10 [0,10000) 4 1',
      'k2 [0,10000) 5 1',
    ]);
    assert.equal(truth.events.length, 5);
  });

  it('indexes windows by key and window, and lists their events by timestamp', () => {
    const truth = computeTruth(testScenario(), new ArrayLog(rows, 2));
    const w = truth.byId.get(keyWindowId('k1', { start: 10_000, end: 20_000 }));
    assert.ok(w);
    assert.deepEqual(w.events, [
      { partition: 1, offset: 1 },
      { partition: 1, offset: 0 },
    ]);
    assert.equal(truth.byId.size, 4);
  });

  it('applies the offset', () => {
    const scenario = testScenario({ window: { type: 'tumbling', sizeMs: 10_000, offsetMs: 2_000 } });
    const truth = computeTruth(scenario, new ArrayLog(rows, 2));
    assert.deepEqual(lines(truth), [
      'k1 [2000,12000) 18 2',
      'k1 [12000,22000) 8 1',
      'k10 [-8000,2000) 4 1',
      'k2 [-8000,2000) 5 1',
    ]);
  });
});

describe('computeTruth: sliding and global windows', () => {
  it('counts an event in every sliding window that holds it, negative starts included', () => {
    const scenario = testScenario({ window: { type: 'sliding', sizeMs: 10, everyMs: 5, offsetMs: 1 }, aggregate: 'count' });
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'a1', value: 1, eventTime: 3 }, { key: 'a1', value: 1, eventTime: 7 }]));
    assert.deepEqual(lines(truth), ['a1 [-4,6) 1 1', 'a1 [1,11) 2 2', 'a1 [6,16) 1 1']);
    const total = truth.windows.reduce((n, w) => n + w.count, 0);
    assert.equal(total, 2 * Math.ceil(10 / 5));
  });

  it('puts every event of a key in the global window', () => {
    const scenario = testScenario({ window: { type: 'global' }, aggregate: 'max' });
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'a', value: 1, eventTime: -50 }, { key: 'a', value: 9, eventTime: 1e9 }]));
    assert.deepEqual(lines(truth), ['a [-Infinity,Infinity) 9 2']);
  });
});

describe('computeTruth: sessions', () => {
  const rows: LogRow[] = [
    { key: 'u1', value: 1, eventTime: 20 },
    { key: 'u1', value: 1, eventTime: 0 },
    { key: 'u1', value: 1, eventTime: 10 },
    { key: 'u1', value: 1, eventTime: 45 },
    { key: 'u2', value: 1, eventTime: 10 },
  ];
  const session = (semantics: 'flink' | 'beam' | 'spark' | 'kafka-streams') =>
    lines(computeTruth(testScenario({ semantics, window: { type: 'session', gapMs: 10 }, aggregate: 'count' }), new ArrayLog(rows)));

  it('merges touching sessions in Flink, over all events whatever their order in the log', () => {
    assert.deepEqual(session('flink'), ['u1 [0,30) 3 3', 'u1 [45,55) 1 1', 'u2 [10,20) 1 1']);
  });

  it('keeps touching sessions apart in Beam and Spark', () => {
    const expected = ['u1 [0,10) 1 1', 'u1 [10,20) 1 1', 'u1 [20,30) 1 1', 'u1 [45,55) 1 1', 'u2 [10,20) 1 1'];
    assert.deepEqual(session('beam'), expected);
    assert.deepEqual(session('spark'), expected);
  });

  it('uses an inclusive gap in Kafka Streams, sessions written as [first, last + 1)', () => {
    assert.deepEqual(session('kafka-streams'), ['u1 [0,21) 3 3', 'u1 [45,46) 1 1', 'u2 [10,11) 1 1']);
  });
});

describe('computeTruth: pipeline and aggregates', () => {
  it('filters on the raw value, then maps', () => {
    // Raw 5 passes [0, 10) and maps to 100 + 5·10 = 150; raw 12 maps to 220 but is filtered first.
    const scenario = testScenario({ pipeline: { filter: { valueMin: 0, valueMax: 10 }, map: { multiply: 10, add: 100 } } });
    const truth = computeTruth(scenario, new ArrayLog([{ key: 'k1', value: 5, eventTime: 1 }, { key: 'k1', value: 12, eventTime: 2 }]));
    assert.deepEqual(lines(truth), ['k1 [0,10000) 150 1']);
    assert.deepEqual(
      truth.events.map((e) => [e.kept, e.value]),
      [
        [true, 150],
        [false, 12],
      ],
    );
  });

  it('drops keys by parity, and keys without a trailing integer', () => {
    const scenario = testScenario({ pipeline: { filter: { keyParity: 'even' } } });
    const rows = ['k1', 'k2', 'k4', 'x'].map((key) => ({ key, value: 1, eventTime: 0 }));
    assert.deepEqual(
      computeTruth(scenario, new ArrayLog(rows)).windows.map((w) => w.key),
      ['k2', 'k4'],
    );
  });

  it('computes each aggregate; avg is sum / count', () => {
    const rows = [3, 4, 6].map((value, i) => ({ key: 'k', value, eventTime: i }));
    const value = (aggregate: AggregateKind) => computeTruth(testScenario({ aggregate }), new ArrayLog(rows)).windows[0]?.value;
    assert.deepEqual(
      (['count', 'sum', 'min', 'max', 'avg'] as const).map(value),
      [3, 13, 3, 6, 13 / 3],
    );
  });
});

describe('computeTruth: time domains', () => {
  const rows: LogRow[] = [{ key: 'k', value: 1, eventTime: 9_000, appendTime: 9_500 }];
  const start = (timeDomain: 'event-time' | 'ingestion-time' | 'processing-time') =>
    computeTruth(testScenario({ timeDomain, channelDelayMs: 600 }), new ArrayLog(rows)).events[0]?.timestamp;

  it('windows by event time, append time, or append time plus the channel delay', () => {
    assert.equal(start('event-time'), 9_000);
    assert.equal(start('ingestion-time'), 9_500);
    assert.equal(start('processing-time'), 10_100);
  });
});

describe('computeTruth: validation', () => {
  it('refuses a non-positive window size with the API name first', () => {
    const scenario = testScenario({ window: { type: 'tumbling', sizeMs: 0, offsetMs: 0 } });
    assert.throws(() => computeTruth(scenario, new ArrayLog([])), /^Error: computeTruth: tumbling sizeMs/);
  });
});
