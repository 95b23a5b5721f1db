import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, ScenarioError } from './parse.js';
import { expectScenarioError, NO_FILES } from './test-support.test.js';

/** The scores example with line numbers, so each malformed copy changes one known line. */
const SCORES_LINES = [
  /* 1 */ 'name: scores',
  /* 2 */ 'semantics: beam',
  /* 3 */ 'input:',
  /* 4 */ '  timeline:',
  /* 5 */ '    - { at: "12:04:59", events: [{ key: TeamX, value: 5, eventTime: "12:00:26" }] }',
  /* 6 */ '    - { at: "12:05:39", events: [{ key: TeamX, value: 7, eventTime: "12:02:24" }] }',
  /* 7 */ '    - { at: "12:06:00", watermark: "12:02:00" }',
  /* 8 */ '    - { at: "12:10:00", watermark: end }',
  /* 9 */ 'window: { type: tumbling, size: 2m }',
  /* 10 */ 'aggregate: sum',
  /* 11 */ 'watermark: { type: scripted }',
  /* 12 */ 'trigger:',
  /* 13 */ '  early: { afterFirstElement: 1m }',
  /* 14 */ '  late: { count: 1 }',
  /* 15 */ 'allowedLateness: 0',
];

/** The scores file with line `n` (1-based) replaced; `undefined` deletes it. */
function scoresWith(replacements: Record<number, string | undefined>): string {
  return SCORES_LINES.flatMap((line, i) => {
    const n = i + 1;
    if (!(n in replacements)) return [line];
    const r = replacements[n];
    return r === undefined ? [] : [r];
  }).join('\n');
}

