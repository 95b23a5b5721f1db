/**
 * Delivery guarantees end to end, under generated failure schedules (SEMANTICS.md, "Delivery
 * guarantees"). Each run is set against the failure-free run of the same trace (the ledger):
 * - exactly-once, with a two-phase-commit sink (its read-committed reader) or an idempotent upsert
 *   sink: the output equals the failure-free output, result for result;
 * - at-least-once (replay into a plain sink): nothing is missing;
 * - at-most-once (no replay): nothing is duplicated;
 * - liveness (STYLE.md, a safety phase then a liveness phase): once the faults stop, every window
 *   fires and a checkpoint completes.
 *
 * The scenarios have deterministic output, so that a replay must reproduce what the failure-free
 * run wrote: a perfect watermark (no late data, whose fate would hang on when the periodic
 * watermark happened to be emitted) and no early firings (processing-time triggers fire at other
 * times after a restart, as they do in Flink). Session windows are left out: under Flink's rule two
 * sessions that touch merge only if the second event comes before the first session fires, and a
 * replay delivers records in a burst, ahead of the periodic watermark, so a replay can legitimately
 * merge sessions the failure-free run fired apart (fast-check found it: sessions [0.5 s, 2.5 s) and
 * [2.5 s, 6 s) became [0.5 s, 6 s) after a restore).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Ledger } from '../src/sim/delivery/ledger.js';
import { simulate, type CheckedRun } from '../src/sim/report/simulate.js';
import { parseScenario } from '../src/sim/scenario/parse.js';
import type { CheckpointMode, DeliveryGuarantee, Scenario, SinkKind } from '../src/sim/scenario/types.js';
import { faultyScenarioArb, generatorScenarioArb } from './arbitraries.js';
import { checkProperty } from './replay.js';

const deterministic = generatorScenarioArb({
  semantics: ['flink', 'beam'],
  windows: ['tumbling', 'sliding', 'global'],
  watermarks: ['perfect'],
  earlyFirings: false,
  lateness: false,
  emptySourceTasks: false,
});

function faulty(guarantee: DeliveryGuarantee, sink: SinkKind, modes: readonly CheckpointMode[] = ['aligned']): fc.Arbitrary<Scenario> {
  return faultyScenarioArb(deterministic, guarantee, sink, modes);
}

function describe(s: Scenario, checked: CheckedRun, ledger: Ledger | undefined): string {
  const offending = (ledger?.offending ?? []).slice(0, 5).map((o) => `${o.key} [${o.window.start}, ${o.window.end}) #${o.index} ${o.verdict} seen ${o.seen}× value ${o.value} expected ${o.expectedValue}`);
  return [
    `faults ${JSON.stringify(s.faultTolerance?.faults)}`,
    `checkpoints every ${s.faultTolerance?.checkpoints?.intervalMs} ms; ${checked.run.failures} failures, ${checked.run.restarts} restarts`,
    `ledger ${ledger?.view}: ${ledger?.exact}/${ledger?.results} exact, ${ledger?.duplicated} duplicated, ${ledger?.missing} missing, ${ledger?.wrong} wrong, ${ledger?.extra} extra`,
    ...offending,
  ].join('\n');
}

/** The ledger of the sink's default reader (read-committed, upsert or plain); none when no fault was drawn. */
function defaultLedger(checked: CheckedRun): Ledger | undefined {
  return checked.ledger[0];
}

const runs = 1;

/**
 * A counterexample fast-check found (a regression kept as an example): a window task crashes after
 * the window fired into a transaction that checkpoint 5 had not yet committed. The restarted task
 * reopened a transaction with the same number as the aborted one, so the replayed result was
 * treated as aborted too and never committed (fixed in sink-system.ts: every transaction gets a
 * number of its own, as Kafka's producer epoch fences the old one).
 */
const REPLAY_INTO_ABORTED_TRANSACTION: Scenario = {
  name: 'generated',
  description: 'a scenario drawn by a property test',
  covers: [],
  story: '',
  source: 'generated',
  seed: 171215365,
  semantics: 'beam',
  timeDomain: 'event-time',
  input: {
    kind: 'generator',
    generator: {
      events: 57,
      ratePerSec: 20,
      startMs: 0,
      partitions: 1,
      keys: 3,
      keyDistribution: { type: 'zipf', exponent: 1.1 },
      valueMin: 0,
      valueMax: 20,
      disorder: { type: 'uniform', maxDelayMs: 5548 },
    },
  },
  pipeline: {},
  window: { type: 'sliding', sizeMs: 29993, everyMs: 29993, offsetMs: 14 },
  aggregate: 'sum',
  watermark: { type: 'perfect', intervalMs: 100 },
  trigger: { late: { type: 'count', count: 2 } },
  allowedLatenessMs: 0,
  accumulation: 'accumulating-retracting',
  lateData: 'drop',
  parallelism: { source: 1, window: 1 },
  channelDelayMs: 3,
  outputMode: 'append',
  suppress: false,
  maxSteps: 5000000,
  faultTolerance: {
    checkpoints: { intervalMs: 1000, mode: 'aligned', timeoutMs: 600000, maxConcurrent: 1, minPauseMs: 0 },
    delivery: { guarantee: 'exactly-once', sink: 'transactional', readers: ['read-committed', 'read-uncommitted'] },
    faults: [{ type: 'task-crash', task: { stage: 'window', index: 0 }, trigger: { kind: 'at', atMs: 5000 }, restartDelayMs: 100 }],
    savepointsAtMs: [],
  },
};

