import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, ScenarioError, type EventSpecRow, type ParseScenarioOptions } from './parse.js';
import { NO_FAULT_TOLERANCE, type FaultSpec, type Scenario } from './types.js';
import { SourceFileError } from '../sources/source-file-error.js';

const noFiles: ParseScenarioOptions = {
  readFile: (path) => {
    throw new Error(`no such file: ${path}`);
  },
  parseEventFile: () => [],
};

const parse = (text: string, options: ParseScenarioOptions = noFiles): Scenario => parseScenario(text, 'test.yaml', options);

/** A minimal scenario with `extra` lines appended; the window and input are replaced when `extra` gives them. */
function withFields(extra: string, base = { input: 'input: { generator: { events: 10 } }', window: 'window: { type: tumbling, size: 10s }' }): Scenario {
  const lines = [/^input:/m.test(extra) ? '' : base.input, /^window:/m.test(extra) ? '' : base.window, extra];
  return parse(lines.filter((l) => l !== '').join('\n'));
}

const SCORES = `name: scores
description: Fixed two-minute windows over team scores with a scripted watermark
semantics: beam
input:
  timeline:
    - { at: "12:04:59", events: [{ key: TeamX, value: 5, eventTime: "12:00:26" }] }
    - { at: "12:05:39", events: [{ key: TeamX, value: 7, eventTime: "12:02:24" }] }
    - { at: "12:06:00", watermark: "12:02:00" }
    - { at: "12:10:00", watermark: end }
window: { type: tumbling, size: 2m }
aggregate: sum
watermark: { type: scripted }
trigger:
  early: { afterFirstElement: 1m }
  late: { count: 1 }
allowedLateness: 0
accumulation: accumulating
lateData: drop
`;

describe('parseScenario: the scores example', () => {
  it('parses to the exact normalized scenario', () => {
    const expected: Scenario = {
      name: 'scores',
      description: 'Fixed two-minute windows over team scores with a scripted watermark',
      covers: [],
      story: '',
      source: 'scores.yaml',
      seed: 1,
      semantics: 'beam',
      timeDomain: 'event-time',
      input: {
        kind: 'timeline',
        steps: [
          { at: 43_499_000, kind: 'events', events: [{ key: 'TeamX', value: 5, eventTime: 43_226_000, partition: 0 }] },
          { at: 43_539_000, kind: 'events', events: [{ key: 'TeamX', value: 7, eventTime: 43_344_000, partition: 0 }] },
          { at: 43_560_000, kind: 'watermark', watermark: 43_320_000 },
          { at: 43_800_000, kind: 'watermark', watermark: Infinity },
        ],
        partitions: 1,
      },
      pipeline: {},
      window: { type: 'tumbling', sizeMs: 120_000, offsetMs: 0 },
      aggregate: 'sum',
      watermark: { type: 'scripted' },
      trigger: { early: { type: 'after-first-element', delayMs: 60_000 }, late: { type: 'count', count: 1 } },
      allowedLatenessMs: 0,
      accumulation: 'accumulating',
      lateData: 'drop',
      parallelism: { source: 1, window: 1 },
      channelDelayMs: 0,
      outputMode: 'append',
      suppress: false,
      maxSteps: 50_000_000,
      faultTolerance: { delivery: { guarantee: 'at-most-once', sink: 'plain', readers: [] }, faults: [], savepointsAtMs: [] },
      engine: { type: 'native' },
      chaining: true,
    };
    assert.deepStrictEqual(parseScenario(SCORES, 'scores.yaml', noFiles), expected);
  });

  it('keeps the source as given, path and all', () => {
    assert.equal(parseScenario(SCORES, 'scenarios/scores.yaml', noFiles).source, 'scenarios/scores.yaml');
  });
});

