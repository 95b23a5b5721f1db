import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, parseJsonl, SourceFileError } from './event-file.js';

/** Asserts that `fn` throws a SourceFileError with exactly `message`. */
function throwsAt(fn: () => unknown, message: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof SourceFileError, `expected a SourceFileError, got ${String(error)}`);
    assert.equal(error.message, message);
    return true;
  });
}

describe('parseJsonl', () => {
  it('reads one object a line, with times as ms, durations or clock times, skipping blank lines', () => {
    const text = [
      '{"key":"a","value":5,"eventTime":1000}',
      '',
      '{"key":"b","value":-2.5,"eventTime":"90s","arrivalTime":"2m","partition":1,"marker":true}',
      '{"key":"c","value":"7","eventTime":"12:00:26.250","arrivalTime":null}',
      '{"key":7,"value":1,"eventTime":"500ms","marker":false}',
    ].join('\n');
    assert.deepEqual(parseJsonl(text, 'events.jsonl'), [
      { key: 'a', value: 5, eventTime: 1000, partition: 0 },
      { key: 'b', value: -2.5, eventTime: 90_000, arrivalTime: 120_000, partition: 1, marker: true },
      { key: 'c', value: 7, eventTime: 43_226_250, partition: 0 },
      { key: '7', value: 1, eventTime: 500, partition: 0, marker: false },
    ]);
  });

  it('returns no rows for an empty file', () => {
    assert.deepEqual(parseJsonl('\n\n', 'empty.jsonl'), []);
  });

  it('names the file, the line and the field in errors', () => {
    const good = '{"key":"a","value":1,"eventTime":0}';
    throwsAt(() => parseJsonl(`${good}\n\n{"key":"a","value":1,"eventTime":"soon"}`, 'events.jsonl'), 'events.jsonl:3: eventTime: expected a time (ms, 90s, 12:00:26), got "soon"');
    throwsAt(() => parseJsonl('{"key":"a","value":1}', 'e.jsonl'), 'e.jsonl:1: eventTime: missing; expected a time (ms, 90s, 12:00:26)');
    throwsAt(() => parseJsonl('{"key":"a","value":1,"eventTime":1.5}', 'e.jsonl'), 'e.jsonl:1: eventTime: expected a time (ms, 90s, 12:00:26), got 1.5');
    throwsAt(() => parseJsonl('{"key":"a","value":true,"eventTime":0}', 'e.jsonl'), 'e.jsonl:1: value: expected a number, got true');
    throwsAt(() => parseJsonl('{"key":"a","value":1,"eventTime":0,"partition":-1}', 'e.jsonl'), 'e.jsonl:1: partition: expected a non-negative integer partition, got -1');
    throwsAt(() => parseJsonl('{"key":"a","value":1,"eventTime":0,"marker":"yes"}', 'e.jsonl'), 'e.jsonl:1: marker: expected true or false, got "yes"');
    throwsAt(() => parseJsonl('{"key":"a","value":1,"eventtime":0}', 'e.jsonl'), 'e.jsonl:1: eventtime: unknown field; expected one of key, value, eventTime, arrivalTime, partition, marker');
    throwsAt(() => parseJsonl('[1,2]', 'e.jsonl'), 'e.jsonl:1: expected a JSON object, got [1,2]');
    assert.throws(() => parseJsonl(`${good}\n{"key":`, 'e.jsonl'), /^SourceFileError: e\.jsonl:2: expected a JSON object, got invalid JSON \(/);
  });
});

describe('parseCsv', () => {
  it('reads rows under a header, in any column order and letter case, with quoted fields', () => {
    const text = [
      'EventTime, key ,value,arrivalTime,partition,marker',
      '12:00:26,a,5,,,',
      '90s,"b, with a comma",3,2m,1,true',
      '  1000 , "say ""hi""" ,-1.5,,0,0',
      '',
      '"500ms","  padded  ",7,1000,2,',
    ].join('\r\n');
    assert.deepEqual(parseCsv(text, 'events.csv'), [
      { key: 'a', value: 5, eventTime: 43_226_000, partition: 0 },
      { key: 'b, with a comma', value: 3, eventTime: 90_000, arrivalTime: 120_000, partition: 1, marker: true },
      { key: 'say "hi"', value: -1.5, eventTime: 1000, partition: 0, marker: false },
      { key: '  padded  ', value: 7, eventTime: 500, arrivalTime: 1000, partition: 2 },
    ]);
  });

  it('names the file, the line and the column in errors', () => {
    const header = 'key,value,eventTime';
    const rows = ['a,1,0', 'b,2,1s', 'c,3,2s', 'd,4,3s', 'e,5,4s'];
    throwsAt(() => parseCsv([header, ...rows, 'f,6,soon'].join('\n'), 'events.csv'), 'events.csv:7: eventTime: expected a time (ms, 90s, 12:00:26), got "soon"');
    throwsAt(() => parseCsv(`${header}\na,,0`, 'e.csv'), 'e.csv:2: value: missing; expected a number');
    throwsAt(() => parseCsv(`${header}\na,x,0`, 'e.csv'), 'e.csv:2: value: expected a number, got "x"');
    throwsAt(() => parseCsv(`${header}\na,1`, 'e.csv'), 'e.csv:2: expected 3 fields (key, value, eventTime), got 2');
    throwsAt(() => parseCsv(`${header}\n"a,1,0`, 'e.csv'), 'e.csv:2: key: unterminated quoted field; expected a closing "');
    throwsAt(() => parseCsv(`${header}\n"a"x,1,0`, 'e.csv'), 'e.csv:2: key: expected a comma after the closing quote');
    throwsAt(() => parseCsv(`${header},partition\na,1,0,1.5`, 'e.csv'), 'e.csv:2: partition: expected a non-negative integer partition, got "1.5"');
  });

  it('checks the header: known columns, no duplicates, the required ones present', () => {
    throwsAt(() => parseCsv('', 'e.csv'), 'e.csv:1: header: expected a header row naming key, value, eventTime');
    throwsAt(() => parseCsv('key,value,time\na,1,0', 'e.csv'), 'e.csv:1: header column 3: unknown column "time"; expected one of key, value, eventTime, arrivalTime, partition, marker');
    throwsAt(() => parseCsv('key,value,eventTime,Key', 'e.csv'), 'e.csv:1: header column 4: column key appears twice');
    throwsAt(() => parseCsv('key,eventTime', 'e.csv'), 'e.csv:1: header: missing column value; the header must name key, value, eventTime');
    assert.deepEqual(parseCsv('key,value,eventTime\n', 'e.csv'), []);
  });
});