test('exactly-once with a transactional sink (aligned or unaligned checkpoints): the read-committed output equals the failure-free output', (t) => {
  checkProperty(
    fc.property(faulty('exactly-once', 'transactional', ['aligned', 'unaligned']), (s) => {
      const checked = simulate(s);
      const l = defaultLedger(checked);
      if (l === undefined) return;
      assert.equal(l.view, 'read-committed');
      assert.equal(l.exact, l.results, describe(s, checked, l));
      assert.equal(l.offending.length, 0, describe(s, checked, l));
    }),
    { file: import.meta.url, test: t, runsFactor: runs, examples: [[REPLAY_INTO_ABORTED_TRANSACTION]] },
  );
});

test('exactly-once with an idempotent sink (aligned or unaligned checkpoints): the upserted output equals the failure-free output', (t) => {
  checkProperty(
    fc.property(faulty('exactly-once', 'idempotent', ['aligned', 'unaligned']), (s) => {
      const checked = simulate(s);
      const l = defaultLedger(checked);
      if (l === undefined) return;
      assert.equal(l.view, 'upsert');
      assert.equal(l.offending.length, 0, describe(s, checked, l));
    }),
    { file: import.meta.url, test: t, runsFactor: runs },
  );
});

test('at-least-once: no result of the failure-free run is missing (aligned or AT_LEAST_ONCE checkpoints)', (t) => {
  checkProperty(
    fc.property(faulty('at-least-once', 'plain', ['aligned', 'at-least-once']), (s) => {
      const checked = simulate(s);
      const l = defaultLedger(checked);
      if (l === undefined) return;
      assert.equal(l.missing, 0, describe(s, checked, l));
    }),
    { file: import.meta.url, test: t, runsFactor: runs },
  );
});

test('at-most-once: no result is duplicated', (t) => {
  checkProperty(
    fc.property(faulty('at-most-once', 'plain'), (s) => {
      const checked = simulate(s);
      const l = defaultLedger(checked);
      if (l === undefined) return;
      assert.equal(l.duplicated, 0, describe(s, checked, l));
    }),
    { file: import.meta.url, test: t, runsFactor: runs },
  );
});

/** When the last fault struck, and when the job was running again after it. */
function lastRecovery(checked: CheckedRun): number {
  let at = -Infinity;
  for (const e of checked.run.trace) if (e.type === 'job-restarted' || e.type === 'job-failed') at = Math.max(at, e.at);
  return at;
}

test('liveness: once the faults stop, every window fires and a checkpoint completes', (t) => {
  checkProperty(
    fc.property(
      fc.oneof(faulty('exactly-once', 'transactional'), faulty('exactly-once', 'idempotent'), faulty('at-least-once', 'plain')),
      (s) => {
        const checked = simulate(s);
        const recovered = lastRecovery(checked);
        const unfired = checked.check.missing.map((m) => `${m.key} [${m.window.start}, ${m.window.end}): ${m.reason}`);
        assert.deepEqual(unfired, [], `${describe(s, checked, defaultLedger(checked))}\nwindows never fired`);
        assert.equal(checked.run.openWindows, 0, 'window states still open at the end');
        const after = checked.run.checkpoints.filter((c) => c.completedAt >= recovered);
        assert.ok(after.length > 0, `${describe(s, checked, defaultLedger(checked))}\nno checkpoint completed after the last recovery at ${recovered} ms`);
      },
    ),
    { file: import.meta.url, test: t, runsFactor: runs },
  );
});

// ---------------------------------------------------------------------------------------------
// Engine bugs found while building the guarantees scenarios, kept as regressions with their
// minimal cases. They need the cost model, which the properties above leave out.

const NO_FILES = {
  readFile: (name: string): string => {
    throw new Error(`no file ${name}`);
  },
  parseEventFile: (): never => {
    throw new Error('no event files');
  },
};

function minimal(extra: string): Scenario {
  const text = [
    'name: minimal',
    'input:',
    '  generator: { events: 1000, rate: 100, partitions: 2, keys: { count: 4 } }',
    'window: { type: tumbling, size: 10s }',
    'aggregate: sum',
    'watermark: { type: bounded-out-of-orderness, maxDelay: 1s }',
    'parallelism: { source: 2, window: 2 }',
    'cost: {}',
    'maxSteps: 200000',
    extra,
  ].join('\n');
  return parseScenario(text, 'minimal.yaml', NO_FILES);
}