describe('parseScenario: defaults', () => {
  it('fills every default of a minimal scenario', () => {
    const s = parseScenario('input: { generator: { events: 0 } }\nwindow: { type: global }\n', 'dir/minimal.yaml', noFiles);
    assert.deepStrictEqual(s, {
      name: 'minimal',
      description: '',
      covers: [],
      story: '',
      source: 'dir/minimal.yaml',
      seed: 1,
      semantics: 'flink',
      timeDomain: 'event-time',
      input: {
        kind: 'generator',
        generator: {
          events: 0,
          ratePerSec: 1000,
          startMs: 0,
          partitions: 1,
          keys: 1000,
          keyDistribution: { type: 'uniform' },
          valueMin: 0,
          valueMax: 100,
          disorder: { type: 'none' },
        },
      },
      pipeline: {},
      window: { type: 'global' },
      aggregate: 'sum',
      watermark: { type: 'perfect', intervalMs: 200 },
      trigger: { late: { type: 'count', count: 1 } },
      allowedLatenessMs: 0,
      accumulation: 'accumulating',
      lateData: 'drop',
      parallelism: { source: 1, window: 1 },
      channelDelayMs: 0,
      outputMode: 'append',
      suppress: false,
      maxSteps: 50_000_000,
      faultTolerance: { delivery: { guarantee: 'at-most-once', sink: 'plain', readers: [] }, faults: [], savepointsAtMs: [] },
      engine: { type: 'native' },
      chaining: true,
    } satisfies Scenario);
  });

  it('fills faultTolerance with NO_FAULT_TOLERANCE, engine native and chaining on, and leaves cost absent', () => {
    const s = parse('input: { generator: { events: 0 } }\nwindow: { type: global }');
    assert.deepStrictEqual(s.faultTolerance, NO_FAULT_TOLERANCE);
    assert.deepStrictEqual(s.engine, { type: 'native' });
    assert.equal(s.chaining, true);
    assert.ok(!('cost' in s), 'no cost field means no cost model');
  });

  it('defaults the watermark to scripted when the timeline scripts it', () => {
    const s = parse('input: { timeline: [{ at: 0, watermark: 5s }] }\nwindow: { type: global }');
    assert.deepStrictEqual(s.watermark, { type: 'scripted' });
  });

  it('defaults the watermark to perfect for a timeline without watermark steps', () => {
    const s = parse('input: { timeline: [{ at: 0, events: [{ key: a, value: 1, eventTime: 0 }] }] }\nwindow: { type: global }');
    assert.deepStrictEqual(s.watermark, { type: 'perfect', intervalMs: 200 });
  });
});

describe('parseScenario: top-level fields', () => {
  it('reads every top-level setting', () => {
    const s = withFields(
      [
        'name: all',
        'description: every field',
        'covers: [watermarks, "late data"]',
        'story: |',
        '  Once upon a time.',
        'seed: 42',
        'semantics: kafka-streams',
        'timeDomain: ingestion-time',
        'aggregate: avg',
        'allowedLateness: 5s',
        'lateData: side-output',
        'parallelism: { source: 2, window: 3 }',
        'channelDelay: 20ms',
        'suppress: untilWindowCloses',
        'maxSteps: 1_000_000',
      ].join('\n'),
    );
    assert.equal(s.name, 'all');
    assert.equal(s.description, 'every field');
    assert.deepStrictEqual(s.covers, ['watermarks', 'late data']);
    assert.equal(s.story, 'Once upon a time.\n');
    assert.equal(s.seed, 42);
    assert.equal(s.semantics, 'kafka-streams');
    assert.equal(s.timeDomain, 'ingestion-time');
    assert.equal(s.aggregate, 'avg');
    assert.equal(s.allowedLatenessMs, 5000);
    assert.equal(s.lateData, 'side-output');
    assert.deepStrictEqual(s.parallelism, { source: 2, window: 3 });
    assert.equal(s.channelDelayMs, 20);
    assert.equal(s.suppress, true);
    assert.equal(s.maxSteps, 1_000_000);
  });

  it('reads a single parallelism for both stages, and fills a missing stage with 1', () => {
    assert.deepStrictEqual(withFields('parallelism: 4').parallelism, { source: 4, window: 4 });
    assert.deepStrictEqual(withFields('parallelism: { window: 2 }').parallelism, { source: 1, window: 2 });
  });

  it('reads spark output modes', () => {
    assert.equal(withFields('semantics: spark\noutputMode: update').outputMode, 'update');
    assert.equal(withFields('semantics: spark').outputMode, 'append');
  });

  for (const mode of ['discarding', 'accumulating', 'accumulating-retracting'] as const) {
    it(`reads accumulation: ${mode}`, () => assert.equal(withFields(`accumulation: ${mode}`).accumulation, mode));
  }
  for (const kind of ['count', 'sum', 'min', 'max', 'avg'] as const) {
    it(`reads aggregate: ${kind}`, () => assert.equal(withFields(`aggregate: ${kind}`).aggregate, kind));
  }
  for (const semantics of ['flink', 'beam', 'spark', 'kafka-streams'] as const) {
    it(`reads semantics: ${semantics}`, () => assert.equal(withFields(`semantics: ${semantics}`).semantics, semantics));
  }
});

describe('parseScenario: windows', () => {
  const cases: [string, Scenario['window']][] = [
    ['{ type: tumbling, size: 10s }', { type: 'tumbling', sizeMs: 10_000, offsetMs: 0 }],
    ['{ type: tumbling, size: 10s, offset: 2s }', { type: 'tumbling', sizeMs: 10_000, offsetMs: 2000 }],
    ['{ type: sliding, size: 10s, every: 5s, offset: 0 }', { type: 'sliding', sizeMs: 10_000, everyMs: 5000, offsetMs: 0 }],
    ['{ type: sliding, size: 10s, every: 5s }', { type: 'sliding', sizeMs: 10_000, everyMs: 5000, offsetMs: 0 }],
    ['{ type: session, gap: 30s }', { type: 'session', gapMs: 30_000 }],
    ['{ type: global }', { type: 'global' }],
  ];
  for (const [yaml, expected] of cases) {
    it(`reads ${yaml}`, () => assert.deepStrictEqual(withFields(`window: ${yaml}`).window, expected));
  }
});

