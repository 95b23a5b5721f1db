/** Rules of scripted and random faults: the tasks, partitions and checkpoints they name exist, and their periods end after they start. */
import { assertNever } from '../../kernel/assert.js';
import type { PathSegment } from '../errors.js';
import type { Problem } from '../issues.js';
import type { Reporter } from '../reporter.js';
import type { FaultSpec, Scenario, TaskRef } from '../types.js';
import { foundWith, invalid, quote, type Rule } from './rule.js';

/**
 * Where each normalized fault was written: the faults keep the written order but leave the random
 * entry out, so faults[j] is failures[faults[j]] here, and the random entry is failures[random].
 */
function failureIndexes(r: Reporter): { faults: number[]; random?: number } {
  const written = r.valueAt(['failures']);
  const faults: number[] = [];
  let random: number | undefined;
  for (const [i, entry] of (Array.isArray(written) ? written : []).entries()) {
    if (entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>)['random'] !== undefined) random ??= i;
    else faults.push(i);
  }
  return { faults, ...(random !== undefined && { random }) };
}

/** A task that does not exist, or a source task where only a window task will do. */
function taskProblem(s: Scenario, r: Reporter, ref: TaskRef, at: readonly PathSegment[], windowOnly?: string): Problem | undefined {
  if (windowOnly !== undefined && ref.stage !== 'window') return invalid(at, { expected: 'a window task such as window-0', why: windowOnly });
  const n = s.parallelism[ref.stage];
  if (ref.index < n) return undefined;
  const written = r.valueAt(['parallelism']);
  const byDefault = written === undefined || (typeof written === 'object' && r.valueAt(['parallelism', ref.stage]) === undefined) ? ', the default' : '';
  const range = n === 1 ? `${ref.stage}-0` : `${ref.stage}-0 to ${ref.stage}-${n - 1}`;
  return invalid(at, { expected: `${range} (parallelism.${ref.stage} is ${n}${byDefault})`, why: 'Tasks are numbered from 0' });
}

function inputPartitions(s: Scenario): number {
  return s.input.kind === 'generator' ? s.input.generator.partitions : s.input.partitions;
}

/** `until` after `from`, for the faults that last a while. */
function periodProblem(r: Reporter, at: readonly PathSegment[], fromMs: number, untilMs: number, what: string): Problem | undefined {
  if (untilMs > fromMs) return undefined;
  const start = r.valueAt([...at, 'from']) === undefined ? '0, the default' : quote(r, [...at, 'from'], fromMs);
  return invalid([...at, 'until'], { expected: `a time after ${what}.from (${start})` });
}

const NO_CHECKPOINTS = 'add checkpoints: { interval: 10s }';

/** The problem with one scripted fault, written at failures[i]. */
function faultProblem(s: Scenario, r: Reporter, f: FaultSpec, i: number): Problem | undefined {
  const at = ['failures', i] as const;
  const ft = s.faultTolerance;
  // A micro-batch query checkpoints every batch: checkpoint n is the commit of its n-th batch (batch id n − 1).
  const microBatch = s.engine?.type === 'micro-batch';
  const checkpoints = ft?.checkpoints !== undefined || microBatch;
  if ('trigger' in f && f.trigger.kind === 'after-checkpoint' && !checkpoints) {
    return invalid([...at, 'afterCheckpoint'], {
      expected: 'at or afterRecords without checkpoints',
      why: `Checkpoint ${f.trigger.checkpoint} never completes in a scenario without checkpoints (${NO_CHECKPOINTS})`,
    });
  }
  switch (f.type) {
    case 'task-crash':
      return taskProblem(s, r, f.task, [...at, 'crash']);
    case 'job-failure':
      return undefined;
    case 'slow-task':
      if (s.cost === undefined) {
        return invalid([...at, 'slow'], {
          expected: 'no slow task without cost',
          found: foundWith(r, [...at, 'slow'], 'no cost'),
          why: 'A slow task does its work factor times slower, and without a cost model work takes no time (add cost: {} for the default costs)',
        });
      }
      return taskProblem(s, r, f.task, [...at, 'slow']) ?? periodProblem(r, at, f.fromMs, f.untilMs, 'slow');
    case 'channel': {
      const to = f.to === undefined ? undefined : taskProblem(s, r, f.to, [...at, 'to'], 'Channels run from the source tasks to the window tasks, so only a window task has channels coming in');
      if (to !== undefined) return to;
      if (r.valueAt([...at, 'delay']) !== undefined && f.fault !== 'delay' && f.fault !== 'reorder') {
        return invalid([...at, 'delay'], { expected: `no delay with network ${f.fault}`, why: 'Only delay and reorder faults hold records back' });
      }
      if (r.valueAt([...at, 'restartDelay']) !== undefined && f.fault !== 'drop') {
        return invalid([...at, 'restartDelay'], { expected: `no restartDelay with network ${f.fault}`, why: 'Only a drop breaks the connection and fails the task; TCP hides the other faults' });
      }
      return periodProblem(r, at, f.fromMs, f.untilMs, 'network');
    }
    case 'sink-write-failure':
      return taskProblem(s, r, f.task, [...at, 'sinkWriteFailure'], 'The sink is chained to the window tasks, so only they write to it');
    case 'sink-commit-failure': {
      // Micro-batch: writing the n-th batch's commit log entry fails after its output was written, whatever the sink.
      if (microBatch) return undefined;
      const sink = ft?.delivery.sink ?? 'plain';
      if (!checkpoints || sink !== 'transactional') {
        return invalid([...at, 'sinkCommitFailure'], {
          expected: 'no sinkCommitFailure unless delivery.sink is transactional and there are checkpoints',
          found: foundWith(r, [...at, 'sinkCommitFailure'], checkpoints ? `sink ${sink}` : 'no checkpoints'),
          why: checkpoints
            ? 'Only a transactional sink commits, once per completed checkpoint'
            : `A transactional sink commits when a checkpoint completes, and there are none (${NO_CHECKPOINTS})`,
        });
      }
      return undefined;
    }
    case 'partition-outage': {
      const n = inputPartitions(s);
      if (f.partition >= n) {
        return invalid([...at, 'partitionOutage'], { expected: `a partition below ${n}, the input's partition count`, why: 'Partitions are numbered from 0' });
      }
      return periodProblem(r, at, f.fromMs, f.untilMs, 'partitionOutage');
    }
    default:
      return assertNever(f, 'fault');
  }
}

export const failuresRule: Rule = (s, r) => {
  const ft = s.faultTolerance;
  if (ft === undefined) return undefined;
  const indexes = failureIndexes(r);
  for (const [j, fault] of ft.faults.entries()) {
    const problem = faultProblem(s, r, fault, indexes.faults[j] ?? j);
    if (problem !== undefined) return problem;
  }
  const random = ft.randomFaults;
  if (random === undefined || indexes.random === undefined) return undefined;
  const at = ['failures', indexes.random, 'random'] as const;
  if (random.crashes + random.jobFailures === 0) {
    return invalid(at, { expected: 'crashes or jobFailures above 0', why: 'A random entry draws that many faults from the seed' });
  }
  return periodProblem(r, at, random.fromMs, random.untilMs, 'random');
};
