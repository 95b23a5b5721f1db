import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../scenario/parse.js';
import { NO_FILES } from '../../scenario/test-support.test.js';
import type { Scenario } from '../../scenario/types.js';
import type { TaskStats } from '../engine.js';
import { runNative } from './native-engine.js';

/** A generated scenario; `extra` lines are appended at the top level. */
function scenario(extra: string, generator = 'events: 2000\n    rate: 1000'): Scenario {
  const text = `name: t
semantics: flink
seed: 5
input:
  generator:
    ${generator}
    partitions: 2
    keys: { count: 8 }
    values: { min: 1, max: 10 }
window: { type: tumbling, size: 1s }
aggregate: sum
${extra}
`;
  return parseScenario(text, 't.yaml', NO_FILES);
}

const PIPELINE = 'pipeline:\n  filter: { valueMin: 3 }\n  map: { multiply: 2 }';
const byName = (tasks: readonly TaskStats[], name: string): TaskStats => {
  const t = tasks.find((x) => x.name === name);
  assert.ok(t, `task ${name} in ${tasks.map((x) => x.name).join(', ')}`);
  return t;
};
const paneText = (s: Scenario): string[] =>
  runNative(s)
    .panes.map((p) => `${p.key} ${p.window.start} ${p.value}`)
    .sort();

describe('operator chaining', () => {
  it('gives the same results chained and unchained', () => {
    const on = paneText(scenario(`${PIPELINE}\nparallelism: { source: 2, window: 2 }\ncost: {}`));
    const off = paneText(scenario(`${PIPELINE}\nparallelism: { source: 2, window: 2 }\ncost: {}\nchaining: false`));
    assert.ok(on.length > 0);
    assert.deepEqual(off, on);
  });

  it('runs filter and map as tasks of their own, each with its records and busy time', () => {
    const run = runNative(scenario(`${PIPELINE}\nparallelism: { source: 2, window: 1 }\ncost: { operatorRecord: 100us }\nchaining: false`));
    assert.deepEqual(
      run.tasks.map((t) => t.name),
      ['source-0', 'source-1', 'filter-0', 'filter-1', 'map-0', 'map-1', 'window-0'],
    );
    const read = byName(run.tasks, 'source-0').records + byName(run.tasks, 'source-1').records;
    const filtered = byName(run.tasks, 'filter-0').records + byName(run.tasks, 'filter-1').records;
    const mapped = byName(run.tasks, 'map-0').records + byName(run.tasks, 'map-1').records;
    assert.equal(read, 2000);
    assert.equal(filtered, 2000);
    // valueMin 3 of values 1..9 keeps about seven in nine.
    assert.ok(mapped < filtered && mapped > 1000, `mapped ${mapped}`);
    assert.equal(byName(run.tasks, 'window-0').records, mapped);
    // 100 µs per record for the operator, plus serialisation on both sides of the hops.
    assert.ok(byName(run.tasks, 'filter-0').busyMs >= 100, `filter busy ${byName(run.tasks, 'filter-0').busyMs}`);
  });

  it('moves the operator cost out of the source task, and adds serialisation per hop', () => {
    const cost = `cost: { sourceRecord: 10us, operatorRecord: 100us, serialization: 20us }`;
    const on = runNative(scenario(`${PIPELINE}\n${cost}`));
    const off = runNative(scenario(`${PIPELINE}\n${cost}\nchaining: false`));
    const sourceBusy = (tasks: readonly TaskStats[]) => byName(tasks, 'source-0').busyMs;
    assert.ok(sourceBusy(off.tasks) < sourceBusy(on.tasks) / 3, `source busy ${sourceBusy(off.tasks)} vs ${sourceBusy(on.tasks)}`);
    const total = (tasks: readonly TaskStats[]) => tasks.reduce((n, t) => n + t.busyMs, 0);
    assert.ok(total(off.tasks) > total(on.tasks), `total busy ${total(off.tasks)} vs ${total(on.tasks)}`);
  });

  it('pays the channel latency on every hop', () => {
    // Time from reading an event to windowing it: one hop chained, three unchained (source → filter → map → window).
    const lastWindowed = (s: Scenario) => {
      const ingested = new Map<string, number>();
      let worst = 0;
      for (const e of runNative(s).trace) {
        if (e.type === 'event-ingested') ingested.set(`${e.ref.partition}:${e.ref.offset}`, e.at);
        if (e.type === 'event-windowed') worst = Math.max(worst, e.at - (ingested.get(`${e.ref.partition}:${e.ref.offset}`) ?? e.at));
      }
      return worst;
    };
    assert.equal(lastWindowed(scenario(`${PIPELINE}\nchannelDelay: 10ms`)), 10);
    assert.equal(lastWindowed(scenario(`${PIPELINE}\nchannelDelay: 10ms\nchaining: false`)), 30);
  });

  it('keeps exactly-once under crashes and unaligned checkpoints with chaining off', () => {
    const s = scenario(
      `${PIPELINE}\nparallelism: { source: 2, window: 2 }\nchaining: false\ncost: { window: 300us }\ncheckpoints: { interval: 500ms, mode: unaligned }\ndelivery: exactly-once\nfailures:\n  - { crash: window-1, at: 1500ms }`,
      'events: 3000\n    rate: 2000',
    );
    const run = runNative(s);
    assert.equal(run.restarts, 1);
    const committed = run.sink
      .visible('read-committed')
      .map(({ pane: p }) => `${p.key} ${p.window.start} ${p.value}`)
      .sort();
    assert.deepEqual(committed, paneText({ ...s, faultTolerance: { ...(s.faultTolerance as NonNullable<Scenario['faultTolerance']>), faults: [] } }));
  });
});

