/** Failure schedules and fault tolerance for generated scenarios (issue 3): crashes, job failures, checkpoints and delivery. */
import fc from 'fast-check';
import type { CheckpointMode, DeliveryGuarantee, FaultSpec, FaultToleranceSpec, Scenario, SinkKind } from '../../src/sim/scenario/types.js';
import { durationMs, positiveDurationMs } from './durations.js';

export interface FailureScheduleConstraints {
  /** Window and source tasks a crash may hit. */
  readonly windowTasks: number;
  readonly sourceTasks: number;
  /** Faults strike in [0, untilMs) of processing time, or right after one of the first checkpoints. */
  readonly untilMs: number;
  /** At most this many faults; default 3. */
  readonly maxFaults?: number;
}

interface FaultDraw {
  readonly kind: 'task-crash' | 'job-failure';
  readonly stage: 'source' | 'window';
  readonly index: number;
  readonly trigger: 'at' | 'after-checkpoint';
  readonly atMs: number;
  readonly checkpoint: number;
  readonly restartDelayMs: number;
}

function toFault(d: FaultDraw, c: FailureScheduleConstraints): FaultSpec {
  const trigger = d.trigger === 'at' ? { kind: 'at' as const, atMs: d.atMs } : { kind: 'after-checkpoint' as const, checkpoint: d.checkpoint };
  if (d.kind === 'job-failure') return { type: 'job-failure', trigger, restartDelayMs: d.restartDelayMs };
  const tasks = d.stage === 'window' ? c.windowTasks : c.sourceTasks;
  return { type: 'task-crash', task: { stage: d.stage, index: d.index % Math.max(1, tasks) }, trigger, restartDelayMs: d.restartDelayMs };
}

/**
 * A failure schedule: 0 to maxFaults task crashes and whole-job failures, each at a processing time
 * in [0, untilMs) (often a whole second, so it meets checkpoint and window times exactly) or right
 * after checkpoint 1 to 5, with a restart delay of 0.1 s to 3 s. Shrinks towards fewer faults,
 * earlier, on window-0, with a short restart delay.
 */
export function failureScheduleArb(c: FailureScheduleConstraints): fc.Arbitrary<FaultSpec[]> {
  const fault: fc.Arbitrary<FaultDraw> = fc.record({
    kind: fc.constantFrom<FaultDraw['kind']>('task-crash', 'job-failure'),
    stage: fc.constantFrom<FaultDraw['stage']>('window', 'source'),
    index: fc.integer({ min: 0, max: 2 }),
    trigger: fc.constantFrom<FaultDraw['trigger']>('at', 'after-checkpoint'),
    atMs: durationMs(Math.max(0, c.untilMs - 1)),
    checkpoint: fc.integer({ min: 1, max: 5 }),
    restartDelayMs: positiveDurationMs(100, 3_000),
  });
  return fc.array(fault, { maxLength: c.maxFaults ?? 3 }).map((list) => list.map((d) => toFault(d, c)));
}

/** A checkpoint interval of 0.5 s to 10 s, and the mode, for a guarantee. */
export interface FaultToleranceDraw {
  readonly intervalMs: number;
  readonly mode: CheckpointMode;
}

/**
 * Fault tolerance for a guarantee and sink: periodic checkpoints (Flink's defaults for timeout,
 * concurrency and pause) in the given modes, no savepoints, and the failure schedule.
 */
export function faultToleranceArb(
  guarantee: DeliveryGuarantee,
  sink: SinkKind,
  schedule: fc.Arbitrary<FaultSpec[]>,
  modes: readonly CheckpointMode[] = ['aligned'],
): fc.Arbitrary<FaultToleranceSpec> {
  return fc
    .record({ intervalMs: positiveDurationMs(500, 10_000), mode: fc.constantFrom(...modes), faults: schedule })
    .map(({ intervalMs, mode, faults }) => ({
      checkpoints: { intervalMs, mode, timeoutMs: 600_000, maxConcurrent: 1, minPauseMs: 0 },
      delivery: { guarantee, sink, readers: sink === 'transactional' ? ['read-committed', 'read-uncommitted'] : [] },
      faults,
      savepointsAtMs: [],
    }));
}

/** A scenario from `base` with fault tolerance drawn for it: its task counts bound the crashes. */
export function faultyScenarioArb(
  base: fc.Arbitrary<Scenario>,
  guarantee: DeliveryGuarantee,
  sink: SinkKind,
  modes: readonly CheckpointMode[] = ['aligned'],
  untilMs = 30_000,
): fc.Arbitrary<Scenario> {
  return base.chain((s) =>
    faultToleranceArb(guarantee, sink, failureScheduleArb({ windowTasks: s.parallelism.window, sourceTasks: s.parallelism.source, untilMs }), modes).map(
      (faultTolerance) => ({ ...s, faultTolerance }),
    ),
  );
}
