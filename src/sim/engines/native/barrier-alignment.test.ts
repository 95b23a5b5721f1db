import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../scenario/parse.js';
import { NO_FILES } from '../../scenario/test-support.test.js';
import type { Scenario } from '../../scenario/types.js';
import type { TraceEvent } from '../../trace/events.js';
import { runNative } from './native-engine.js';

/**
 * A backpressured job: 6000 events/s over 3 partitions, read by 2 source tasks (source-0 reads two
 * partitions, source-1 one), into 2 window tasks that manage 2500 records/s each. The input
 * channels from source-0 fill to their credit while those from source-1 keep draining, so at each
 * window task the barrier from source-1 arrives long before the one from source-0.
 */
function backpressured(checkpoints: string): Scenario {
  const text = `name: t
semantics: flink
seed: 5
input:
  generator: { events: 12000, rate: 6000, partitions: 3, keys: { count: 8 }, values: { min: 1, max: 10 } }
window: { type: tumbling, size: 1s }
aggregate: sum
watermark: { type: monotonous }
parallelism: { source: 2, window: 2 }
cost:
  window: 400us
  buffer: { records: 100, timeout: 100ms }
  channelCapacity: 1000
checkpoints: ${checkpoints}
`;
  return parseScenario(text, 't.yaml', NO_FILES);
}

type Snapshot = Extract<TraceEvent, { type: 'checkpoint-snapshot' }>;
const snapshots = (trace: readonly TraceEvent[]): Snapshot[] => trace.filter((e): e is Snapshot => e.type === 'checkpoint-snapshot');

describe('barrier alignment under backpressure', () => {
  it('aligned: the barriers of a checkpoint reach a task at different times, and the alignment is the wait between the first and the last', () => {
    const run = runNative(backpressured('{ interval: 1s, mode: aligned }'));
    const first = run.checkpoints[0];
    assert.ok(first !== undefined);
    assert.ok(first.alignmentMs > 100, `alignment ${first.alignmentMs} ms`);
    assert.ok(first.durationMs >= first.alignmentMs);
    // Per task, the alignment equals the time from its first barrier-received entry to its last.
    const received = run.trace.filter((e) => e.type === 'barrier-received' && e.id === first.id);
    for (const s of snapshots(run.trace).filter((x) => x.id === first.id)) {
      const times = received.filter((e) => e.type === 'barrier-received' && e.task === s.task).map((e) => e.at);
      assert.equal(s.alignmentMs, Math.max(...times) - Math.min(...times));
      assert.equal(s.unaligned, false);
      assert.equal(s.inFlightRecords, 0);
    }
  });

  it('unaligned: the barriers overtake the backlog, so the checkpoint is quick and stores the overtaken records', () => {
    const aligned = runNative(backpressured('{ interval: 1s, mode: aligned }'));
    const unaligned = runNative(backpressured('{ interval: 1s, mode: unaligned }'));
    const a = aligned.checkpoints[0];
    const u = unaligned.checkpoints[0];
    assert.ok(a !== undefined && u !== undefined);
    assert.ok(u.durationMs < a.durationMs / 10, `unaligned ${u.durationMs} ms, aligned ${a.durationMs} ms`);
    assert.equal(u.alignmentMs, 0);
    assert.ok(u.sizeBytes > a.sizeBytes, 'the in-flight records add to the size');
    const stored = snapshots(unaligned.trace).filter((s) => s.id === u.id);
    assert.ok(stored.every((s) => s.unaligned));
    assert.ok(stored.reduce((n, s) => n + s.inFlightRecords, 0) > 500);
    // The results are the same: the checkpoint mode changes no output.
    const text = (r: typeof aligned): string[] => r.panes.map((p) => `${p.key} ${p.window.start} ${p.value}`).sort();
    assert.deepEqual(text(unaligned), text(aligned));
  });

  it('aligned-checkpoint-timeout: an alignment that lasts the timeout switches to unaligned, visibly in the trace', () => {
    const run = runNative(backpressured('{ interval: 1s, mode: aligned, alignedTimeout: 50ms }'));
    const first = run.checkpoints[0];
    assert.ok(first !== undefined);
    assert.equal(first.alignmentMs, 50);
    const stored = snapshots(run.trace).filter((s) => s.id === first.id);
    assert.ok(stored.some((s) => s.unaligned && s.alignmentMs === 50 && s.inFlightRecords > 0), JSON.stringify(stored));
    // The barrier still queued behind the backlog was converted: it is received at the timeout, not after the backlog.
    for (const s of stored.filter((x) => x.unaligned)) {
      const times: number[] = run.trace.filter((e) => e.type === 'barrier-received' && e.id === first.id && e.task === s.task).map((e) => e.at);
      assert.equal(Math.max(...times) - Math.min(...times), 50);
    }
    const withoutTimeout = runNative(backpressured('{ interval: 1s, mode: aligned }')).checkpoints[0];
    assert.ok(withoutTimeout !== undefined && first.durationMs < withoutTimeout.durationMs);
  });

  it('a savepoint stays aligned whatever the timeout', () => {
    const s = backpressured('{ interval: 10s, mode: aligned, alignedTimeout: 50ms }');
    const ft = s.faultTolerance;
    assert.ok(ft !== undefined);
    const run = runNative({ ...s, faultTolerance: { ...ft, savepointsAtMs: [1000] } });
    const sp = run.savepoints[0];
    assert.ok(sp !== undefined);
    assert.ok(sp.tasks.every((t) => !t.unaligned && t.inFlight.length === 0));
    assert.ok(sp.alignmentMs > 50);
  });
});

describe('checkpoints of finished tasks (FLIP-147)', () => {
  it('each window task snapshots the final checkpoint once, in every mode', () => {
    for (const mode of ['aligned', 'unaligned', 'at-least-once']) {
      const run = runNative(backpressured(`{ interval: 1s, mode: ${mode} }`));
      const seen = new Map<string, number>();
      for (const s of snapshots(run.trace)) seen.set(`${s.id}/${s.task}`, (seen.get(`${s.id}/${s.task}`) ?? 0) + 1);
      assert.deepEqual([...seen].filter(([, n]) => n !== 1), [], mode);
      const last = run.checkpoints[run.checkpoints.length - 1];
      assert.ok(last !== undefined && seen.get(`${last.id}/0`) === 1 && seen.get(`${last.id}/1`) === 1, mode);
    }
  });
});

describe('savepoint requests', () => {
  it('a savepoint requested after the job finished does not keep the run going', () => {
    const s = backpressured('{ interval: 1s }');
    const ft = s.faultTolerance;
    assert.ok(ft !== undefined);
    const plain = runNative(s);
    const late = runNative({ ...s, faultTolerance: { ...ft, savepointsAtMs: [plain.endedAt + 60_000] } });
    assert.equal(late.endedAt, plain.endedAt);
    assert.equal(late.savepoints.length, 0);
  });
});