describe('parseScenario: watermarks', () => {
  const cases: [string, Scenario['watermark']][] = [
    [
      '{ type: bounded-out-of-orderness, maxDelay: 5s, interval: 200ms, idleTimeout: 10s }',
      { type: 'bounded-out-of-orderness', maxDelayMs: 5000, intervalMs: 200, idleTimeoutMs: 10_000 },
    ],
    ['{ type: bounded-out-of-orderness, maxDelay: 5s }', { type: 'bounded-out-of-orderness', maxDelayMs: 5000, intervalMs: 200 }],
    ['{ type: monotonous }', { type: 'monotonous', intervalMs: 200 }],
    ['{ type: perfect }', { type: 'perfect', intervalMs: 200 }],
    ['{ type: perfect, interval: 1s, idleTimeout: 3s }', { type: 'perfect', intervalMs: 1000, idleTimeoutMs: 3000 }],
    ['{ type: punctuated, maxDelay: 0 }', { type: 'punctuated', maxDelayMs: 0 }],
    ['{ type: punctuated }', { type: 'punctuated', maxDelayMs: 0 }],
    ['{ type: percentile, percentile: 95, sample: 1000 }', { type: 'percentile', percentile: 95, sample: 1000, intervalMs: 200 }],
    ['{ type: percentile, percentile: 99.9 }', { type: 'percentile', percentile: 99.9, sample: 1000, intervalMs: 200 }],
  ];
  for (const [yaml, expected] of cases) {
    it(`reads ${yaml}`, () => assert.deepStrictEqual(withFields(`watermark: ${yaml}`).watermark, expected));
  }

  it('reads { type: scripted } with a timeline', () => {
    const s = parse('input: { timeline: [{ at: 0, watermark: 1s }] }\nwindow: { type: global }\nwatermark: { type: scripted }');
    assert.deepStrictEqual(s.watermark, { type: 'scripted' });
  });
});

describe('parseScenario: triggers', () => {
  const cases: [string, Scenario['trigger']][] = [
    ['{ early: { every: 1m } }', { early: { type: 'aligned', everyMs: 60_000 }, late: { type: 'count', count: 1 } }],
    ['{ early: { count: 1 } }', { early: { type: 'count', count: 1 }, late: { type: 'count', count: 1 } }],
    ['{ early: { afterFirstElement: 1m } }', { early: { type: 'after-first-element', delayMs: 60_000 }, late: { type: 'count', count: 1 } }],
    ['{ late: { every: 30s } }', { late: { type: 'aligned', everyMs: 30_000 } }],
    ['{ late: { count: 3 } }', { late: { type: 'count', count: 3 } }],
    ['{ late: { afterFirstElement: 10s } }', { late: { type: 'after-first-element', delayMs: 10_000 } }],
    ['{}', { late: { type: 'count', count: 1 } }],
  ];
  for (const [yaml, expected] of cases) {
    it(`reads trigger: ${yaml}`, () => assert.deepStrictEqual(withFields(`trigger: ${yaml}`).trigger, expected));
  }
});

describe('parseScenario: pipeline', () => {
  it('reads map and filter', () => {
    const s = withFields('pipeline: { map: { multiply: 2, add: 0 }, filter: { keyParity: even, valueMin: 10, valueMax: 90, keys: [a, b, 7] } }');
    assert.deepStrictEqual(s.pipeline, {
      map: { multiply: 2, add: 0 },
      filter: { keyParity: 'even', valueMin: 10, valueMax: 90, keys: ['a', 'b', '7'] },
    });
  });

  it('fills a partial map and leaves absent filter bounds absent', () => {
    const s = withFields('pipeline: { map: { add: 3 }, filter: { keyParity: odd } }');
    assert.deepStrictEqual(s.pipeline, { map: { multiply: 1, add: 3 }, filter: { keyParity: 'odd' } });
  });
});

describe('parseScenario: timeline input', () => {
  it('reads events with partitions, markers and numeric keys, and counts partitions', () => {
    const s = parse(`input:
  timeline:
    - at: 1s
      events:
        - { key: 7, value: 1.5, eventTime: 500, partition: 2, marker: true }
        - { key: b, value: -3, eventTime: "00:00:00.250" }
    - { at: 2s, watermark: 1s }
window: { type: global }`);
    assert.deepStrictEqual(s.input, {
      kind: 'timeline',
      steps: [
        {
          at: 1000,
          kind: 'events',
          events: [
            { key: '7', value: 1.5, eventTime: 500, partition: 2, marker: true },
            { key: 'b', value: -3, eventTime: 250, partition: 0 },
          ],
        },
        { at: 2000, kind: 'watermark', watermark: 1000 },
      ],
      partitions: 3,
    });
  });

  it('has one partition when no event names one', () => {
    const s = parse('input: { timeline: [{ at: 0, watermark: end }] }\nwindow: { type: global }');
    assert.equal(s.input.kind === 'timeline' && s.input.partitions, 1);
  });
});

