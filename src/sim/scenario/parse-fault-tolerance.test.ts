import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FAULT_TOLERANCE, type FaultSpec, type Scenario } from './types.js';
import { parse, withFields } from './parse.test-support.js';

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
