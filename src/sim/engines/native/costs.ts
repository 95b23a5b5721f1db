/**
 * Per-record costs of the native engine's tasks, derived once from the scenario's cost model. With
 * no cost model all are zero and channels send every element at once with unlimited credit.
 */
import type { CostModel, Scenario } from '../../scenario/types.js';
import type { ChannelOptions } from '../channel.js';

export interface TaskCosts {
  /** Source task per record read: read, chained operators, serialisation for the shuffle. */
  readonly sourceRecordUs: number;
  /** Window task per record: deserialisation, the aggregate, and state access. */
  readonly windowRecordUs: number;
  /** Sink per result written. */
  readonly sinkRecordUs: number;
  readonly snapshotMsPerThousand: number;
  readonly channel: ChannelOptions;
}

export function taskCosts(scenario: Scenario): TaskCosts {
  const c: CostModel | undefined = scenario.cost;
  const latencyMs = scenario.channelDelayMs;
  if (c === undefined) {
    return {
      sourceRecordUs: 0,
      windowRecordUs: 0,
      sinkRecordUs: 0,
      snapshotMsPerThousand: 0,
      channel: { latencyMs, bufferRecords: 1, bufferTimeoutMs: 0, capacity: Infinity },
    };
  }
  const operators = (scenario.pipeline.map ? 1 : 0) + (scenario.pipeline.filter ? 1 : 0);
  // Asynchronous I/O keeps `asyncConcurrency` requests in flight, so an external store's access
  // time is shared by that many records (Flink's AsyncDataStream with capacity n).
  const stateUs = c.stateAccessUs / Math.max(1, c.stateBackend === 'external' ? c.asyncConcurrency : 1);
  return {
    sourceRecordUs: c.sourceRecordUs + operators * c.operatorRecordUs + c.serializationUs,
    windowRecordUs: c.serializationUs + c.windowRecordUs + stateUs,
    sinkRecordUs: c.sinkRecordUs,
    snapshotMsPerThousand: c.snapshotMsPerThousand,
    channel: { latencyMs, bufferRecords: c.bufferRecords, bufferTimeoutMs: c.bufferTimeoutMs, capacity: c.channelCapacity },
  };
}
