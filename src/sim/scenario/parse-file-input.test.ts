import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ScenarioError, type EventSpecRow, type ParseScenarioOptions } from './parse.js';
import { SourceFileError } from '../sources/source-file-error.js';
import { parse } from './parse.test-support.js';

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