describe('parseScenario: generator input', () => {
  it('reads every generator field', () => {
    const s = parse(`input:
  generator:
    events: 100000
    rate: 500
    start: "12:00:00"
    partitions: 4
    keys: { count: 200, distribution: { zipf: 1.1 } }
    values: { min: 10, max: 20 }
    bursts: { on: 2s, off: 8s, rate: 5000 }
    disorder: { uniform: 6s }
    laggingPartition: { partition: 1, lag: 30s }
    idlePartition: { partition: 2, from: 10s, until: end }
    markerEvery: 50
window: { type: global }`);
    assert.deepStrictEqual(s.input, {
      kind: 'generator',
      generator: {
        events: 100_000,
        ratePerSec: 500,
        startMs: 43_200_000,
        partitions: 4,
        keys: 200,
        keyDistribution: { type: 'zipf', exponent: 1.1 },
        valueMin: 10,
        valueMax: 20,
        bursts: { onMs: 2000, offMs: 8000, burstRatePerSec: 5000 },
        disorder: { type: 'uniform', maxDelayMs: 6000 },
        laggingPartition: { partition: 1, lagMs: 30_000 },
        idlePartition: { partition: 2, fromMs: 10_000, untilMs: Infinity },
        markerEvery: 50,
      },
    });
  });

  const generator = (fields: string) => {
    const s = parse(`input: { generator: { events: 10, ${fields} } }\nwindow: { type: global }`);
    assert.ok(s.input.kind === 'generator');
    return s.input.generator;
  };

  it('reads keys as a plain number', () => {
    const g = generator('keys: 5');
    assert.equal(g.keys, 5);
    assert.deepStrictEqual(g.keyDistribution, { type: 'uniform' });
  });

  const distributions: [string, unknown][] = [
    ['uniform', { type: 'uniform' }],
    ['{ zipf: 1.1 }', { type: 'zipf', exponent: 1.1 }],
    ['{ hotKey: 20% }', { type: 'hot-key', shareNumerator: 20, shareDenominator: 100 }],
    ['{ rotating: { active: 100, period: 10s } }', { type: 'rotating', activeKeys: 100, periodMs: 10_000 }],
  ];
  for (const [yaml, expected] of distributions) {
    it(`reads distribution: ${yaml}`, () => {
      const g = generator(`keys: { count: 1000, distribution: ${yaml} }`);
      assert.equal(g.keys, 1000);
      assert.deepStrictEqual(g.keyDistribution, expected);
    });
  }

  it('defaults the key count when only a distribution is given', () => {
    assert.equal(generator('keys: { distribution: { zipf: 2 } }').keys, 1000);
  });

  const disorders: [string, unknown][] = [
    ['none', { type: 'none' }],
    ['{ uniform: 6s }', { type: 'uniform', maxDelayMs: 6000 }],
    [
      '{ heavyTailed: { base: 2s, stragglers: 5%, alpha: 1.5, max: 10m } }',
      { type: 'heavy-tailed', baseDelayMs: 2000, stragglerNumerator: 5, stragglerDenominator: 100, alpha: 1.5, maxDelayMs: 600_000 },
    ],
    [
      '{ heavyTailed: { base: 1s, stragglers: 0.5%, alpha: 2 } }',
      { type: 'heavy-tailed', baseDelayMs: 1000, stragglerNumerator: 5, stragglerDenominator: 1000, alpha: 2, maxDelayMs: 600_000 },
    ],
  ];
  for (const [yaml, expected] of disorders) {
    it(`reads disorder: ${yaml}`, () => assert.deepStrictEqual(generator(`disorder: ${yaml}`).disorder, expected));
  }

  it('defaults an idle partition to idle from 0 until the end', () => {
    assert.deepStrictEqual(generator('partitions: 2, idlePartition: { partition: 1 }').idlePartition, { partition: 1, fromMs: 0, untilMs: Infinity });
  });
});

