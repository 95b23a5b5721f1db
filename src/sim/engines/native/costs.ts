/**
 * Per-record costs of the native engine's tasks, derived once from the scenario's cost model (the
 * knobs, their defaults and meanings are documented on CostModel in scenario/types.ts). With no
 * cost model all are zero and channels send every element at once with unlimited credit.
 *
 * Where each knob lands:
 * - `sourceRecordUs` on the source task, per record read;
 * - `operatorRecordUs` on whichever task runs filter and map: the source task when they are chained
 *   (Flink's default), their own tasks when chaining is off;
 * - `serializationUs` once on each side of every network hop (serialise at the sender, deserialise
 *   at the receiver); chained operators hand records over as objects and pay nothing (Flink's
 *   ChainingOutput);
 * - `windowRecordUs` and the state access on the window task, per record;
 * - `sinkRecordUs` on the window task (the sink is chained to it), per result written;
 * - `snapshotMsPerThousand` on the window task when it snapshots its state for a checkpoint;
 * - `bufferRecords`, `bufferTimeoutMs` and `channelCapacity` on every channel, whose latency is the
 *   scenario's `channelDelay`; `bufferOverheadUs` on the sending task, per buffer sent.
 */
import type { CostModel, Scenario } from '../../scenario/types.js';
import type { ChannelOptions } from '../channel.js';

/** A stateless operator that runs as a task of its own when chaining is off. */
export type StatelessKind = 'filter' | 'map';

export interface StageCosts {
  readonly kind: StatelessKind;
  /** Per record taken: deserialising it and running the operator. */
  readonly recordUs: number;
  /** Per record passed on: serialising it for the next hop. */
  readonly emitUs: number;
}

export interface TaskCosts {
  /** Source task per record read: the read, and a chained filter. */
  readonly sourceRecordUs: number;
  /** Source task per record it sends on: a chained map, and serialisation for the next hop. */
  readonly sourceEmitUs: number;
  /** The unchained stateless operators between the source and the shuffle, in pipeline order (empty when chained). */
  readonly stages: readonly StageCosts[];
  /** Window task per record: deserialisation, the aggregate, and state access. */
  readonly windowRecordUs: number;
  /** Sink per result written. */
  readonly sinkRecordUs: number;
  /** Synchronous snapshot time per window (state entry), in microseconds. */
  readonly snapshotUsPerEntry: number;
  readonly channel: ChannelOptions;
}

/** The stateless operators of the pipeline, in the order they run: filter on the raw value, then map. */
export function statelessOperators(scenario: Scenario): StatelessKind[] {
  const kinds: StatelessKind[] = [];
  if (scenario.pipeline.filter) kinds.push('filter');
  if (scenario.pipeline.map) kinds.push('map');
  return kinds;
}

/**
 * The state access a window task pays per record. A memory (heap) backend costs `stateAccessUs` per
 * record on the task's own thread. An external store costs a remote round trip; with asynchronous
 * I/O the task keeps `asyncConcurrency` requests in flight (Flink's AsyncDataStream with capacity
 * n), so by Little's law it completes n accesses per round trip: each record occupies the task for
 * stateAccessUs / n. (Simplification: the record's own wait for its round trip is not added to its
 * latency, only its share of the task's time; at the millisecond resolution of the clock that is
 * the throughput limit that matters.)
 */
export function stateAccessUs(c: CostModel): number {
  return c.stateBackend === 'external' ? c.stateAccessUs / c.asyncConcurrency : c.stateAccessUs;
}

export function taskCosts(scenario: Scenario): TaskCosts {
  const c: CostModel | undefined = scenario.cost;
  const latencyMs = scenario.channelDelayMs;
  const kinds = statelessOperators(scenario);
  const chained = scenario.chaining ?? true;
  if (c === undefined) {
    return {
      sourceRecordUs: 0,
      sourceEmitUs: 0,
      stages: chained ? [] : kinds.map((kind) => ({ kind, recordUs: 0, emitUs: 0 })),
      windowRecordUs: 0,
      sinkRecordUs: 0,
      snapshotUsPerEntry: 0,
      channel: { latencyMs, bufferRecords: 1, bufferTimeoutMs: 0, bufferOverheadUs: 0, capacity: Infinity },
    };
  }
  const op = c.operatorRecordUs;
  const ser = c.serializationUs;
  const chainedFilter = chained && kinds.includes('filter') ? op : 0;
  const chainedMap = chained && kinds.includes('map') ? op : 0;
  return {
    sourceRecordUs: c.sourceRecordUs + chainedFilter,
    sourceEmitUs: chainedMap + ser,
    stages: chained ? [] : kinds.map((kind) => ({ kind, recordUs: ser + op, emitUs: ser })),
    windowRecordUs: ser + c.windowRecordUs + stateAccessUs(c),
    sinkRecordUs: c.sinkRecordUs,
    // snapshotMsPerThousand ms per thousand entries is the same number of µs per entry.
    snapshotUsPerEntry: c.snapshotMsPerThousand,
    channel: { latencyMs, bufferRecords: c.bufferRecords, bufferTimeoutMs: c.bufferTimeoutMs, bufferOverheadUs: c.bufferOverheadUs, capacity: c.channelCapacity },
  };
}