describe('costs', () => {
  it('finishes when a source is still busy after its last record (it used to checkpoint until the step bound)', () => {
    const run = runNative(scenario(`cost: { sourceRecord: 3ms }\ncheckpoints: { interval: 200ms }\ndelivery: exactly-once\nmaxSteps: 200000`, 'events: 50\n    rate: 100'));
    assert.ok(run.trace.some((e) => e.type === 'source-finished'));
    assert.equal(run.openWindows, 0);
    assert.ok(run.endedAt < 10_000, `ended at ${run.endedAt}`);
  });

  it('terminates with costs, checkpoints and crashes over a long generated input', () => {
    const s = scenario(
      `parallelism: { source: 2, window: 2 }\n${PIPELINE}\ncost: { sourceRecord: 50us, window: 600us }\ncheckpoints: { interval: 2s }\ndelivery: exactly-once\nfailures:\n  - { crash: window-0, at: 5s }\n  - { crash: source-1, at: 12s }\nmaxSteps: 2000000`,
      'events: 30000\n    rate: 5000',
    );
    const run = runNative(s);
    assert.equal(run.restarts, 2);
    assert.equal(run.openWindows, 0);
    assert.ok(run.trace.filter((e) => e.type === 'source-finished').length >= 2);
  });

  it('saturates a slow window task: the source is backpressured and the run outlasts the input', () => {
    // 2000 events at 1000/s, but the window task takes 2 ms a record: 500 a second.
    const run = runNative(scenario('cost: { window: 2ms }'));
    const window = byName(run.tasks, 'window-0');
    assert.ok(window.busyMs >= 3900, `window busy ${window.busyMs}`);
    assert.ok(byName(run.tasks, 'source-0').backpressuredMs > 0);
    assert.ok(run.endedAt >= 3900, `ended at ${run.endedAt}`);
  });

  it('makes an external state store the bottleneck, and async I/O relieve it', () => {
    const external = runNative(scenario('cost: { state: { backend: external, access: 2ms } }'));
    const async = runNative(scenario('cost: { state: { backend: external, access: 2ms, asyncConcurrency: 8 } }'));
    const memory = runNative(scenario('cost: { state: { backend: memory, access: 0.1us } }'));
    assert.ok(byName(external.tasks, 'window-0').busyMs >= 3900);
    assert.ok(byName(async.tasks, 'window-0').busyMs <= 600, `async busy ${byName(async.tasks, 'window-0').busyMs}`);
    assert.ok(external.endedAt > async.endedAt + 1500, `${external.endedAt} vs ${async.endedAt}`);
    assert.ok(async.endedAt - memory.endedAt < 200, `${async.endedAt} vs ${memory.endedAt}`);
  });

  it('trades latency for throughput with the buffer timeout: small buffers pay the per-buffer overhead nearly per record', () => {
    const run = (timeout: string) => runNative(scenario(`cost: { buffer: { records: 100, timeout: ${timeout}, overhead: 200us } }`));
    const eager = run('0ms');
    const patient = run('200ms');
    const sourceBusy = (r: ReturnType<typeof runNative>) => byName(r.tasks, 'source-0').busyMs;
    // 2000 buffers of one record against a few dozen of up to 100.
    assert.ok(sourceBusy(eager) >= 400, `eager ${sourceBusy(eager)}`);
    assert.ok(sourceBusy(patient) < 50, `patient ${sourceBusy(patient)}`);
    const firstPane = (r: ReturnType<typeof runNative>) => Math.min(...r.panes.map((p) => p.emittedAt));
    assert.ok(firstPane(patient) > firstPane(eager), `${firstPane(patient)} vs ${firstPane(eager)}`);
  });

  it('charges the snapshot cost per state entry: checkpoints of big state take longer', () => {
    const s = (snapshot: string) =>
      runNative(scenario(`cost: { snapshot: ${snapshot} }\ncheckpoints: { interval: 300ms }\ndelivery: exactly-once`, 'events: 2000\n    rate: 1000'));
    const cheap = s('0ms');
    const dear = s('500ms');
    const longest = (r: ReturnType<typeof runNative>) => Math.max(...r.checkpoints.map((c) => c.durationMs));
    assert.ok(longest(dear) > longest(cheap), `${longest(dear)} vs ${longest(cheap)}`);
    // Eight keys, one open window each: 8 entries × 0.5 ms.
    assert.ok(longest(dear) >= 4, `longest ${longest(dear)}`);
  });
});
