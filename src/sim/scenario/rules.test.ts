import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from './parse.js';
import { expectScenarioError, NO_FILES } from './test-support.test.js';
import { file, parses, TIMELINE_WITH_WATERMARK, TIMELINE_WITHOUT_WATERMARK } from './rules.test-support.js';

describe('rules: scripted watermarks and timelines', () => {
  it('a scripted watermark needs a timeline', () => {
    expectScenarioError(file('watermark: { type: scripted }'), {
      path: 'watermark.type',
      line: 3,
      expected: 'a strategy other than scripted',
      found: 'got "scripted" with input.generator',
      mentions: ['only at the watermark steps of an input.timeline'],
    });
  });

  it('a timeline with watermark steps needs a scripted watermark', () => {
    expectScenarioError(file('watermark: { type: bounded-out-of-orderness, maxDelay: 1s }', TIMELINE_WITH_WATERMARK), {
      path: 'watermark.type',
      line: 3,
      expected: 'scripted, since input.timeline[1] sets the watermark',
      found: 'got "bounded-out-of-orderness"',
    });
  });

  it('a timeline without watermark steps may use any strategy, and a scripted timeline parses', () => {
    for (const w of ['{ type: perfect }', '{ type: monotonous }', '{ type: bounded-out-of-orderness, maxDelay: 2s }', '{ type: punctuated }', '{ type: percentile, percentile: 50 }', '{ type: scripted }']) {
      parses(file(`watermark: ${w}`, TIMELINE_WITHOUT_WATERMARK));
    }
    parses(file('watermark: { type: scripted }', TIMELINE_WITH_WATERMARK));
  });

  it('timeline steps run in order', () => {
    expectScenarioError(file('', 'input:\n  timeline:\n    - { at: 5s, watermark: 1 }\n    - { at: 4s, watermark: 2 }'), {
      path: 'input.timeline[1].at',
      line: 4,
      expected: 'a time not before the previous step\'s (5s)',
      found: 'got "4s"',
    });
  });

  it('a scripted watermark never goes backwards', () => {
    expectScenarioError(file('', 'input:\n  timeline:\n    - { at: 1s, watermark: "12:00:00" }\n    - { at: 2s, watermark: "11:00:00" }'), {
      path: 'input.timeline[1].watermark',
      line: 4,
      expected: 'a watermark not before the previous one (12:00:00)',
      mentions: ['never goes backwards'],
    });
  });
});

describe('rules: windows', () => {
  it('a sliding window slides by no more than its size', () => {
    expectScenarioError(file('', undefined, 'window: { type: sliding, size: 10s, every: 15s }'), {
      path: 'window.every',
      line: 2,
      expected: 'a duration no longer than window.size (10s)',
      found: 'got "15s"',
    });
    parses(file('', undefined, 'window: { type: sliding, size: 10s, every: 10s }'));
  });

  it('an offset is shorter than the size (tumbling) or the slide (sliding)', () => {
    expectScenarioError(file('', undefined, 'window: { type: tumbling, size: 10s, offset: 10s }'), { path: 'window.offset', line: 2, expected: 'shorter than window.size (10s)' });
    expectScenarioError(file('', undefined, 'window: { type: sliding, size: 10s, every: 5s, offset: 5s }'), { path: 'window.offset', line: 2, expected: 'shorter than window.every (5s)' });
  });
});

describe('rules: engine-specific settings', () => {
  it('suppress only with kafka-streams', () => {
    expectScenarioError(file('semantics: flink\nsuppress: untilWindowCloses'), {
      path: 'suppress',
      line: 4,
      expected: 'no suppress unless semantics is kafka-streams',
      found: 'got "untilWindowCloses" with semantics flink',
    });
    assert.equal(parseScenario(file('semantics: kafka-streams\nsuppress: untilWindowCloses'), 'ok.yaml', NO_FILES).suppress, true);
  });

  it('outputMode update only with spark', () => {
    expectScenarioError(file('outputMode: update'), {
      path: 'outputMode',
      line: 3,
      expected: 'append unless semantics is spark',
      found: 'got "update" with semantics flink',
    });
    parses(file('outputMode: append'));
  });

  it('kafka-streams forbids a trigger, and says why', () => {
    expectScenarioError(file('semantics: kafka-streams\ntrigger:\n  early: { every: 1m }'), {
      path: 'trigger',
      line: 4,
      expected: 'no trigger with semantics kafka-streams',
      found: 'got { early: { every: 1m } }',
      mentions: ['every record updates'],
    });
  });

  it('kafka-streams forbids accumulation other than accumulating', () => {
    for (const mode of ['discarding', 'accumulating-retracting']) {
      expectScenarioError(file(`semantics: kafka-streams\naccumulation: ${mode}`), {
        path: 'accumulation',
        line: 4,
        expected: 'accumulating with semantics kafka-streams',
        found: `got "${mode}"`,
      });
    }
    parses(file('semantics: kafka-streams\naccumulation: accumulating'));
  });

  it('spark forbids allowed lateness', () => {
    expectScenarioError(file('semantics: spark\nallowedLateness: 1m'), {
      path: 'allowedLateness',
      line: 4,
      expected: '0 with semantics spark',
      found: 'got "1m"',
      mentions: ['watermark delay'],
    });
    parses(file('semantics: spark\nallowedLateness: 0'));
  });

  it('spark forbids early and late firings', () => {
    expectScenarioError(file('semantics: spark\ntrigger:\n  early: { count: 1 }'), { path: 'trigger.early', line: 5, expected: 'no early firings with semantics spark' });
    expectScenarioError(file('semantics: spark\ntrigger:\n  late: { count: 1 }'), { path: 'trigger.late', line: 5, expected: 'no late firings with semantics spark' });
  });

  it('processing time forbids allowed lateness and a side output for late data', () => {
    expectScenarioError(file('timeDomain: processing-time\nallowedLateness: 5s'), {
      path: 'allowedLateness',
      line: 4,
      expected: '0 with timeDomain processing-time',
      mentions: ['Nothing is late in processing time'],
    });
    expectScenarioError(file('timeDomain: processing-time\nlateData: side-output'), {
      path: 'lateData',
      line: 4,
      expected: 'drop with timeDomain processing-time',
      found: 'got "side-output"',
    });
    parses(file('timeDomain: ingestion-time\nallowedLateness: 5s\nlateData: side-output'));
  });
});

