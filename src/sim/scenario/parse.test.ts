import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from './parse.js';
import { NO_FAULT_TOLERANCE, type Scenario } from './types.js';
import { noFiles, parse, SCORES, withFields } from './parse.test-support.js';

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