test('liveness with the cost model: a run whose input ends on a window boundary finishes', () => {
  // 4000 events at 100/s over 2 partitions end at 39.99 s; 3999, 4000 and 4001 events once ran to
  // the step bound (a source still busy after its last record never sent its end of input; fixed in
  // source-task.ts scheduleRead). With checkpoints the run ends at the first periodic tick after
  // the final checkpoint.
  for (const events of [3999, 4000, 4001]) {
    for (const extra of ['', 'checkpoints: { interval: 2s, mode: aligned }', 'checkpoints: { interval: 2s, mode: unaligned }']) {
      const s = minimal(extra);
      const looping: Scenario = { ...s, input: s.input.kind === 'generator' ? { ...s.input, generator: { ...s.input.generator, events } } : s.input };
      const checked = simulate(looping);
      assert.ok(checked.run.endedAt < 45_000, `${events} events ${extra}: ended at ${checked.run.endedAt}`);
      assert.equal(checked.check.missing.length, 0);
    }
  }
});

test('an unaligned checkpoint with the cost model completes within its interval when nothing is slow', () => {
  // FLIP-76: the overtaken records are persisted when the barrier arrives; the acknowledgement does
  // not wait for them to be processed.
  const checked = simulate(minimal('checkpoints: { interval: 2s, mode: unaligned }'));
  const first = checked.run.checkpoints[0];
  assert.ok(first !== undefined && first.durationMs < 2_000, `checkpoint 1 took ${first?.durationMs} ms`);
});

test('each window task snapshots a checkpoint once, the final one (FLIP-147) included', () => {
  for (const mode of ['unaligned', 'aligned']) {
    const checked = simulate(minimal(`checkpoints: { interval: 2s, mode: ${mode} }`));
    const seen = new Map<string, number>();
    for (const e of checked.run.trace) if (e.type === 'checkpoint-snapshot') seen.set(`${e.id}/${e.task}`, (seen.get(`${e.id}/${e.task}`) ?? 0) + 1);
    assert.deepEqual([...seen].filter(([, n]) => n > 1), [], mode);
    // Every completed checkpoint, the final one included, has one snapshot from each window task.
    for (const cp of checked.run.checkpoints) assert.deepEqual([0, 1].map((task) => seen.get(`${cp.id}/${task}`)), [1, 1], `${mode}: checkpoint ${cp.id}`);
  }
});

/**
 * A backpressured job (window tasks slower than the input, channels full to their credit): the
 * unaligned checkpoints store hundreds of overtaken records, and a crash replays them.
 */
function backpressured(mode: string, delivery: string, crash: string, atMs: number): Scenario {
  const text = [
    'name: backpressured',
    'input:',
    '  generator: { events: 9000, rate: 6000, partitions: 3, keys: { count: 8 } }',
    'window: { type: tumbling, size: 500ms }',
    'aggregate: sum',
    'watermark: { type: monotonous }',
    'parallelism: { source: 2, window: 2 }',
    'cost: { window: 400us, buffer: { records: 100, timeout: 100ms }, channelCapacity: 1000 }',
    `checkpoints: { interval: 500ms, mode: ${mode} }`,
    `delivery: ${delivery}`,
    'failures:',
    `  - { crash: ${crash}, at: ${atMs}ms, restartDelay: 100ms }`,
    'maxSteps: 2000000',
  ].join('\n');
  return parseScenario(text, 'backpressured.yaml', NO_FILES);
}

test('exactly-once under backpressure: a crash replays the in-flight data of unaligned (or timed-out aligned) checkpoints exactly once', (t) => {
  checkProperty(
    fc.property(
      fc.constantFrom('unaligned', 'aligned, alignedTimeout: 30ms', 'aligned'),
      fc.constantFrom('exactly-once', '{ guarantee: exactly-once, sink: idempotent }'),
      fc.constantFrom('window-0', 'window-1', 'source-0', 'source-1'),
      fc.integer({ min: 600, max: 1900 }),
      (mode, delivery, crash, atMs) => {
        const checked = simulate(backpressured(mode, delivery, crash, atMs));
        const l = defaultLedger(checked);
        assert.ok(l !== undefined);
        assert.equal(checked.run.restarts, 1);
        assert.equal(l.offending.length, 0, describe(checked.run.scenario, checked, l));
        if (l.view === 'read-committed') assert.equal(l.exact, l.results, describe(checked.run.scenario, checked, l));
        assert.deepEqual(checked.check.missing, []);
      },
    ),
    { file: import.meta.url, test: t, runsFactor: 0.3 },
  );
});
