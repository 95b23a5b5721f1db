import { describe, it } from 'node:test';
import { expectScenarioError } from './test-support.test.js';
import { file, parses, TIMELINE_WITHOUT_WATERMARK } from './rules.test-support.js';

describe('rules: engine and cost', () => {
  it('kafka-streams runs on the native engine only', () => {
    expectScenarioError(file('semantics: kafka-streams\nengine: micro-batch'), {
      path: 'engine',
      line: 4,
      expected: 'native with semantics kafka-streams',
      found: 'got "micro-batch" with semantics kafka-streams',
      mentions: ['Kafka Streams processes each record as it arrives'],
    });
    expectScenarioError(file('semantics: kafka-streams\nengine:\n  type: micro-batch\n  trigger: 1s'), {
      path: 'engine.type',
      line: 5,
      expected: 'native with semantics kafka-streams',
      found: 'got "micro-batch" with semantics kafka-streams',
    });
    parses(file('semantics: kafka-streams\nengine: native'));
  });

  it('micro-batch runs spark in update mode, and flink and beam too', () => {
    parses(file('semantics: spark\noutputMode: update\nengine: { type: micro-batch, trigger: 1s }'));
    parses(file('semantics: flink\nengine: micro-batch'));
    parses(file('semantics: beam\nengine: micro-batch'));
  });

  it('complete mode needs the micro-batch engine, and update or complete mode on it needs accumulating', () => {
    expectScenarioError(file('semantics: spark\noutputMode: complete'), {
      path: 'outputMode',
      line: 4,
      expected: 'append or update unless engine is micro-batch',
      found: 'got "complete" with engine native',
      mentions: ['whole result table after every micro-batch'],
    });
    expectScenarioError(file('semantics: spark\noutputMode: complete\nengine: micro-batch\naccumulation: discarding'), {
      path: 'accumulation',
      line: 6,
      expected: 'accumulating with outputMode complete on the micro-batch engine',
    });
    expectScenarioError(file('semantics: spark\noutputMode: update\nengine: micro-batch\naccumulation: accumulating-retracting'), {
      path: 'accumulation',
      line: 6,
      expected: 'accumulating with outputMode update on the micro-batch engine',
    });
    expectScenarioError(file('outputMode: complete'), { path: 'outputMode', line: 3, expected: 'append unless semantics is spark' });
    parses(file('semantics: spark\noutputMode: complete\nengine: { type: micro-batch, trigger: 1s }'));
    parses(file('semantics: spark\noutputMode: update\nengine: micro-batch\naccumulation: accumulating'));
    // The native engine keeps Spark's per-element update rule in any accumulation mode.
    parses(file('semantics: spark\noutputMode: update\naccumulation: discarding'));
  });

  it('a micro-batch query takes no savepoints', () => {
    expectScenarioError(file('engine: micro-batch\nsavepoints: [10s]'), { path: 'savepoints', line: 4, expected: 'no savepoints with engine micro-batch' });
  });

  it('a micro-batch query replays from its offset and commit logs, without a checkpoints section', () => {
    parses(file('engine: micro-batch\ndelivery: exactly-once'));
    parses(file('engine: micro-batch\ndelivery: { guarantee: at-least-once, sink: plain }\nfailures:\n  - { sinkCommitFailure: 2 }\n  - { jobFailure: true, afterCheckpoint: 1 }'));
  });

  it('asynchronous state access needs an external store', () => {
    expectScenarioError(file('cost:\n  state: { asyncConcurrency: 4 }'), {
      path: 'cost.state.asyncConcurrency',
      line: 4,
      expected: '1 unless cost.state.backend is external',
      found: 'got 4 with backend memory',
      mentions: ['Asynchronous I/O overlaps requests to an external store'],
    });
    parses(file('cost:\n  state: { backend: external, asyncConcurrency: 4 }'));
    parses(file('cost:\n  state: { backend: memory, asyncConcurrency: 1 }'));
  });

  it('a full network buffer fits in the receiver\'s channel', () => {
    expectScenarioError(file('cost:\n  channelCapacity: 50'), {
      path: 'cost.channelCapacity',
      line: 4,
      expected: 'at least cost.buffer.records (100, the default)',
      found: 'got 50',
      mentions: ['A buffer is sent whole'],
    });
    expectScenarioError(file('cost:\n  buffer: { records: 2000 }'), {
      path: 'cost.buffer.records',
      line: 4,
      expected: 'at most cost.channelCapacity (1000, the default)',
      found: 'got 2000',
    });
    expectScenarioError(file('cost:\n  buffer: { records: 300 }\n  channelCapacity: 200'), {
      path: 'cost.buffer.records',
      line: 4,
      expected: 'at most cost.channelCapacity (200)',
    });
    parses(file('cost: { buffer: { records: 200 }, channelCapacity: 200 }'));
  });
});