describe('parseScenario: file input', () => {
  const rows: EventSpecRow[] = [
    { key: 'a', value: 1, eventTime: 1000, partition: 0 },
    { key: 'b', value: 2, eventTime: 2000, partition: 2, arrivalTime: 2500 },
  ];

  function withEvents(read: (path: string) => string, parse: (text: string, file: string) => EventSpecRow[]): ParseScenarioOptions {
    return { readFile: read, parseEventFile: parse };
  }

  it('reads the file through the injected reader and parser, then applies disorder', () => {
    const seen: string[] = [];
    const options = withEvents(
      (path) => {
        seen.push(`read ${path}`);
        return 'TEXT';
      },
      (text, file) => {
        seen.push(`parse ${text} ${file}`);
        return rows;
      },
    );
    const s = parse('input: { file: events.jsonl, disorder: { uniform: 2s } }\nwindow: { type: global }', options);
    assert.deepStrictEqual(seen, ['read events.jsonl', 'parse TEXT events.jsonl']);
    assert.deepStrictEqual(s.input, { kind: 'events', file: 'events.jsonl', events: rows, partitions: 3, disorder: { type: 'uniform', maxDelayMs: 2000 } });
  });

  it('takes input.partitions when given, and no disorder by default', () => {
    const options = withEvents(() => '', () => rows);
    const s = parse('input: { file: events.csv, partitions: 8 }\nwindow: { type: global }', options);
    assert.ok(s.input.kind === 'events');
    assert.equal(s.input.partitions, 8);
    assert.deepStrictEqual(s.input.disorder, { type: 'none' });
  });

  it('lets a located SourceFileError from the event parser through', () => {
    const own = new SourceFileError('events.csv', 7, 'eventTime', 'expected a time, got "soon"');
    const options = withEvents(() => '', () => {
      throw own;
    });
    assert.throws(() => parse('input: { file: events.csv }\nwindow: { type: global }', options), (e) => e === own);
  });

  it('lets a ScenarioError from the event parser through, naming the events file', () => {
    const own = new ScenarioError({ file: 'events.csv', path: 'row 3', line: 3, expected: 'a number' });
    const options = withEvents(() => '', () => {
      throw own;
    });
    assert.throws(() => parse('input: { file: events.csv }\nwindow: { type: global }', options), (e) => e === own);
  });
});

describe('parseScenario: engine and chaining', () => {
  const engines: [string, Scenario['engine']][] = [
    ['native', { type: 'native' }],
    ['{ type: native }', { type: 'native' }],
    ['micro-batch', { type: 'micro-batch', triggerIntervalMs: 0, noDataBatches: true }],
    ['{ type: micro-batch }', { type: 'micro-batch', triggerIntervalMs: 0, noDataBatches: true }],
    ['{ type: micro-batch, trigger: 1s, noDataBatches: true }', { type: 'micro-batch', triggerIntervalMs: 1000, noDataBatches: true }],
    ['{ type: micro-batch, trigger: 500ms, noDataBatches: false }', { type: 'micro-batch', triggerIntervalMs: 500, noDataBatches: false }],
    ['{ type: micro-batch, trigger: 0 }', { type: 'micro-batch', triggerIntervalMs: 0, noDataBatches: true }],
    ['{ type: micro-batch, trigger: asap }', { type: 'micro-batch', triggerIntervalMs: 0, noDataBatches: true }],
  ];
  for (const [yaml, expected] of engines) {
    it(`reads engine: ${yaml}`, () => assert.deepStrictEqual(withFields(`engine: ${yaml}`).engine, expected));
  }

  it('reads chaining: false and chaining: true', () => {
    assert.equal(withFields('chaining: false').chaining, false);
    assert.equal(withFields('chaining: true').chaining, true);
  });

  it('runs spark semantics on the micro-batch engine in update mode', () => {
    const s = withFields('semantics: spark\nengine: { type: micro-batch, trigger: 2s }\noutputMode: update');
    assert.deepStrictEqual(s.engine, { type: 'micro-batch', triggerIntervalMs: 2000, noDataBatches: true });
    assert.equal(s.outputMode, 'update');
  });
});

describe('parseScenario: cost', () => {
  it('fills every default for cost: {}', () => {
    assert.deepStrictEqual(withFields('cost: {}').cost, {
      sourceRecordUs: 1,
      operatorRecordUs: 0.2,
      windowRecordUs: 1,
      serializationUs: 0.5,
      sinkRecordUs: 1,
      stateBackend: 'memory',
      stateAccessUs: 0.1,
      asyncConcurrency: 1,
      bufferRecords: 100,
      bufferTimeoutMs: 100,
      bufferOverheadUs: 10,
      channelCapacity: 1000,
      batchOverheadMs: 50,
      snapshotMsPerThousand: 1,
    } satisfies Scenario['cost']);
  });

  it('reads every cost field, and defaults the rest', () => {
    const c = withFields(
      'cost: { sourceRecord: 2us, window: 5us, state: { backend: external, access: 200us, asyncConcurrency: 10 }, buffer: { records: 1, timeout: 0 }, channelCapacity: 200, batchOverhead: 100ms }',
    ).cost;
    assert.ok(c !== undefined);
    assert.equal(c.sourceRecordUs, 2);
    assert.equal(c.operatorRecordUs, 0.2);
    assert.equal(c.windowRecordUs, 5);
    assert.equal(c.serializationUs, 0.5);
    assert.equal(c.sinkRecordUs, 1);
    assert.equal(c.stateBackend, 'external');
    assert.equal(c.stateAccessUs, 200);
    assert.equal(c.asyncConcurrency, 10);
    assert.equal(c.bufferRecords, 1);
    assert.equal(c.bufferTimeoutMs, 0);
    assert.equal(c.channelCapacity, 200);
    assert.equal(c.batchOverheadMs, 100);
    assert.equal(c.snapshotMsPerThousand, 1);
  });

  it('reads the remaining fields: operatorRecord, serialization, sink, buffer.timeout and snapshot', () => {
    const c = withFields('cost: { operatorRecord: 0.3us, serialization: 1µs, sink: 3ms, buffer: { timeout: 5ms }, snapshot: 2ms }').cost;
    assert.ok(c !== undefined);
    assert.equal(c.operatorRecordUs, 0.3);
    assert.equal(c.serializationUs, 1);
    assert.equal(c.sinkRecordUs, 3000);
    assert.equal(c.bufferRecords, 100);
    assert.equal(c.bufferTimeoutMs, 5);
    assert.equal(c.snapshotMsPerThousand, 2);
  });

  const micros: [string, number][] = [
    ['2us', 2],
    ['0.5us', 0.5],
    ['1µs', 1],
    ['1μs', 1],
    ['3ms', 3000],
    ['1.1ms', 1100],
    ['0', 0],
    ['7', 7],
    ['0.25', 0.25],
    ['"4"', 4],
  ];
  for (const [yaml, us] of micros) {
    it(`reads a cost of ${yaml} as ${us} µs`, () => assert.equal(withFields(`cost: { sourceRecord: ${yaml} }`).cost?.sourceRecordUs, us));
  }
});