describe('errors: the message names file, line, field, expectation and what was found', () => {
  it('a negative window size', () => {
    const e = expectScenarioError(scoresWith({ 9: 'window: { type: tumbling, size: -5s }' }), {
      path: 'window.size',
      line: 9,
      expected: 'a positive duration (e.g. 2m, 90s, 500)',
      found: 'got "-5s"',
    }, 'scores.yaml');
    assert.equal(e.message, 'scores.yaml:9: window.size: expected a positive duration (e.g. 2m, 90s, 500), got "-5s"');
    assert.equal(e.found, '"-5s"');
  });

  it('a bad early firing delay, nested in a block mapping', () => {
    expectScenarioError(scoresWith({ 13: '  early: { afterFirstElement: soon }' }), {
      path: 'trigger.early.afterFirstElement',
      line: 13,
      expected: 'a positive duration',
      found: 'got "soon"',
    });
  });

  it('a bad time in the third timeline step', () => {
    expectScenarioError(scoresWith({ 7: '    - { at: "12:6:00", watermark: "12:02:00" }' }), {
      path: 'input.timeline[2].at',
      line: 7,
      expected: 'a non-negative time',
      found: 'got "12:6:00"',
    });
  });

  it('a bad event time inside an event of a step', () => {
    expectScenarioError(scoresWith({ 6: '    - { at: "12:05:39", events: [{ key: TeamX, value: 7, eventTime: yesterday }] }' }), {
      path: 'input.timeline[1].events[0].eventTime',
      line: 6,
      expected: 'a time (e.g. 12:00:26',
      found: 'got "yesterday"',
    });
  });

  it('a value that is not a number', () => {
    expectScenarioError(scoresWith({ 5: '    - { at: "12:04:59", events: [{ key: TeamX, value: five, eventTime: "12:00:26" }] }' }), {
      path: 'input.timeline[0].events[0].value',
      line: 5,
      expected: 'a number',
      found: 'got "five"',
    });
  });

  it('a step with both events and a watermark', () => {
    expectScenarioError(scoresWith({ 8: '    - { at: "12:10:00", watermark: end, events: [] }' }), {
      path: 'input.timeline[3]',
      line: 8,
      expected: 'exactly one of events or watermark',
      found: 'got events and watermark',
    });
  });

  it('a missing window size points at the window line', () => {
    expectScenarioError(scoresWith({ 9: 'window:\n  type: tumbling' }), {
      path: 'window.size',
      line: 9,
      expected: 'a positive duration',
      mentions: ['missing'],
    });
  });

  it('a missing window', () => {
    expectScenarioError(scoresWith({ 9: undefined }), { path: 'window', line: 1, expected: 'a mapping such as { type: tumbling, size: 2m }', mentions: ['missing'] });
  });

  it('an unknown window type, with a suggestion', () => {
    expectScenarioError(scoresWith({ 9: 'window: { type: tumblin, size: 2m }' }), {
      path: 'window.type',
      line: 9,
      expected: 'one of tumbling, sliding, session, global',
      found: 'got "tumblin"',
      mentions: ['did you mean "tumbling"?'],
    });
  });

  it('a misspelt keyword, with a suggestion', () => {
    expectScenarioError(scoresWith({ 2: 'semantics: flnik' }), {
      path: 'semantics',
      line: 2,
      expected: 'one of flink, beam, spark, kafka-streams',
      mentions: ['did you mean "flink"?'],
    });
  });

  it('a mapping where a duration belongs', () => {
    expectScenarioError(scoresWith({ 15: 'allowedLateness: { seconds: 5 }' }), {
      path: 'allowedLateness',
      line: 15,
      expected: 'a non-negative duration',
      found: 'got { seconds: 5 }',
    });
  });

  it('a text where a list of steps belongs', () => {
    expectScenarioError(scoresWith({ 4: '  timeline: later', 5: undefined, 6: undefined, 7: undefined, 8: undefined }), {
      path: 'input.timeline',
      line: 4,
      expected: 'a list of steps',
      found: 'got "later"',
    });
  });

  it('a percentile of 100', () => {
    expectScenarioError(scoresWith({ 11: 'watermark: { type: percentile, percentile: 100 }', 7: undefined, 8: undefined }), {
      path: 'watermark.percentile',
      line: 9,
      expected: 'a percentile in (0, 100)',
      found: 'got 100',
    });
  });

  it('a generator with a fractional event count', () => {
    expectScenarioError('input:\n  generator:\n    events: 2.5\nwindow: { type: global }', {
      path: 'input.generator.events',
      line: 3,
      expected: 'a non-negative integer',
      found: 'got 2.5',
    });
  });

  it('a generator with rate 0', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    rate: 0\nwindow: { type: global }', {
      path: 'input.generator.rate',
      line: 4,
      expected: 'a positive number of events per second',
      found: 'got 0',
    });
  });

  it('a key count of 0, written as a mapping', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    keys: { count: 0 }\nwindow: { type: global }', {
      path: 'input.generator.keys.count',
      line: 4,
      expected: 'a positive integer',
      found: 'got 0',
    });
  });

  it('a key count of 0, written as a number', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    keys: 0\nwindow: { type: global }', {
      path: 'input.generator.keys',
      line: 4,
      expected: 'a positive integer',
      found: 'got 0',
    });
  });

  it('keys that are neither a number nor a mapping', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    keys: many\nwindow: { type: global }', {
      path: 'input.generator.keys',
      line: 4,
      expected: 'a positive integer or a mapping',
      found: 'got "many"',
    });
  });

  it('a straggler share above 100%', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    disorder:\n      heavyTailed: { base: 2s, stragglers: 150% }\nwindow: { type: global }', {
      path: 'input.generator.disorder.heavyTailed.stragglers',
      line: 5,
      expected: 'a percentage (e.g. 5%, 0.5%)',
      found: 'got "150%"',
    });
  });

  it('a disorder that is no disorder', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    disorder: chaos\nwindow: { type: global }', {
      path: 'input.generator.disorder',
      line: 4,
      expected: 'none, { uniform: 6s } or { heavyTailed',
      found: 'got "chaos"',
    });
  });

  it('an input with two sources', () => {
    expectScenarioError('input:\n  generator: { events: 1 }\n  file: e.csv\nwindow: { type: global }', {
      path: 'input',
      line: 1,
      expected: 'exactly one of timeline, generator or file',
      found: 'got generator and file',
    });
  });

  it('an events file that cannot be read', () => {
    expectScenarioError('window: { type: global }\ninput: { file: missing.jsonl }', {
      path: 'input.file',
      line: 2,
      expected: 'a readable events file',
      found: 'got "missing.jsonl" (ENOENT',
    });
  });

  it('an events file whose parser fails with a plain error', () => {
    const options = { readFile: () => 'x', parseEventFile: () => { throw new Error('line 4: bad number'); } };
    expectScenarioError('window: { type: global }\ninput: { file: e.csv }', { path: 'input.file', line: 2, expected: 'an events file in JSONL or CSV form', found: 'line 4: bad number' }, 'bad.yaml', options);
  });

  it('an events file with a negative partition', () => {
    const options = { readFile: () => 'x', parseEventFile: () => [{ key: 'a', value: 1, eventTime: 0, partition: -1 }] };
    expectScenarioError('window: { type: global }\ninput: { file: e.csv }', { path: 'input.file', line: 2, expected: 'a partition ≥ 0 (e.csv, event 1)' }, 'bad.yaml', options);
  });

  it('an input.partitions below the file\'s partitions', () => {
    const options = { readFile: () => 'x', parseEventFile: () => [{ key: 'a', value: 1, eventTime: 0, partition: 3 }] };
    expectScenarioError('window: { type: global }\ninput: { file: e.csv, partitions: 2 }', { path: 'input.partitions', line: 2, expected: 'at least 4', found: 'got 2' }, 'bad.yaml', options);
  });
});

