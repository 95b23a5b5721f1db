/**
 * How long a micro-batch takes on the simulated machine. A batch is a Spark job of two stages
 * separated by the shuffle by key: the read stage (one task per source task here, each reading its
 * partitions, with the chained filter and map) and the stateful stage (one task per shuffle
 * partition: the aggregate, state access and the sink write). A stage ends when its slowest task
 * ends, and the next stage starts after it (a stage boundary), so
 *
 *   duration = batch overhead (driver: planning and scheduling, cost.batchOverheadMs)
 *            + slowest read task + shuffle latency + slowest stateful task.
 *
 * Per-record costs are the cost model's, as the native engine derives them (native/costs.ts).
 * Simulated time is whole milliseconds: a stage that did any work takes at least 1 ms. Without a
 * cost model every cost is zero and so is the overhead: a batch takes no time, as in the native
 * engine without costs, and only the shuffle's channel delay remains.
 */
import type { Scenario } from '../../scenario/types.js';
import { taskCosts, type TaskCosts } from '../native/costs.js';

export interface BatchWork {
  /** Records read by each read-stage task. */
  readonly read: readonly number[];
  /** Records aggregated by each stateful task. */
  readonly aggregated: readonly number[];
  /** Rows each stateful task wrote to the sink. */
  readonly written: readonly number[];
}

export interface BatchTiming {
  readonly overheadMs: number;
  /** Work of each read task and each stateful task, in microseconds (for busy time). */
  readonly readUs: readonly number[];
  readonly statefulUs: readonly number[];
  /** From the start of execution (after the overhead) to the commit. */
  readonly executionMs: number;
}

export class BatchCostModel {
  private readonly costs: TaskCosts;
  readonly overheadMs: number;
  /** Slow-task faults: a multiplier per task, by name (source-i, window-j). */
  readonly slowdown = new Map<string, number>();
  /** Extra shuffle latency from a network fault. */
  extraShuffleMs = 0;

  constructor(private readonly scenario: Scenario) {
    this.costs = taskCosts(scenario);
    this.overheadMs = scenario.cost?.batchOverheadMs ?? 0;
  }

  /** The timing of a batch that did `work`. */
  timing(work: BatchWork): BatchTiming {
    const c = this.costs;
    const readUs = work.read.map((n, i) => n * c.sourceRecordUs * (this.slowdown.get(`source-${i}`) ?? 1));
    const statefulUs = work.aggregated.map(
      (n, i) => (n * c.windowRecordUs + (work.written[i] ?? 0) * c.sinkRecordUs) * (this.slowdown.get(`window-${i}`) ?? 1),
    );
    const shuffled = work.aggregated.some((n) => n > 0);
    const shuffleMs = shuffled ? this.scenario.channelDelayMs + this.extraShuffleMs : 0;
    const executionMs = stageMs(readUs) + shuffleMs + stageMs(statefulUs);
    return { overheadMs: this.overheadMs, readUs, statefulUs, executionMs };
  }
}

/** A stage lasts as long as its slowest task, in whole milliseconds (at least 1 if it did any work). */
export function stageMs(taskUs: readonly number[]): number {
  const slowest = taskUs.reduce((m, us) => Math.max(m, us), 0);
  return slowest > 0 ? Math.max(1, Math.ceil(slowest / 1000)) : 0;
}