describe('parseScenario: checkpoints', () => {
  const checkpoints = (yaml: string) => withFields(`checkpoints: ${yaml}`).faultTolerance?.checkpoints;

  it('reads every checkpoint field', () => {
    assert.deepStrictEqual(checkpoints('{ interval: 10s, mode: aligned, alignedTimeout: 2s, timeout: 5m, maxConcurrent: 2, minPause: 500ms }'), {
      intervalMs: 10_000,
      mode: 'aligned',
      alignedTimeoutMs: 2000,
      timeoutMs: 300_000,
      maxConcurrent: 2,
      minPauseMs: 500,
    });
  });

  it('defaults mode aligned, timeout 10m, maxConcurrent 1, minPause 0, and no aligned timeout', () => {
    assert.deepStrictEqual(checkpoints('{ interval: 10s }'), { intervalMs: 10_000, mode: 'aligned', timeoutMs: 600_000, maxConcurrent: 1, minPauseMs: 0 });
  });

  for (const mode of ['aligned', 'unaligned', 'at-least-once'] as const) {
    it(`reads mode: ${mode}`, () => assert.equal(checkpoints(`{ interval: 1s, mode: ${mode} }`)?.mode, mode));
  }

  it('keeps the other fault-tolerance defaults beside checkpoints', () => {
    const ft = withFields('checkpoints: { interval: 10s }').faultTolerance;
    assert.deepStrictEqual(ft?.faults, []);
    assert.deepStrictEqual(ft?.savepointsAtMs, []);
    assert.ok(ft !== undefined && !('randomFaults' in ft));
  });
});