describe('errors: unknown fields', () => {
  it('suggests the field a misspelling meant', () => {
    const e = expectScenarioError(scoresWith({ 15: 'allowedLatness: 0' }), {
      path: 'allowedLatness',
      line: 15,
      expected: 'one of name, description',
      mentions: ['unknown field (did you mean "allowedLateness"?)'],
    });
    assert.equal(e.found, '"allowedLatness"');
  });

  it('suggests inside nested mappings, and prefers the misspelling to the missing field it explains', () => {
    expectScenarioError(scoresWith({ 9: 'window: { type: tumbling, sise: 2m }' }), {
      path: 'window.sise',
      line: 9,
      expected: 'one of type, size, offset',
      mentions: ['did you mean "size"?'],
    });
    expectScenarioError(scoresWith({ 13: '  early: { afterFirstElemnt: 1m }' }), {
      path: 'trigger.early.afterFirstElemnt',
      line: 13,
      expected: 'one of afterFirstElement, every, count',
      mentions: ['did you mean "afterFirstElement"?'],
    });
  });

  it('finds fields under a union option', () => {
    expectScenarioError('input:\n  generator:\n    events: 10\n    disorder:\n      uniform: 2s\n      uniformly: 3s\nwindow: { type: global }', {
      path: 'input.generator.disorder.uniformly',
      line: 6,
      expected: 'one of uniform, heavyTailed',
    });
  });

  it('finds fields of one window type that belong to another', () => {
    expectScenarioError(scoresWith({ 9: 'window: { type: tumbling, size: 2m, gap: 5s }' }), { path: 'window.gap', line: 9, expected: 'one of type, size, offset' });
  });

  it('says no more than "unknown field" when nothing is close', () => {
    const e = expectScenarioError(scoresWith({ 10: 'colour: blue' }), { path: 'colour', line: 10, expected: 'one of name' });
    assert.ok(!e.message.includes('did you mean'), e.message);
  });
});