describe('rules: checkpoints and delivery', () => {
  const CHECKPOINTS = 'checkpoints: { interval: 10s }';

  it('an aligned timeout belongs to aligned checkpoints', () => {
    for (const mode of ['unaligned', 'at-least-once']) {
      expectScenarioError(file(`checkpoints:\n  interval: 10s\n  mode: ${mode}\n  alignedTimeout: 2s`), {
        path: 'checkpoints.alignedTimeout',
        line: 6,
        expected: 'no alignedTimeout unless checkpoints.mode is aligned',
        found: `got "2s" with mode ${mode}`,
        mentions: ['unaligned and at-least-once checkpoints never align'],
      });
    }
    parses(file('checkpoints: { interval: 10s, mode: aligned, alignedTimeout: 2s }'));
    parses(file('checkpoints: { interval: 10s, alignedTimeout: 2s }'));
  });

  it('at-least-once and exactly-once need checkpoints to replay from', () => {
    expectScenarioError(file('delivery: exactly-once'), {
      path: 'delivery',
      line: 3,
      expected: 'at-most-once without checkpoints',
      found: 'got "exactly-once" with no checkpoints',
      mentions: ['Exactly-once replays from the last completed checkpoint', 'checkpoints: { interval: 10s }'],
    });
    expectScenarioError(file('delivery:\n  guarantee: at-least-once'), {
      path: 'delivery.guarantee',
      line: 4,
      expected: 'at-most-once without checkpoints',
      found: 'got "at-least-once" with no checkpoints',
      mentions: ['At-least-once replays from the last completed checkpoint'],
    });
    parses(file(`${CHECKPOINTS}\ndelivery: exactly-once`));
    parses(file(`${CHECKPOINTS}\ndelivery: at-least-once`));
    parses(file('delivery: at-most-once'));
  });

  it('a plain sink cannot give exactly-once', () => {
    expectScenarioError(file(`${CHECKPOINTS}\ndelivery: { guarantee: exactly-once, sink: plain }`), {
      path: 'delivery.sink',
      line: 4,
      expected: 'transactional or idempotent with exactly-once',
      found: 'got "plain" with guarantee exactly-once',
      mentions: ['A plain sink cannot give exactly-once: choose transactional or idempotent'],
    });
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: exactly-once, sink: idempotent }`));
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: exactly-once, sink: transactional }`));
  });

  it('transactional and idempotent sinks also serve at-least-once', () => {
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: at-least-once, sink: transactional }`));
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: at-least-once, sink: idempotent }`));
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: at-least-once, sink: plain }`));
  });

  it('at-most-once writes to a plain sink', () => {
    expectScenarioError(file('delivery: { guarantee: at-most-once, sink: transactional }'), {
      path: 'delivery.sink',
      line: 3,
      expected: 'plain with at-most-once',
      found: 'got "transactional" with guarantee at-most-once',
      mentions: ['At-most-once never replays, so a transactional sink has nothing to hold back'],
    });
    expectScenarioError(file(`${CHECKPOINTS}\ndelivery: { guarantee: at-most-once, sink: idempotent }`), {
      path: 'delivery.sink',
      line: 4,
      expected: 'plain with at-most-once',
      found: 'got "idempotent" with guarantee at-most-once',
      mentions: ['At-most-once never replays, so an idempotent sink has nothing to overwrite'],
    });
  });

  it('readers belong to a transactional sink', () => {
    expectScenarioError(file(`${CHECKPOINTS}\ndelivery: { guarantee: exactly-once, sink: idempotent, readers: [read-committed] }`), {
      path: 'delivery.readers',
      line: 4,
      expected: 'no readers unless delivery.sink is transactional',
      found: 'got [read-committed] with sink idempotent',
      mentions: ['Isolation levels belong to transactions'],
    });
    expectScenarioError(file(`${CHECKPOINTS}\ndelivery:\n  guarantee: at-least-once\n  readers: [read-uncommitted]`), {
      path: 'delivery.readers',
      line: 6,
      expected: 'no readers unless delivery.sink is transactional',
      found: 'got [read-uncommitted] with sink plain',
    });
    parses(file(`${CHECKPOINTS}\ndelivery: { guarantee: at-least-once, readers: [] }`));
  });
});

describe('rules: failures', () => {
  const JOB = 'parallelism: { source: 2, window: 3 }\ncheckpoints: { interval: 10s }\ncost: {}\nfailures:';
  /** Line 1 input (2 partitions), line 2 window, lines 3-6 JOB, the failures from line 7. */
  const failures = (...entries: string[]) =>
    file([JOB, ...entries.map((e) => `  - ${e}`)].join('\n'), 'input: { generator: { events: 10, partitions: 2 } }');

  it('a task exists: its index is below its stage\'s parallelism', () => {
    expectScenarioError(failures('{ crash: window-3, at: 1s }'), {
      path: 'failures[0].crash',
      line: 7,
      expected: 'window-0 to window-2 (parallelism.window is 3)',
      found: 'got "window-3"',
      mentions: ['Tasks are numbered from 0'],
    });
    expectScenarioError(failures('{ crash: window-0, at: 1s }', '{ slow: source-2, factor: 2 }'), {
      path: 'failures[1].slow',
      line: 8,
      expected: 'source-0 to source-1 (parallelism.source is 2)',
      found: 'got "source-2"',
    });
    expectScenarioError(file('failures:\n  - { crash: source-1, at: 1s }'), {
      path: 'failures[0].crash',
      line: 4,
      expected: 'source-0 (parallelism.source is 1, the default)',
    });
    expectScenarioError(file('parallelism: { window: 2 }\nfailures:\n  - { crash: source-1, at: 1s }'), {
      path: 'failures[0].crash',
      line: 5,
      expected: 'source-0 (parallelism.source is 1, the default)',
    });
    expectScenarioError(file('parallelism: 2\nfailures:\n  - { network: delay, to: window-2 }'), {
      path: 'failures[0].to',
      line: 5,
      expected: 'window-0 to window-1 (parallelism.window is 2)',
    });
    expectScenarioError(failures('{ sinkWriteFailure: window-7, at: 1s }'), { path: 'failures[0].sinkWriteFailure', line: 7, expected: 'window-0 to window-2' });
    parses(failures('{ crash: window-2, at: 1s }', '{ crash: source-1, at: 2s }', '{ slow: window-2, factor: 3 }'));
  });

  it('only a window task writes to the sink or receives over the network', () => {
    expectScenarioError(failures('{ sinkWriteFailure: source-0, at: 1s }'), {
      path: 'failures[0].sinkWriteFailure',
      line: 7,
      expected: 'a window task such as window-0',
      found: 'got "source-0"',
      mentions: ['The sink is chained to the window tasks'],
    });
    expectScenarioError(failures('{ network: delay, to: source-1 }'), {
      path: 'failures[0].to',
      line: 7,
      expected: 'a window task such as window-0',
      mentions: ['only a window task has channels coming in'],
    });
  });

  it('afterCheckpoint needs checkpoints', () => {
    for (const entry of ['{ crash: window-0, afterCheckpoint: 2 }', '{ jobFailure: true, afterCheckpoint: 1 }', '{ sinkWriteFailure: window-0, afterCheckpoint: 1 }']) {
      expectScenarioError(file(`failures:\n  - ${entry}`), {
        path: 'failures[0].afterCheckpoint',
        line: 4,
        expected: 'at or afterRecords without checkpoints',
        mentions: ['never completes in a scenario without checkpoints', 'add checkpoints: { interval: 10s }'],
      });
    }
    parses(failures('{ crash: window-0, afterCheckpoint: 2 }'));
  });

  it('a sink commit failure needs checkpoints and a transactional sink', () => {
    expectScenarioError(file('failures:\n  - { sinkCommitFailure: 3 }'), {
      path: 'failures[0].sinkCommitFailure',
      line: 4,
      expected: 'no sinkCommitFailure unless delivery.sink is transactional and there are checkpoints',
      found: 'got 3 with no checkpoints',
      mentions: ['commits when a checkpoint completes, and there are none'],
    });
    expectScenarioError(failures('{ sinkCommitFailure: 3 }'), {
      path: 'failures[0].sinkCommitFailure',
      line: 7,
      expected: 'no sinkCommitFailure unless delivery.sink is transactional',
      found: 'got 3 with sink plain',
      mentions: ['Only a transactional sink commits'],
    });
    parses(file('checkpoints: { interval: 10s }\ndelivery: exactly-once\nfailures:\n  - { sinkCommitFailure: 3 }'));
    parses(file('checkpoints: { interval: 10s }\ndelivery: { guarantee: at-least-once, sink: transactional }\nfailures:\n  - { sinkCommitFailure: 1 }'));
  });

  it('a partition outage names a partition of the input', () => {
    expectScenarioError(failures('{ partitionOutage: 2 }'), {
      path: 'failures[0].partitionOutage',
      line: 7,
      expected: 'a partition below 2, the input\'s partition count',
      found: 'got 2',
      mentions: ['Partitions are numbered from 0'],
    });
    expectScenarioError(file('failures:\n  - { partitionOutage: 1 }', TIMELINE_WITHOUT_WATERMARK), { path: 'failures[0].partitionOutage', line: 4, expected: 'a partition below 1' });
    parses(failures('{ partitionOutage: 1, from: 1s, until: 2s }'));
  });

  it('a fault that lasts a while ends after it starts', () => {
    expectScenarioError(failures('{ slow: window-0, from: 30s, until: 10s, factor: 2 }'), { path: 'failures[0].until', line: 7, expected: 'a time after slow.from (30s)', found: 'got "10s"' });
    expectScenarioError(failures('{ network: delay, from: 10s, until: 10s }'), { path: 'failures[0].until', line: 7, expected: 'a time after network.from (10s)' });
    expectScenarioError(failures('{ partitionOutage: 0, until: 0 }'), { path: 'failures[0].until', line: 7, expected: 'a time after partitionOutage.from (0, the default)', found: 'got 0' });
    parses(failures('{ slow: window-0, from: 30s, until: end, factor: 2 }'));
  });

  it('a slow task needs a cost model to be slow', () => {
    expectScenarioError(file('failures:\n  - { slow: window-0, factor: 10 }'), {
      path: 'failures[0].slow',
      line: 4,
      expected: 'no slow task without cost',
      found: 'got "window-0" with no cost',
      mentions: ['add cost: {} for the default costs'],
    });
  });

  it('delay belongs to delay and reorder faults, restartDelay to drops', () => {
    expectScenarioError(failures('{ network: drop, delay: 1s }'), {
      path: 'failures[0].delay',
      line: 7,
      expected: 'no delay with network drop',
      mentions: ['Only delay and reorder faults hold records back'],
    });
    expectScenarioError(failures('{ network: duplicate, delay: 1s }'), { path: 'failures[0].delay', line: 7, expected: 'no delay with network duplicate' });
    expectScenarioError(failures('{ network: delay, restartDelay: 1s }'), {
      path: 'failures[0].restartDelay',
      line: 7,
      expected: 'no restartDelay with network delay',
      mentions: ['Only a drop breaks the connection'],
    });
    parses(failures('{ network: drop, restartDelay: 2s }', '{ network: reorder, delay: 1s }', '{ network: delay, delay: 1s }'));
  });

  it('random faults: some of them, in a period that ends after it starts', () => {
    expectScenarioError(failures('{ crash: window-0, at: 1s }', '{ random: { from: 10s, until: 5m } }'), {
      path: 'failures[1].random',
      line: 8,
      expected: 'crashes or jobFailures above 0',
      mentions: ['draws that many faults from the seed'],
    });
    expectScenarioError(failures('{ random: { crashes: 3, from: 5m, until: 10s } }'), {
      path: 'failures[0].random.until',
      line: 7,
      expected: 'a time after random.from (5m)',
      found: 'got "10s"',
    });
    expectScenarioError(failures('{ random: { crashes: 3, until: 0 } }'), { path: 'failures[0].random.until', line: 7, expected: 'a time after random.from (0, the default)' });
  });

  it('reports the written index of a fault that follows the random entry', () => {
    expectScenarioError(failures('{ random: { crashes: 1, until: 1m } }', '{ crash: window-9, at: 1s }'), { path: 'failures[1].crash', line: 8, expected: 'window-0 to window-2' });
  });
});

describe('rules: savepoints', () => {
  it('savepoints are taken in the order written', () => {
    expectScenarioError(file('savepoints: [60s, 30s]'), {
      path: 'savepoints[1]',
      line: 3,
      expected: 'a time after the previous savepoint\'s (60s)',
      found: 'got "30s"',
      mentions: ['in the order written'],
    });
    expectScenarioError(file('savepoints:\n  - 1m\n  - 1m'), { path: 'savepoints[1]', line: 5, expected: 'a time after the previous savepoint\'s (1m)' });
  });

  it('a savepoint needs no periodic checkpoints', () => {
    parses(file('savepoints: [60s, "12:05:00"]'));
  });
});