describe('parseScenario: delivery', () => {
  const CHECKPOINTS = 'checkpoints: { interval: 10s }';
  const delivery = (yaml: string, extra = CHECKPOINTS) => withFields(`${extra}\ndelivery: ${yaml}`).faultTolerance?.delivery;

  const cases: [string, NonNullable<Scenario['faultTolerance']>['delivery']][] = [
    ['at-least-once', { guarantee: 'at-least-once', sink: 'plain', readers: [] }],
    ['exactly-once', { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] }],
    ['{ guarantee: exactly-once }', { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] }],
    ['{ guarantee: exactly-once, sink: idempotent }', { guarantee: 'exactly-once', sink: 'idempotent', readers: [] }],
    [
      '{ guarantee: exactly-once, sink: transactional, readers: [read-committed, read-uncommitted] }',
      { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] },
    ],
    ['{ guarantee: exactly-once, readers: [read-uncommitted] }', { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-uncommitted'] }],
    ['{ guarantee: exactly-once, readers: [] }', { guarantee: 'exactly-once', sink: 'transactional', readers: [] }],
    ['{ guarantee: at-least-once }', { guarantee: 'at-least-once', sink: 'plain', readers: [] }],
    ['{ guarantee: at-least-once, sink: transactional }', { guarantee: 'at-least-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] }],
    ['{ guarantee: at-least-once, sink: idempotent }', { guarantee: 'at-least-once', sink: 'idempotent', readers: [] }],
  ];
  for (const [yaml, expected] of cases) {
    it(`reads delivery: ${yaml}`, () => assert.deepStrictEqual(delivery(yaml), expected));
  }

  it('reads at-most-once, with or without checkpoints, into a plain sink', () => {
    const plain = { guarantee: 'at-most-once', sink: 'plain', readers: [] };
    assert.deepStrictEqual(delivery('at-most-once', ''), plain);
    assert.deepStrictEqual(delivery('{ guarantee: at-most-once }', ''), plain);
    assert.deepStrictEqual(delivery('at-most-once'), plain);
  });

  it('defaults to at-least-once with checkpoints and at-most-once without', () => {
    assert.deepStrictEqual(withFields(CHECKPOINTS).faultTolerance?.delivery, { guarantee: 'at-least-once', sink: 'plain', readers: [] });
    assert.deepStrictEqual(withFields('savepoints: [1m]').faultTolerance?.delivery, { guarantee: 'at-most-once', sink: 'plain', readers: [] });
  });
});

describe('parseScenario: failures', () => {
  const TWO_BY_TWO = 'input: { generator: { events: 10, partitions: 2 } }\nparallelism: 2\ncheckpoints: { interval: 10s }\ncost: {}';
  const faults = (list: string, extra = TWO_BY_TWO) => withFields(`${extra}\nfailures:\n${list}`).faultTolerance;

  const cases: [string, FaultSpec][] = [
    ['{ crash: window-0, at: 30s, restartDelay: 2s }', { type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: { kind: 'at', atMs: 30_000 }, restartDelayMs: 2000 }],
    ['{ crash: source-1, afterCheckpoint: 2 }', { type: 'task-crash', task: { stage: 'source', index: 1 }, trigger: { kind: 'after-checkpoint', checkpoint: 2 }, restartDelayMs: 1000 }],
    ['{ crash: window-1, afterRecords: 500 }', { type: 'task-crash', task: { stage: 'window', index: 1 }, trigger: { kind: 'after-records', records: 500 }, restartDelayMs: 1000 }],
    ['{ crash: window-0, at: "12:05:00", restartDelay: 0 }', { type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: { kind: 'at', atMs: 43_500_000 }, restartDelayMs: 0 }],
    ['{ jobFailure: true, at: 40s, restartDelay: 5s }', { type: 'job-failure', trigger: { kind: 'at', atMs: 40_000 }, restartDelayMs: 5000 }],
    ['{ jobFailure: true, afterCheckpoint: 1 }', { type: 'job-failure', trigger: { kind: 'after-checkpoint', checkpoint: 1 }, restartDelayMs: 1000 }],
    ['{ slow: window-0, from: 10s, until: 30s, factor: 10 }', { type: 'slow-task', task: { stage: 'window', index: 0 }, fromMs: 10_000, untilMs: 30_000, factor: 10 }],
    ['{ slow: source-0, from: 10s, until: end, factor: 1.5 }', { type: 'slow-task', task: { stage: 'source', index: 0 }, fromMs: 10_000, untilMs: Infinity, factor: 1.5 }],
    ['{ slow: window-1, factor: 2 }', { type: 'slow-task', task: { stage: 'window', index: 1 }, fromMs: 0, untilMs: Infinity, factor: 2 }],
    [
      '{ network: drop, to: window-0, from: 10s, until: 12s }',
      { type: 'channel', fault: 'drop', to: { stage: 'window', index: 0 }, fromMs: 10_000, untilMs: 12_000, delayMs: 500, restartDelayMs: 1000 },
    ],
    ['{ network: drop, from: 10s, restartDelay: 3s }', { type: 'channel', fault: 'drop', fromMs: 10_000, untilMs: Infinity, delayMs: 500, restartDelayMs: 3000 }],
    [
      '{ network: delay, to: window-1, from: 5s, until: 6s, delay: 2s }',
      { type: 'channel', fault: 'delay', to: { stage: 'window', index: 1 }, fromMs: 5000, untilMs: 6000, delayMs: 2000, restartDelayMs: 1000 },
    ],
    ['{ network: reorder, from: 5s, until: 6s }', { type: 'channel', fault: 'reorder', fromMs: 5000, untilMs: 6000, delayMs: 500, restartDelayMs: 1000 }],
    ['{ network: duplicate, until: 6s }', { type: 'channel', fault: 'duplicate', fromMs: 0, untilMs: 6000, delayMs: 500, restartDelayMs: 1000 }],
    ['{ sinkWriteFailure: window-0, at: 20s }', { type: 'sink-write-failure', task: { stage: 'window', index: 0 }, trigger: { kind: 'at', atMs: 20_000 }, restartDelayMs: 1000 }],
    [
      '{ sinkWriteFailure: window-1, afterRecords: 3, restartDelay: 250ms }',
      { type: 'sink-write-failure', task: { stage: 'window', index: 1 }, trigger: { kind: 'after-records', records: 3 }, restartDelayMs: 250 },
    ],
    ['{ partitionOutage: 1, from: 10s, until: 40s }', { type: 'partition-outage', partition: 1, fromMs: 10_000, untilMs: 40_000 }],
    ['{ partitionOutage: 0 }', { type: 'partition-outage', partition: 0, fromMs: 0, untilMs: Infinity }],
  ];
  for (const [yaml, expected] of cases) {
    it(`reads ${yaml}`, () => assert.deepStrictEqual(faults(`  - ${yaml}`)?.faults, [expected]));
  }

  it('reads a sink commit failure, which needs a transactional sink', () => {
    const ft = faults('  - { sinkCommitFailure: 3 }\n  - { sinkCommitFailure: 4, restartDelay: 2s }', `${TWO_BY_TWO}\ndelivery: exactly-once`);
    assert.deepStrictEqual(ft?.faults, [
      { type: 'sink-commit-failure', checkpoint: 3, restartDelayMs: 1000 },
      { type: 'sink-commit-failure', checkpoint: 4, restartDelayMs: 2000 },
    ]);
  });

  it('reads a random entry apart from the scripted faults, which keep their order', () => {
    const ft = faults('  - { crash: window-0, at: 30s }\n  - { random: { crashes: 3, jobFailures: 1, from: 10s, until: 5m, restartDelay: 2s } }\n  - { jobFailure: true, at: 40s }');
    assert.deepStrictEqual(ft?.randomFaults, { crashes: 3, jobFailures: 1, fromMs: 10_000, untilMs: 300_000, restartDelayMs: 2000 });
    assert.deepStrictEqual(
      ft?.faults.map((f) => f.type),
      ['task-crash', 'job-failure'],
    );
  });

  it('defaults a random entry to no job failures, from 0, restarting after 1s', () => {
    assert.deepStrictEqual(faults('  - { random: { crashes: 2, until: 1m } }')?.randomFaults, { crashes: 2, jobFailures: 0, fromMs: 0, untilMs: 60_000, restartDelayMs: 1000 });
    assert.deepStrictEqual(faults('  - { random: { jobFailures: 1, until: 1m } }')?.randomFaults, { crashes: 0, jobFailures: 1, fromMs: 0, untilMs: 60_000, restartDelayMs: 1000 });
  });

  it('reads an empty list as no faults', () => {
    const ft = withFields('failures: []').faultTolerance;
    assert.deepStrictEqual(ft, NO_FAULT_TOLERANCE);
  });
});

describe('parseScenario: savepoints', () => {
  it('reads savepoint times, durations and clock times alike', () => {
    assert.deepStrictEqual(withFields('savepoints: [60s, "12:05:00"]').faultTolerance?.savepointsAtMs, [60_000, 43_500_000]);
    assert.deepStrictEqual(withFields('savepoints: [0, 500]').faultTolerance?.savepointsAtMs, [0, 500]);
  });

  it('takes savepoints without periodic checkpoints, keeping the rest of NO_FAULT_TOLERANCE', () => {
    assert.deepStrictEqual(withFields('savepoints: [1m]').faultTolerance, { ...NO_FAULT_TOLERANCE, savepointsAtMs: [60_000] });
  });
});

describe('parseScenario: every fault-tolerance field together', () => {
  it('reads the documented example', () => {
    const s = parse(`input: { generator: { events: 1000, partitions: 2 } }
window: { type: tumbling, size: 10s }
parallelism: 2
cost: {}
checkpoints: { interval: 10s, mode: aligned, alignedTimeout: 2s, timeout: 10m, maxConcurrent: 1, minPause: 0 }
delivery: { guarantee: exactly-once, sink: transactional, readers: [read-committed, read-uncommitted] }
failures:
  - { crash: window-0, at: 30s, restartDelay: 2s }
  - { crash: source-1, afterCheckpoint: 2 }
  - { crash: window-1, afterRecords: 500 }
  - { jobFailure: true, at: 40s, restartDelay: 5s }
  - { slow: window-0, from: 10s, until: 30s, factor: 10 }
  - { network: drop, to: window-0, from: 10s, until: 12s }
  - { sinkWriteFailure: window-0, at: 20s }
  - { sinkCommitFailure: 3 }
  - { partitionOutage: 1, from: 10s, until: 40s }
  - { random: { crashes: 3, jobFailures: 0, from: 10s, until: 5m, restartDelay: 1s } }
savepoints: [60s, "12:05:00"]`);
    const ft = s.faultTolerance;
    assert.ok(ft !== undefined);
    assert.deepStrictEqual(ft.checkpoints, { intervalMs: 10_000, mode: 'aligned', alignedTimeoutMs: 2000, timeoutMs: 600_000, maxConcurrent: 1, minPauseMs: 0 });
    assert.deepStrictEqual(ft.delivery, { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] });
    assert.equal(ft.faults.length, 9);
    assert.deepStrictEqual(
      ft.faults.map((f) => f.type),
      ['task-crash', 'task-crash', 'task-crash', 'job-failure', 'slow-task', 'channel', 'sink-write-failure', 'sink-commit-failure', 'partition-outage'],
    );
    assert.deepStrictEqual(ft.randomFaults, { crashes: 3, jobFailures: 0, fromMs: 10_000, untilMs: 300_000, restartDelayMs: 1000 });
    assert.deepStrictEqual(ft.savepointsAtMs, [60_000, 43_500_000]);
  });
});