describe('errors: YAML syntax and the file as a whole', () => {
  function syntaxError(text: string, file = 'bad.yaml'): ScenarioError {
    let caught: unknown;
    try {
      parseScenario(text, file, NO_FILES);
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof ScenarioError, String(caught));
    assert.equal(caught.path, '');
    assert.equal(caught.expected, 'valid YAML');
    return caught;
  }

  it('names file and line of a syntax error', () => {
    const e = syntaxError('name: x\nwindow: { type: tumbling, size: 2m\ninput: {}\n', 'broken.yaml');
    assert.equal(e.line, 3);
    assert.match(e.message, /^broken\.yaml:3: YAML syntax error \(column \d+\): Flow map .* end with a \}$/);
  });

  it('names a bad indentation', () => {
    const e = syntaxError('name: x\ninput:\n  generator:\n    events: 1\n   rate: 2\n');
    assert.equal(e.line, 5);
    assert.match(e.message, /^bad\.yaml:5: YAML syntax error/);
  });

  it('names a duplicated field', () => {
    const e = syntaxError('name: x\nname: y\n');
    assert.equal(e.message, 'bad.yaml:2: YAML syntax error (column 1): Map keys must be unique');
  });

  it('refuses an empty file', () => {
    expectScenarioError('', { path: '', line: 1, expected: 'a scenario', found: 'got an empty file' });
    expectScenarioError('# nothing but a comment\n', { path: '', line: 1, expected: 'a scenario', found: 'got an empty file' });
  });

  it('refuses a list where the scenario mapping belongs', () => {
    expectScenarioError('- a\n- b\n', { path: '', line: 1, expected: 'a scenario', found: 'got [a, b]' });
  });

  it('every error is a ScenarioError whose message starts with the file name', () => {
    const texts = ['', ':', 'a: [', '{ a', 'window: 1', 'input: 1\nwindow: { type: global }', 'input: { generator: { events: 1 } }\nwindow: { type: global }\nextra: 1'];
    for (const text of texts) {
      assert.throws(
        () => parseScenario(text, 'start.yaml', NO_FILES),
        (e: unknown) => e instanceof ScenarioError && e.message.startsWith('start.yaml:') && e.file === 'start.yaml',
        JSON.stringify(text),
      );
    }
  });

  it('formats an error without a line as file: path: expected …, got …', () => {
    assert.equal(new ScenarioError({ file: 'f.yaml', path: 'a', expected: 'b', found: '"c"' }).message, 'f.yaml: a: expected b, got "c"');
  });
});

describe('errors: engine, chaining and cost', () => {
  /** Line 1 input, line 2 window, `extra` from line 3. */
  const file = (extra: string) => `input: { generator: { events: 10 } }\nwindow: { type: global }\n${extra}`;

  it('a misspelt engine, as a keyword and as a type', () => {
    expectScenarioError(file('engine: microbatch'), {
      path: 'engine',
      line: 3,
      expected: 'one of native, micro-batch',
      found: 'got "microbatch"',
      mentions: ['did you mean "micro-batch"?'],
    });
    expectScenarioError(file('engine:\n  type: micro_batch'), {
      path: 'engine.type',
      line: 4,
      expected: 'one of native, micro-batch',
      mentions: ['did you mean "micro-batch"?'],
    });
  });

  it('an engine that is neither a keyword nor a mapping', () => {
    expectScenarioError(file('engine: 5'), { path: 'engine', line: 3, expected: 'native, micro-batch or a mapping such as { type: micro-batch, trigger: 1s }', found: 'got 5' });
  });

  it('a bad micro-batch trigger or noDataBatches', () => {
    expectScenarioError(file('engine: { type: micro-batch, trigger: soon }'), {
      path: 'engine.trigger',
      line: 3,
      expected: 'a non-negative duration (e.g. 1s, 500ms) or asap',
      found: 'got "soon"',
    });
    expectScenarioError(file('engine: { type: micro-batch, trigger: -1s }'), { path: 'engine.trigger', line: 3, expected: 'or asap', found: 'got "-1s"' });
    expectScenarioError(file('engine: { type: micro-batch, noDataBatches: yes }'), { path: 'engine.noDataBatches', line: 3, expected: 'true or false', found: 'got "yes"' });
  });

  it('a micro-batch field on the native engine', () => {
    expectScenarioError(file('engine: { type: native, trigger: 1s }'), { path: 'engine.trigger', line: 3, expected: 'one of type', mentions: ['unknown field'] });
  });

  it('chaining is true or false', () => {
    expectScenarioError(file('chaining: off'), { path: 'chaining', line: 3, expected: 'true or false', found: 'got "off"' });
  });

  it('a cost that is negative, or not a cost', () => {
    expectScenarioError(file('cost:\n  sourceRecord: -2us'), {
      path: 'cost.sourceRecord',
      line: 4,
      expected: 'a non-negative cost in microseconds (e.g. 2us, 0.5us, 3ms)',
      found: 'got "-2us"',
    });
    expectScenarioError(file('cost: { window: -1 }'), { path: 'cost.window', line: 3, expected: 'a non-negative cost in microseconds', found: 'got -1' });
    expectScenarioError(file('cost: { sink: 2 minutes }'), { path: 'cost.sink', line: 3, expected: 'a non-negative cost in microseconds', found: 'got "2 minutes"' });
    expectScenarioError(file('cost:\n  state: { access: fast }'), { path: 'cost.state.access', line: 4, expected: 'a non-negative cost in microseconds' });
  });

  it('cost counts and durations', () => {
    expectScenarioError(file('cost: { channelCapacity: 0 }'), { path: 'cost.channelCapacity', line: 3, expected: 'a positive integer', found: 'got 0' });
    expectScenarioError(file('cost:\n  buffer:\n    records: 1.5'), { path: 'cost.buffer.records', line: 5, expected: 'a positive integer', found: 'got 1.5' });
    expectScenarioError(file('cost: { buffer: { timeout: -5ms } }'), { path: 'cost.buffer.timeout', line: 3, expected: 'a non-negative duration' });
    expectScenarioError(file('cost: { batchOverhead: 0.5ms }'), { path: 'cost.batchOverhead', line: 3, expected: 'a non-negative duration' });
    expectScenarioError(file('cost: { snapshot: soon }'), { path: 'cost.snapshot', line: 3, expected: 'a non-negative duration' });
    expectScenarioError(file('cost: { state: { asyncConcurrency: 0 } }'), { path: 'cost.state.asyncConcurrency', line: 3, expected: 'a positive integer' });
    expectScenarioError(file('cost: { state: { backend: remote } }'), { path: 'cost.state.backend', line: 3, expected: 'one of memory, external', found: 'got "remote"' });
  });

  it('an unknown cost field, with a suggestion', () => {
    expectScenarioError(file('cost:\n  sourceRecrd: 2us'), {
      path: 'cost.sourceRecrd',
      line: 4,
      expected: 'one of sourceRecord, operatorRecord, window',
      mentions: ['unknown field (did you mean "sourceRecord"?)'],
    });
    expectScenarioError(file('cost:\n  buffer: { record: 10 }'), { path: 'cost.buffer.record', line: 4, expected: 'one of records, timeout', mentions: ['did you mean "records"?'] });
  });

  it('cost: with nothing after it is not a mapping', () => {
    expectScenarioError(file('cost:'), { path: 'cost', line: 3, expected: 'a mapping with sourceRecord', found: 'got null' });
  });
});

