import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, ScenarioError } from './parse.js';
import { expectScenarioError, NO_FILES } from './test-support.test.js';
import { scoresWith } from './errors.test-support.js';

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
