/**
 * The faults a scenario scripts or draws from the seed: task crashes, job failures, slow tasks,
 * network faults, sink failures and partition outages, each at a time, after a checkpoint or after
 * a number of records.
 */
import { z } from 'zod';
import { FAULT_DEFAULTS } from '../defaults.js';
import {
  exactlyOne,
  keyedBy,
  keyword,
  list,
  mapping,
  nonNegativeDuration,
  nonNegativeInteger,
  nonNegativeTime,
  number,
  positiveDuration,
  positiveInteger,
  task,
  timeOrEnd,
} from '../fields.js';
import type { FaultSpec, FaultTrigger, RandomFaultSpec } from '../types.js';

/** A random-fault entry, kept apart from the scripted faults until normalization. */
export interface RandomFailureForm {
  readonly type: 'random';
  readonly random: RandomFaultSpec;
}
export type FailureForm = FaultSpec | RandomFailureForm;

export const FAULT_TRIGGERS = ['at', 'afterCheckpoint', 'afterRecords'] as const;

const triggerFields = {
  at: nonNegativeTime().optional(),
  afterCheckpoint: positiveInteger().optional(),
  afterRecords: positiveInteger().optional(),
};

function faultTrigger(f: { at?: number | undefined; afterCheckpoint?: number | undefined; afterRecords?: number | undefined }): FaultTrigger {
  if (f.afterCheckpoint !== undefined) return { kind: 'after-checkpoint', checkpoint: f.afterCheckpoint };
  if (f.afterRecords !== undefined) return { kind: 'after-records', records: f.afterRecords };
  return { kind: 'at', atMs: f.at ?? 0 }; // exactlyOne guarantees one of the three
}

const restartDelay = () => nonNegativeDuration().optional();
const from = () => nonNegativeTime().optional();
const until = () => timeOrEnd().optional();
const F = FAULT_DEFAULTS;

export const NETWORK_FAULTS = ['delay', 'drop', 'duplicate', 'reorder'] as const;

const FAILURE_KINDS: Readonly<Record<string, z.ZodType<FailureForm>>> = {
  crash: mapping({ crash: task(), ...triggerFields, restartDelay: restartDelay() })
    .superRefine(exactlyOne(FAULT_TRIGGERS))
    .transform((f): FaultSpec => ({ type: 'task-crash', task: f.crash, trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs })),
  // A job failure has no task whose records could be counted, so it strikes at a time or after a checkpoint.
  jobFailure: mapping({ jobFailure: z.literal(true, { error: 'true' }), at: triggerFields.at, afterCheckpoint: triggerFields.afterCheckpoint, restartDelay: restartDelay() })
    .superRefine(exactlyOne(['at', 'afterCheckpoint']))
    .transform((f): FaultSpec => ({ type: 'job-failure', trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs })),
  slow: mapping({ slow: task(), from: from(), until: until(), factor: number('a factor of at least 1 (e.g. 10 for ten times slower)', (x) => x >= 1) }).transform(
    (f): FaultSpec => ({ type: 'slow-task', task: f.slow, fromMs: f.from ?? F.fromMs, untilMs: f.until ?? F.untilMs, factor: f.factor }),
  ),
  network: mapping({
    network: keyword(NETWORK_FAULTS),
    to: task().optional(),
    from: from(),
    until: until(),
    delay: positiveDuration().optional(),
    restartDelay: restartDelay(),
  }).transform(
    (f): FaultSpec => ({
      type: 'channel',
      fault: f.network,
      ...(f.to !== undefined && { to: f.to }),
      fromMs: f.from ?? F.fromMs,
      untilMs: f.until ?? F.untilMs,
      delayMs: f.delay ?? F.networkDelayMs,
      restartDelayMs: f.restartDelay ?? F.restartDelayMs,
    }),
  ),
  sinkWriteFailure: mapping({ sinkWriteFailure: task(), ...triggerFields, restartDelay: restartDelay() })
    .superRefine(exactlyOne(FAULT_TRIGGERS))
    .transform(
      (f): FaultSpec => ({ type: 'sink-write-failure', task: f.sinkWriteFailure, trigger: faultTrigger(f), restartDelayMs: f.restartDelay ?? F.restartDelayMs }),
    ),
  sinkCommitFailure: mapping({ sinkCommitFailure: positiveInteger(), restartDelay: restartDelay() }).transform(
    (f): FaultSpec => ({ type: 'sink-commit-failure', checkpoint: f.sinkCommitFailure, restartDelayMs: f.restartDelay ?? F.restartDelayMs }),
  ),
  partitionOutage: mapping({ partitionOutage: nonNegativeInteger(), from: from(), until: until() }).transform(
    (f): FaultSpec => ({ type: 'partition-outage', partition: f.partitionOutage, fromMs: f.from ?? F.fromMs, untilMs: f.until ?? F.untilMs }),
  ),
  random: mapping({
    random: mapping({
      crashes: nonNegativeInteger().optional(),
      jobFailures: nonNegativeInteger().optional(),
      from: from(),
      until: nonNegativeTime(),
      restartDelay: restartDelay(),
    }),
  }).transform(
    ({ random: r }): RandomFailureForm => ({
      type: 'random',
      random: {
        crashes: r.crashes ?? F.crashes,
        jobFailures: r.jobFailures ?? F.jobFailures,
        fromMs: r.from ?? F.fromMs,
        untilMs: r.until,
        restartDelayMs: r.restartDelay ?? F.restartDelayMs,
      },
    }),
  ),
};

const failureSchema = keyedBy(FAILURE_KINDS, 'a failure such as { crash: window-0, at: 30s } or { slow: window-0, factor: 10 }');

export const failuresSchema = list(failureSchema, 'a list of failures such as [{ crash: window-0, at: 30s }]').superRefine((failures, ctx) => {
  const first = failures.findIndex((f) => f.type === 'random');
  for (const [i, f] of failures.entries()) {
    if (f.type !== 'random' || i === first) continue;
    ctx.addIssue({ code: 'custom', path: [i], message: `at most one random entry (failures[${first}] is one)` });
  }
});
