/**
 * Faults are data (STYLE.md): scripted in the scenario or drawn from the seed, and they act only at
 * the edges: a task or the job fails, a channel slows or breaks, a task slows down, a sink write or
 * commit fails, a partition becomes unreadable. Operator code never asks whether a fault is on.
 */
import { Priority, type Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { Prng } from '../../kernel/prng.js';
import type { FaultSpec, FaultToleranceSpec, FaultTrigger, Scenario, TaskRef } from '../../scenario/types.js';

export interface FaultTarget {
  /** A task or the job fails; the job restarts after the delay. */
  fail(reason: string, task: string | undefined, restartDelayMs: number, now: number): void;
  /** A fault that changes conditions starts or ends (slow task, network delay, outage). */
  setCondition(fault: FaultSpec, active: boolean, now: number): void;
}

export const taskName = (t: TaskRef): string => `${t.stage}-${t.index}`;

/** Draws the seed's random faults as scripted crashes and job failures. */
export function drawFaults(spec: FaultToleranceSpec, scenario: Scenario, prng: Prng): FaultSpec[] {
  const r = spec.randomFaults;
  if (r === undefined) return [...spec.faults];
  const drawn: FaultSpec[] = [...spec.faults];
  const stages: TaskRef[] = [];
  for (let i = 0; i < scenario.parallelism.source; i++) stages.push({ stage: 'source', index: i });
  for (let i = 0; i < scenario.parallelism.window; i++) stages.push({ stage: 'window', index: i });
  for (let i = 0; i < r.crashes; i++) {
    const task = stages[prng.int(0, stages.length)] as TaskRef;
    drawn.push({ type: 'task-crash', task, trigger: { kind: 'at', atMs: prng.int(r.fromMs, r.untilMs) }, restartDelayMs: r.restartDelayMs });
  }
  for (let i = 0; i < r.jobFailures; i++) {
    drawn.push({ type: 'job-failure', trigger: { kind: 'at', atMs: prng.int(r.fromMs, r.untilMs) }, restartDelayMs: r.restartDelayMs });
  }
  return drawn;
}

type Triggered = Extract<FaultSpec, { trigger: FaultTrigger }>;

const START = 0;
const END = 1;

/** Schedules timed faults and answers the engine's "after checkpoint n" and "after n records" hooks. */
export class FaultPlan implements Wakeable {
  private readonly fired = new Set<number>();
  /** Asked once or twice per record, and the fault list never changes: worked out once. */
  private readonly anyAfterRecords: boolean;
  /** Records processed per task ("source-0", "window-1"), for faults that strike after n records. */
  private readonly recordCounts = new Map<string, number>();

  constructor(
    private readonly faults: readonly FaultSpec[],
    private readonly scheduler: Scheduler,
    private readonly target: FaultTarget,
  ) {
    this.anyAfterRecords = faults.some((f) => 'trigger' in f && f.trigger.kind === 'after-records');
  }

  start(): void {
    this.faults.forEach((f, i) => {
      const trigger = 'trigger' in f ? f.trigger : undefined;
      if (trigger?.kind === 'at') this.scheduler.schedule(trigger.atMs, Priority.control, this, i * 2 + START);
      if (f.type === 'slow-task' || f.type === 'channel' || f.type === 'partition-outage') {
        this.scheduler.schedule(f.fromMs, Priority.control, this, i * 2 + START);
        if (f.untilMs !== Infinity) this.scheduler.schedule(f.untilMs, Priority.control, this, i * 2 + END);
      }
    });
  }

  wake(now: number, tag: number): void {
    const i = tag >> 1;
    const f = this.faults[i];
    if (f === undefined) return;
    if ('trigger' in f) this.strike(i, f, now);
    else this.condition(f, (tag & 1) === START, now);
  }

  afterCheckpoint(id: number, now: number): void {
    this.faults.forEach((f, i) => {
      if ('trigger' in f && f.trigger.kind === 'after-checkpoint' && f.trigger.checkpoint === id) this.strike(i, f, now);
    });
  }

  /** Does checkpoint `id`'s commit fail? (Then the job fails instead of committing.) */
  commitFails(id: number): FaultSpec | undefined {
    const i = this.faults.findIndex((f, j) => f.type === 'sink-commit-failure' && f.checkpoint === id && !this.fired.has(j));
    if (i < 0) return undefined;
    this.fired.add(i);
    return this.faults[i];
  }

  /**
   * A task processed one more record: a fault that strikes after n records of that task strikes
   * at its n-th. The counts run over the whole job, across restarts. Nothing is counted when no
   * fault waits for a count (it is called for every record).
   */
  recordProcessed(stage: TaskRef['stage'], index: number, now: number): void {
    if (!this.anyAfterRecords) return;
    const name = `${stage}-${index}`;
    const records = (this.recordCounts.get(name) ?? 0) + 1;
    this.recordCounts.set(name, records);
    this.faults.forEach((f, i) => {
      if (!('trigger' in f) || f.trigger.kind !== 'after-records' || records < f.trigger.records) return;
      const ref = 'task' in f ? f.task : undefined;
      if (ref && ref.stage === stage && ref.index === index) this.strike(i, f, now);
    });
  }

  private strike(i: number, f: Triggered, now: number): void {
    if (this.fired.has(i)) return;
    this.fired.add(i);
    switch (f.type) {
      case 'task-crash':
        return this.target.fail(`task ${taskName(f.task)} crashed`, taskName(f.task), f.restartDelayMs, now);
      case 'job-failure':
        return this.target.fail('the job failed (JobManager failover)', undefined, f.restartDelayMs, now);
      case 'sink-write-failure':
        return this.target.fail(`a sink write of ${taskName(f.task)} failed`, taskName(f.task), f.restartDelayMs, now);
    }
  }

  private condition(f: FaultSpec, active: boolean, now: number): void {
    if (f.type === 'channel' && f.fault === 'drop') {
      // A lost packet breaks Flink's TCP connection: the receiving task fails.
      if (active) this.target.fail(`a network connection${f.to ? ` into ${taskName(f.to)}` : ''} broke`, f.to ? taskName(f.to) : undefined, f.restartDelayMs, now);
      return;
    }
    this.target.setCondition(f, active, now);
  }
}
