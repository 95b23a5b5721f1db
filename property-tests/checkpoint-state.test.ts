/**
 * What a checkpoint stores is the state of exactly the records before its offsets (Chandy-Lamport,
 * as Flink's asynchronous barrier snapshots take it: a source snapshots its offsets and emits the
 * barrier; an aligned operator snapshots when the barrier has arrived on every input, so its state
 * reflects every record before the barrier and none after). The law: the window state in a
 * savepoint (an aligned checkpoint) taken at offsets O equals the state of a run that processed
 * exactly the records before O.
 *
 * To make the second run's state computable without a second engine, the window is the global
 * window under the on-time trigger: nothing fires or is purged before the end of input, so the
 * state for a key is the aggregate of all its records so far. That state is then computed directly
 * from the log: every record before O, through the job's filter and map, aggregated per key. Any
 * parallelism: the per-task snapshots together must hold each key once. (When the input ended
 * before the barrier, the final watermark fired the window first, and the law says nothing.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runEngine } from '../src/sim/engines/run.js';
import { compilePipeline } from '../src/sim/operators/pipeline.js';
import { NO_FAULT_TOLERANCE, type Scenario } from '../src/sim/scenario/types.js';
import { rowsOf, scenarioArb } from './arbitraries.js';
import { checkProperty } from './replay.js';

interface Acc {
  count: number;
  sum: number;
  min: number;
  max: number;
}

const drawArb = fc.record({
  scenario: fc.oneof(scenarioArb({ semantics: ['flink', 'beam'], earlyFirings: false }), scenarioArb({ semantics: ['flink', 'beam'], earlyFirings: false, pipeline: true })).map(
    (s): Scenario => ({ ...s, window: { type: 'global' }, trigger: { late: { type: 'count', count: 1 } } }),
  ),
  /** Where in the span of arrival times the savepoint is taken, as a fraction. */
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});

/** Per key, the aggregate of the records before `offsets`, as the job's filter and map leave them. */
function stateBefore(s: Scenario, run: ReturnType<typeof runEngine>, offsets: ReadonlyMap<number, number>): Map<string, Acc> {
  const pipeline = compilePipeline(s.pipeline);
  const state = new Map<string, Acc>();
  for (let p = 0; p < run.log.partitions; p++) {
    const cursor = run.log.open(p, 0);
    const end = offsets.get(p) ?? 0;
    while (cursor.offset < end && cursor.peekAppendTime() !== Infinity) {
      const entry = cursor.next();
      const key = run.keys.name(entry.key);
      if (!pipeline.keep(key, entry.value)) continue;
      const v = pipeline.map(entry.value);
      const acc = state.get(key) ?? { count: 0, sum: 0, min: Infinity, max: -Infinity };
      state.set(key, { count: acc.count + 1, sum: acc.sum + v, min: Math.min(acc.min, v), max: Math.max(acc.max, v) });
    }
  }
  return state;
}

test('checkpoint state: a savepoint taken at offsets O holds exactly the state of the records before O', (t) => {
  checkProperty(
    fc.property(drawArb, ({ scenario, at }) => {
      const arrivals = rowsOf(scenario).map((r) => r.arrivalTime);
      if (arrivals.length === 0) return;
      const first = Math.min(...arrivals);
      const last = Math.max(...arrivals);
      const atMs = first + Math.floor(at * (last - first + 1));
      const job: Scenario = { ...scenario, faultTolerance: { ...NO_FAULT_TOLERANCE, savepointsAtMs: [atMs] } };
      const run = runEngine('native', job);
      const savepoint = run.savepoints[0];
      // A savepoint needs a running job: none is taken once every task has finished.
      if (savepoint === undefined) return;
      // The end of input flushes the watermark to +∞ ahead of a barrier sent after it, which fires
      // and clears the global window before the snapshot: then the state is rightly empty.
      const snapshotted = new Set<number>();
      let firedFirst = false;
      for (const e of run.trace) {
        if (e.type === 'checkpoint-snapshot' && e.id === savepoint.id) snapshotted.add(e.task);
        else if (e.type === 'pane-fired' && !snapshotted.has(e.task)) firedFirst = true;
      }
      if (firedFirst) return;
      const offsets = new Map(savepoint.offsets.map((o) => [o.partition, o.offset]));
      const expected = stateBefore(scenario, run, offsets);
      const stored = new Map<string, Acc>();
      for (const task of savepoint.tasks) {
        assert.deepEqual(task.inFlight, [], 'a savepoint is aligned: it stores no in-flight records');
        for (const w of task.operator.windows) {
          assert.ok(!stored.has(w.key), `key ${w.key} is in the state of two window tasks`);
          stored.set(w.key, { ...w.total });
        }
      }
      const keys = [...new Set([...expected.keys(), ...stored.keys()])].sort();
      const differing = keys
        .filter((k) => JSON.stringify(stored.get(k)) !== JSON.stringify(expected.get(k)))
        .map((k) => `${k}: stored ${JSON.stringify(stored.get(k))}, records before the offsets ${JSON.stringify(expected.get(k))}`);
      assert.deepEqual(differing, [], `savepoint ${savepoint.id} at ${atMs}, offsets ${JSON.stringify(savepoint.offsets)}`);
    }),
    { file: import.meta.url, test: t },
  );
});
