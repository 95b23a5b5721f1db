/**
 * How faults act on a micro-batch query (faults are data, acting at the edges: STYLE.md). A crash,
 * a job failure, a failed sink write or commit, or a broken connection fails the query, which
 * restarts from its checkpoint location; the other faults change conditions: a slow task takes
 * longer over its share of each batch, a network delay or reorder slows the shuffle (TCP restores
 * order and drops duplicates), and a partition outage leaves the partition out of the batches
 * planned while it lasts.
 */
import type { FaultSpec } from '../../scenario/types.js';
import { taskName } from '../native/fault-plan.js';
import type { BatchCostModel } from './batch-cost.js';
import type { BatchPlanner } from './batch-planner.js';

/** Faults after which the query restarts (the others change conditions only). */
export function failsTheJob(f: FaultSpec): boolean {
  switch (f.type) {
    case 'task-crash':
    case 'job-failure':
    case 'sink-write-failure':
    case 'sink-commit-failure':
      return true;
    case 'channel':
      return f.fault === 'drop';
    case 'slow-task':
    case 'partition-outage':
      return false;
  }
}

export function describeCondition(f: FaultSpec): string {
  switch (f.type) {
    case 'slow-task':
      return `task ${taskName(f.task)} runs ${f.factor}× slower`;
    case 'channel':
      return `network ${f.fault} on the shuffle${f.fault === 'duplicate' ? ' (TCP discards the duplicates)' : ''}`;
    case 'partition-outage':
      return `partition ${f.partition} unreadable: batches plan no offsets for it`;
    default:
      return f.type;
  }
}

/** A condition fault begins or ends. */
export function applyCondition(fault: FaultSpec, active: boolean, cost: BatchCostModel, planner: BatchPlanner): void {
  switch (fault.type) {
    case 'slow-task':
      if (active) cost.slowdown.set(taskName(fault.task), fault.factor);
      else cost.slowdown.delete(taskName(fault.task));
      return;
    case 'channel':
      // The shuffle between the stages is the only network hop.
      if (fault.fault === 'delay' || fault.fault === 'reorder') cost.extraShuffleMs = active ? fault.delayMs : 0;
      return;
    case 'partition-outage':
      // An idle query's next trigger already waits for the outage's end (BatchPlanner.nextAvailableAt).
      planner.outageUntil[fault.partition] = active ? fault.untilMs : 0;
      return;
    default:
      return;
  }
}
