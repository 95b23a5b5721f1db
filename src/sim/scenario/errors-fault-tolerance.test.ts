import { describe, it } from 'node:test';
import { expectScenarioError } from './test-support.test.js';

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