describe('rules: ranges', () => {
  it('parallelism is at least 1, as one number or per stage', () => {
    expectScenarioError(file('parallelism: 0'), { path: 'parallelism', line: 3, expected: 'a positive integer', found: 'got 0' });
    expectScenarioError(file('parallelism:\n  source: 2\n  window: -1'), { path: 'parallelism.window', line: 5, expected: 'a positive integer', found: 'got -1' });
  });

  it('generator events are a non-negative integer and the rate is positive', () => {
    expectScenarioError(file('', 'input: { generator: { events: -1 } }'), { path: 'input.generator.events', line: 1, expected: 'a non-negative integer' });
    expectScenarioError(file('', 'input: { generator: { events: 1, rate: -5 } }'), { path: 'input.generator.rate', line: 1, expected: 'a positive number' });
    expectScenarioError(file('', 'input: { generator: { rate: 5 } }'), { path: 'input.generator.events', line: 1, expected: 'a non-negative integer', mentions: ['missing'] });
  });

  it('the key count is at least 1', () => {
    expectScenarioError(file('', 'input: { generator: { events: 1, keys: { count: 0 } } }'), { path: 'input.generator.keys.count', line: 1, expected: 'a positive integer' });
  });

  it('lagging and idle partitions exist', () => {
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    partitions: 2\n    laggingPartition: { partition: 2, lag: 30s }'), {
      path: 'input.generator.laggingPartition.partition',
      line: 5,
      expected: 'a partition below generator.partitions (2)',
      found: 'got 2',
    });
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    idlePartition: { partition: 1 }'), {
      path: 'input.generator.idlePartition.partition',
      line: 4,
      expected: 'a partition below generator.partitions (1, the default)',
    });
  });

  it('an idle partition is idle for a while', () => {
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    partitions: 2\n    idlePartition: { partition: 1, from: 10s, until: 5s }'), {
      path: 'input.generator.idlePartition.until',
      line: 5,
      expected: 'a time after idlePartition.from (10s)',
    });
  });

  it('values are drawn from a non-empty range', () => {
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    values: { min: 5, max: 5 }'), { path: 'input.generator.values.max', line: 4, expected: 'values with min < max' });
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    values: { min: 500 }'), { path: 'input.generator.values.min', line: 4, expected: 'values with min < max (min 500, max 100)' });
  });

  it('a rotating distribution has no more active keys than keys', () => {
    expectScenarioError(file('', 'input: { generator: { events: 1, keys: { count: 10, distribution: { rotating: { active: 20, period: 1s } } } } }'), {
      path: 'input.generator.keys.distribution.rotating.active',
      line: 1,
      expected: 'at most keys.count (10) active keys',
    });
  });

  it('the percentile lies strictly between 0 and 100', () => {
    for (const p of [0, 100, -1, 101]) {
      expectScenarioError(file(`watermark: { type: percentile, percentile: ${p} }`), { path: 'watermark.percentile', line: 3, expected: 'a percentile in (0, 100)', found: `got ${p}` });
    }
  });

  it('heavy-tailed stragglers wait at least the base delay', () => {
    expectScenarioError(file('', 'input:\n  generator:\n    events: 1\n    disorder: { heavyTailed: { base: 2s, stragglers: 1%, max: 1s } }'), {
      path: 'input.generator.disorder.heavyTailed.max',
      line: 4,
      expected: 'no shorter than heavyTailed.base (2s)',
    });
  });

  it('input.disorder and input.partitions belong to input.file', () => {
    expectScenarioError(file('', 'input:\n  generator: { events: 1 }\n  disorder: { uniform: 1s }'), { path: 'input.disorder', line: 3, expected: 'no input.disorder except with input.file', mentions: ['input.generator.disorder'] });
    expectScenarioError(file('', 'input:\n  timeline: []\n  partitions: 2'), { path: 'input.partitions', line: 3, expected: 'no input.partitions except with input.file' });
  });

  it('a filter keeps a non-empty range', () => {
    expectScenarioError(file('pipeline:\n  filter: { valueMin: 10, valueMax: 10 }'), { path: 'pipeline.filter.valueMax', line: 4, expected: 'a number above pipeline.filter.valueMin (10)' });
  });
});