describe('errors: checkpoints, delivery, failures and savepoints', () => {
  const file = (extra: string) => `input: { generator: { events: 10 } }\nwindow: { type: global }\n${extra}`;

  it('checkpoints need an interval', () => {
    expectScenarioError(file('checkpoints: { mode: aligned }'), { path: 'checkpoints.interval', line: 3, expected: 'a positive duration', mentions: ['missing'] });
    expectScenarioError(file('checkpoints: { interval: 0 }'), { path: 'checkpoints.interval', line: 3, expected: 'a positive duration', found: 'got 0' });
  });

  it('checkpoint settings', () => {
    expectScenarioError(file('checkpoints:\n  interval: 10s\n  mode: unalinged'), {
      path: 'checkpoints.mode',
      line: 5,
      expected: 'one of aligned, unaligned, at-least-once',
      mentions: ['did you mean "unaligned"?'],
    });
    expectScenarioError(file('checkpoints: { interval: 10s, maxConcurrent: 0 }'), { path: 'checkpoints.maxConcurrent', line: 3, expected: 'a positive integer' });
    expectScenarioError(file('checkpoints: { interval: 10s, timeout: 0 }'), { path: 'checkpoints.timeout', line: 3, expected: 'a positive duration' });
    expectScenarioError(file('checkpoints: { interval: 10s, alignedTimeout: 0 }'), { path: 'checkpoints.alignedTimeout', line: 3, expected: 'a positive duration' });
    expectScenarioError(file('checkpoints: { interval: 10s, minPause: -1s }'), { path: 'checkpoints.minPause', line: 3, expected: 'a non-negative duration' });
    expectScenarioError(file('checkpoints: { interval: 10s, intervall: 5s }'), { path: 'checkpoints.intervall', line: 3, expected: 'one of interval, mode', mentions: ['did you mean "interval"?'] });
  });

  it('a misspelt guarantee, with a suggestion', () => {
    expectScenarioError(file('delivery: exactly-one'), {
      path: 'delivery',
      line: 3,
      expected: 'one of at-most-once, at-least-once, exactly-once',
      found: 'got "exactly-one"',
      mentions: ['did you mean "exactly-once"?'],
    });
  });

  it('delivery as a mapping needs its guarantee, and checks sink and readers', () => {
    expectScenarioError(file('delivery: { sink: idempotent }'), { path: 'delivery.guarantee', line: 3, expected: 'one of at-most-once, at-least-once, exactly-once', mentions: ['missing'] });
    expectScenarioError(file('delivery: { guarantee: exactly-once, sink: transactonal }'), { path: 'delivery.sink', line: 3, expected: 'one of plain, transactional, idempotent', mentions: ['did you mean "transactional"?'] });
    expectScenarioError(file('delivery:\n  guarantee: exactly-once\n  readers: [read-commited]'), { path: 'delivery.readers[0]', line: 5, expected: 'one of read-committed, read-uncommitted', mentions: ['did you mean "read-committed"?'] });
    expectScenarioError(file('delivery:\n  guarantee: exactly-once\n  readers: read-committed'), { path: 'delivery.readers', line: 5, expected: 'a list of isolation levels', found: 'got "read-committed"' });
    expectScenarioError(file('delivery:\n  guarantee: exactly-once\n  readers: [read-committed, read-committed]'), { path: 'delivery.readers[1]', line: 5, expected: 'each isolation level once (read-committed is readers[0])' });
    expectScenarioError(file('delivery: 1'), { path: 'delivery', line: 3, expected: 'at-most-once, at-least-once, exactly-once or a mapping', found: 'got 1' });
  });

  it('failures are a list of failures', () => {
    expectScenarioError(file('failures: { crash: window-0, at: 1s }'), { path: 'failures', line: 3, expected: 'a list of failures', found: 'got { crash: window-0, at: 1s }' });
    expectScenarioError(file('failures:\n  - crash'), { path: 'failures[0]', line: 4, expected: 'a failure such as { crash: window-0, at: 30s }', found: 'got "crash"' });
  });

  it('a failure of an unknown kind, with a suggestion', () => {
    expectScenarioError(file('failures:\n  - { crsh: window-0, at: 30s }'), {
      path: 'failures[0].crsh',
      line: 4,
      expected: 'one of crash, jobFailure, slow, network, sinkWriteFailure, sinkCommitFailure, partitionOutage, random',
      mentions: ['unknown field (did you mean "crash"?)'],
    });
    expectScenarioError(file('failures:\n  - { at: 30s }'), {
      path: 'failures[0]',
      line: 4,
      expected: 'exactly one of crash, jobFailure, slow, network, sinkWriteFailure, sinkCommitFailure, partitionOutage or random',
      found: 'got none of them',
    });
  });

  it('a failure of two kinds at once', () => {
    expectScenarioError(file('failures:\n  - { crash: window-0, slow: window-0, at: 1s }'), { path: 'failures[0]', line: 4, expected: 'exactly one of crash, jobFailure', found: 'got crash and slow' });
  });

  it('a field that the kind of failure does not have', () => {
    expectScenarioError(file('failures:\n  - { crash: window-0, at: 30s, factor: 2 }'), {
      path: 'failures[0].factor',
      line: 4,
      expected: 'one of crash, at, afterCheckpoint, afterRecords, restartDelay',
      mentions: ['unknown field'],
    });
    expectScenarioError(file('failures:\n  - { jobFailure: true, afterRecords: 100 }'), { path: 'failures[0].afterRecords', line: 4, expected: 'one of jobFailure, at, afterCheckpoint, restartDelay' });
    expectScenarioError(file('failures:\n  - { slow: window-0, factor: 2, restartDelay: 1s }'), { path: 'failures[0].restartDelay', line: 4, expected: 'one of slow, from, until, factor' });
  });

  it('a crash, a job failure or a sink write failure strikes by exactly one trigger', () => {
    expectScenarioError(file('failures:\n  - { crash: window-0 }'), { path: 'failures[0]', line: 4, expected: 'exactly one of at, afterCheckpoint or afterRecords', found: 'got none of them' });
    expectScenarioError(file('failures:\n  - { sinkWriteFailure: window-0, at: 1s, afterRecords: 5 }'), { path: 'failures[0]', line: 4, expected: 'exactly one of at, afterCheckpoint or afterRecords', found: 'got at and afterRecords' });
    expectScenarioError(file('failures:\n  - { jobFailure: true }'), { path: 'failures[0]', line: 4, expected: 'exactly one of at or afterCheckpoint', found: 'got none of them' });
  });

  it('bad values inside a failure', () => {
    expectScenarioError(file('failures:\n  - { crash: win-0, at: 1s }'), { path: 'failures[0].crash', line: 4, expected: 'a task such as source-0 or window-1', found: 'got "win-0"' });
    expectScenarioError(file('failures:\n  - { crash: window-01, at: 1s }'), { path: 'failures[0].crash', line: 4, expected: 'a task such as source-0 or window-1' });
    expectScenarioError(file('failures:\n  - { crash: window-0, at: -1s }'), { path: 'failures[0].at', line: 4, expected: 'a non-negative time' });
    expectScenarioError(file('failures:\n  - { crash: window-0, afterCheckpoint: 0 }'), { path: 'failures[0].afterCheckpoint', line: 4, expected: 'a positive integer' });
    expectScenarioError(file('failures:\n  - { crash: window-0, afterRecords: many }'), { path: 'failures[0].afterRecords', line: 4, expected: 'a positive integer' });
    expectScenarioError(file('failures:\n  - { crash: window-0, at: 1s, restartDelay: -1s }'), { path: 'failures[0].restartDelay', line: 4, expected: 'a non-negative duration' });
    expectScenarioError(file('failures:\n  - { jobFailure: false, at: 1s }'), { path: 'failures[0].jobFailure', line: 4, expected: 'true', found: 'got false' });
    expectScenarioError(file('failures:\n  - { slow: window-0, factor: 0.5 }'), { path: 'failures[0].factor', line: 4, expected: 'a factor of at least 1 (e.g. 10 for ten times slower)', found: 'got 0.5' });
    expectScenarioError(file('failures:\n  - { slow: window-0 }'), { path: 'failures[0].factor', line: 4, expected: 'a factor of at least 1', mentions: ['missing'] });
    expectScenarioError(file('failures:\n  - { slow: window-0, factor: 2, until: later }'), { path: 'failures[0].until', line: 4, expected: 'a time (e.g. 12:02:00, 90s or 500) or end' });
    expectScenarioError(file('failures:\n  - { network: lose }'), { path: 'failures[0].network', line: 4, expected: 'one of delay, drop, duplicate, reorder', found: 'got "lose"' });
    expectScenarioError(file('failures:\n  - { network: delay, delay: 0 }'), { path: 'failures[0].delay', line: 4, expected: 'a positive duration' });
    expectScenarioError(file('failures:\n  - { sinkCommitFailure: 0 }'), { path: 'failures[0].sinkCommitFailure', line: 4, expected: 'a positive integer' });
    expectScenarioError(file('failures:\n  - { partitionOutage: -1 }'), { path: 'failures[0].partitionOutage', line: 4, expected: 'a non-negative integer' });
  });

  it('a random entry needs an end, and there is at most one', () => {
    expectScenarioError(file('failures:\n  - random:\n      crashes: 3'), { path: 'failures[0].random.until', line: 4, expected: 'a non-negative time', mentions: ['missing'] });
    expectScenarioError(file('failures:\n  - { random: { crashes: 3, until: end } }'), { path: 'failures[0].random.until', line: 4, expected: 'a non-negative time', found: 'got "end"' });
    expectScenarioError(file('failures:\n  - { random: { crashes: 1, until: 1m } }\n  - { crash: window-0, at: 1s }\n  - { random: { crashes: 2, until: 2m } }'), {
      path: 'failures[2]',
      line: 6,
      expected: 'at most one random entry (failures[0] is one)',
    });
    expectScenarioError(file('failures:\n  - { random: { crashes: 1, until: 1m, restart: 1s } }'), { path: 'failures[0].random.restart', line: 4, expected: 'one of crashes, jobFailures, from, until, restartDelay' });
  });

  it('savepoints are a list of times', () => {
    expectScenarioError(file('savepoints: 60s'), { path: 'savepoints', line: 3, expected: 'a list of times such as [60s, "12:05:00"]', found: 'got "60s"' });
    expectScenarioError(file('savepoints: [60s, soon]'), { path: 'savepoints[1]', line: 3, expected: 'a non-negative time', found: 'got "soon"' });
  });
});
