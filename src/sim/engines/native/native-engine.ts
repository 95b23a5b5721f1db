/**
 * The native (per-record, pipelined) engine, Flink-like: source tasks with chained filter and map,
 * a hash shuffle by key group over credit-based channels, and window tasks with chained sinks.
 * Records, watermarks and checkpoint barriers flow through the same channels; everything happens
 * on the simulated clock. On a failure every task is cancelled (a full restart: the job graph is
 * one pipelined region) and, after the restart delay, the job restores the latest completed
 * checkpoint and rewinds the sources to its offsets.
 */
import { Prng } from '../../kernel/prng.js';
import { Priority, Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import { KeyTable, type StreamRecord } from '../../model/record.js';
import { NO_FAULT_TOLERANCE, type FaultSpec, type FaultToleranceSpec, type Scenario } from '../../scenario/types.js';
import { type EngineRules, rulesForScenario } from '../../semantics/rules.js';
import { buildInput } from '../../sources/build-input.js';
import type { BuiltInput, PartitionedLog } from '../../sources/log.js';
import { ArrayTrace, type EventRef, type TraceSink } from '../../trace/events.js';
import { compilePipeline, type CompiledPipeline } from '../../operators/pipeline.js';
import { KeyRouter, keyGroupOf } from '../../operators/key-groups.js';
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';
import { SinkSystem } from '../../delivery/sink-system.js';
import { Barrier } from '../control.js';
import type { RunOptions, RunResult, TaskStats } from '../engine.js';
import type { TaskSnapshot } from './barrier-alignment.js';
import { CheckpointCoordinator, type CompletedCheckpoint } from './checkpoint-coordinator.js';
import { taskCosts, type TaskCosts } from './costs.js';
import { drawFaults, FaultPlan, type FaultTarget, taskName } from './fault-plan.js';
import { addStats, buildGraph, type Graph, type GraphContext, graphStats } from './job-graph.js';
import { NativeWindowTask, type WindowTaskHost } from './window-task.js';

/** Where a (re)started job begins: source offsets and, when restoring, the window state. */
export interface StartPoint {
  readonly offsets: readonly EventRef[];
  readonly operator?: OperatorSnapshot;
  /** In-flight records of an unaligned checkpoint, to replay before new input. */
  readonly inFlight?: readonly StreamRecord[];
  readonly checkpointId?: number;
  /**
   * A job resumed from a savepoint starts when the savepoint was triggered (the old job stopped
   * there), not at the first instant of the input: scripted steps before it were the old job's.
   */
  readonly resumeAtMs?: number;
}

const RESTART = 0;

class NativeJob implements Wakeable, FaultTarget, GraphContext {
  readonly scheduler = new Scheduler();
  readonly rules: EngineRules;
  readonly trace: TraceSink;
  readonly log: PartitionedLog;
  readonly input: BuiltInput;
  readonly keys: KeyTable;
  readonly sink: SinkSystem;
  readonly coordinator: CheckpointCoordinator;
  readonly faults: FaultPlan;
  readonly ft: FaultToleranceSpec;
  readonly pipeline: CompiledPipeline;
  readonly costs: TaskCosts;
  readonly windowHost: WindowTaskHost;
  private readonly router: KeyRouter;
  private graph: Graph | undefined;
  private running = false;
  private readonly active = new Set<FaultSpec>();
  private endedTasks = new Set<number>();
  private finalCheckpointTaken = false;
  /** Every task finished and the final checkpoint (if any) completed. */
  private finished = false;
  private pendingRestartDelay = 0;
  /** Task figures of the job graphs torn down by failures. */
  private retired: TaskStats[] = [];
  startMs = 0;
  failures = 0;
  restarts = 0;

  constructor(readonly scenario: Scenario, readonly seed: number, options: RunOptions) {
    const prng = new Prng(seed);
    this.keys = new KeyTable();
    this.input = options.input ?? buildInput(scenario.input, prng.fork('input'), this.keys);
    this.log = this.input.log;
    this.router = new KeyRouter(this.log.keys, scenario.parallelism.window);
    this.trace = options.trace ?? new ArrayTrace();
    this.rules = rulesForScenario(scenario);
    this.ft = scenario.faultTolerance ?? NO_FAULT_TOLERANCE;
    this.sink = new SinkSystem(this.ft.delivery.sink, this.trace, options.keepPanes ?? true);
    this.pipeline = compilePipeline(scenario.pipeline);
    this.costs = taskCosts(scenario);
    this.windowHost = {
      sink: this.sink,
      acknowledge: (id, task, snapshot: TaskSnapshot, at) => this.coordinator.acknowledge(id, task, snapshot, at),
      inputsEnded: (task, at) => this.onInputsEnded(task, at),
      onRecord: (task, at) => this.faults.recordProcessed('window', task, at),
      keyGroupOf: (key) => keyGroupOf(key),
    };
    this.coordinator = new CheckpointCoordinator(this.ft.checkpoints, this.scheduler, this.trace, {
      windowTasks: scenario.parallelism.window,
      isRunning: () => this.running,
      isFinished: () => this.finished,
      triggerSources: (id, savepoint, unaligned, now) => this.triggerSources(id, savepoint, unaligned, now),
      abortAlignment: (id) => this.graph?.windows.forEach((w) => w.alignment.abort(id)),
      onCompleted: (cp, now) => this.onCompleted(cp, now),
    });
    this.faults = new FaultPlan(drawFaults(this.ft, scenario, prng.fork('faults')), this.scheduler, this);
  }

  run(start: StartPoint | undefined): void {
    this.startMs = Math.max(this.firstInstant(), start?.resumeAtMs ?? -Infinity);
    this.running = true;
    const from = start ?? { offsets: [] };
    this.graph = this.build(this.startMs, from);
    for (const s of this.graph.sources) s.start(this.startMs);
    this.coordinator.start(this.startMs, this.ft.savepointsAtMs);
    this.faults.start();
    this.scheduler.run(this.scenario.maxSteps);
  }

  /** Every task's work over the whole run, summed over the job graphs of its restarts. */
  taskStats(): TaskStats[] {
    return this.graph ? addStats(this.retired, graphStats(this.graph)) : this.retired;
  }

  get windowTasks(): readonly NativeWindowTask[] {
    return this.graph?.windows ?? [];
  }

  wake(now: number, tag: number): void {
    if (tag === RESTART) this.restart(now);
  }

  fail(reason: string, task: string | undefined, restartDelayMs: number, now: number): void {
    this.trace.emit({ type: 'fault', at: now, fault: 'failure', ...(task !== undefined ? { task } : {}), detail: reason });
    if (!this.running) return;
    this.running = false;
    this.failures++;
    this.trace.emit({ type: 'job-failed', at: now, reason });
    this.coordinator.abortAll('the job failed', now);
    const g = this.graph;
    if (g) {
      for (const s of g.sources) s.alive = false;
      for (const o of g.operators) o.alive = false;
      for (const w of g.windows) w.alive = false;
      for (const c of g.channels) c.alive = false;
    }
    this.pendingRestartDelay = restartDelayMs;
    this.scheduler.schedule(now + restartDelayMs, Priority.control, this, RESTART);
  }

  setCondition(fault: FaultSpec, active: boolean, now: number): void {
    if (active) this.active.add(fault);
    else this.active.delete(fault);
    this.trace.emit({ type: 'fault', at: now, fault: fault.type, detail: `${describeCondition(fault)} ${active ? 'begins' : 'ends'}` });
    if (this.graph) this.applyCondition(this.graph, fault, active, now);
  }

  private applyCondition(g: Graph, f: FaultSpec, active: boolean, now: number): void {
    switch (f.type) {
      case 'slow-task': {
        const task = f.task.stage === 'source' ? g.sources[f.task.index] : g.windows[f.task.index];
        if (task) task.meter.slowdown = active ? f.factor : 1;
        return;
      }
      case 'channel':
        // Delay and reorder cost latency (TCP restores order); TCP discards duplicates.
        if (f.fault === 'delay' || f.fault === 'reorder') {
          for (const c of g.channels) if (!f.to || (f.to.stage === 'window' && c.receiver instanceof NativeWindowTask && c.receiver.index === f.to.index)) c.extraLatencyMs = active ? f.delayMs : 0;
        }
        return;
      case 'partition-outage':
        for (const s of g.sources) {
          for (const r of s.readers) if (r.partition === f.partition) r.outageUntil = active ? f.untilMs : 0;
          if (!active) s.creditAvailable(now);
        }
        return;
      default:
        return;
    }
  }

  private restart(now: number): void {
    const latest = this.ft.delivery.guarantee === 'at-most-once' ? undefined : this.coordinator.latest;
    const resume = this.graph?.sources.flatMap((s) => s.offsets()) ?? [];
    let start: StartPoint;
    if (latest) {
      start = { offsets: latest.offsets, operator: mergeSnapshots(latest.tasks), inFlight: latest.tasks.flatMap((t) => t.inFlight), checkpointId: latest.id };
    } else if (this.ft.delivery.guarantee === 'at-most-once') {
      // No replay: the sources go on from where they were (offsets committed before processing);
      // the state and whatever was in flight are lost.
      start = { offsets: resume };
    } else {
      // No checkpoint completed yet: start over from the sources' starting offsets.
      start = { offsets: [] };
    }
    this.sink.abortUncommitted(start.checkpointId, now);
    if (this.graph) this.retired = addStats(this.retired, graphStats(this.graph));
    this.graph = this.build(now, start);
    this.restarts++;
    this.running = true;
    this.endedTasks = new Set();
    this.finalCheckpointTaken = false;
    this.finished = false;
    this.trace.emit({
      type: 'job-restarted',
      at: now,
      fromCheckpoint: start.checkpointId ?? null,
      offsets: start.offsets.length > 0 ? start.offsets : this.graph.sources.flatMap((s) => s.offsets()),
      restoredWindows: start.operator?.windows.length ?? 0,
      inFlightRecords: start.inFlight?.length ?? 0,
    });
    for (const f of this.active) this.applyCondition(this.graph, f, true, now);
    for (const s of this.graph.sources) s.start(now);
    void this.pendingRestartDelay;
  }

  private build(now: number, start: StartPoint): Graph {
    const graph = buildGraph(this, now, start);
    graph.windows.forEach((w) => this.sink.beginAfter(w.index, start.checkpointId ?? 0));
    return graph;
  }

  onSourceRecord(task: number, now: number): void {
    this.faults.recordProcessed('source', task, now);
  }

  route(key: number): number {
    return this.router.route(key);
  }


  private triggerSources(id: number, savepoint: boolean, unaligned: boolean, now: number): EventRef[] {
    const g = this.graph;
    if (!g) return [];
    const barrier = new Barrier(id, savepoint, unaligned);
    return g.sources.flatMap((s) => s.triggerCheckpoint(barrier, now));
  }

  private onCompleted(cp: CompletedCheckpoint, now: number): void {
    const failing = this.faults.commitFails(cp.id);
    if (failing && failing.type === 'sink-commit-failure') {
      this.fail(`committing the transactions of checkpoint ${cp.id} failed`, undefined, failing.restartDelayMs, now);
    } else {
      this.sink.commit(cp.id, now);
    }
    if (cp.savepoint) this.trace.emit({ type: 'savepoint-taken', at: now, id: cp.id });
    if (this.running && this.endedTasks.size === this.scenario.parallelism.window) this.finished = true;
    this.faults.afterCheckpoint(cp.id, now);
  }

  /**
   * When every input of every window task has ended, a final checkpoint commits the last
   * transactions (Flink's checkpoints after tasks finish, FLIP-147).
   */
  private onInputsEnded(task: number, now: number): void {
    this.endedTasks.add(task);
    if (this.endedTasks.size < this.scenario.parallelism.window || this.finalCheckpointTaken) return;
    if (!this.ft.checkpoints) {
      this.finished = true;
      return;
    }
    this.finalCheckpointTaken = true;
    this.coordinator.trigger(now, false);
  }

  private firstInstant(): number {
    let start = Infinity;
    for (let p = 0; p < this.log.partitions; p++) start = Math.min(start, this.log.open(p, 0).peekAppendTime());
    for (const step of this.input.scriptedWatermarks) start = Math.min(start, step.at);
    return start === Infinity ? 0 : start;
  }
}

/** One snapshot from the per-task snapshots of a checkpoint (restore filters by key group). */
export function mergeSnapshots(tasks: readonly TaskSnapshot[]): OperatorSnapshot {
  return {
    clock: tasks.reduce((m, t) => Math.min(m, t.operator.clock), Infinity),
    windows: tasks.flatMap((t) => t.operator.windows),
  };
}

function describeCondition(f: FaultSpec): string {
  switch (f.type) {
    case 'slow-task':
      return `task ${taskName(f.task)} runs ${f.factor}× slower`;
    case 'channel':
      return `network ${f.fault}${f.to ? ` into ${taskName(f.to)}` : ''}${f.fault === 'duplicate' ? ' (TCP discards the duplicates)' : f.fault === 'reorder' ? ' (TCP restores the order, at a cost in latency)' : ''}`;
    case 'partition-outage':
      return `partition ${f.partition} unreadable`;
    default:
      return f.type;
  }
}

export interface NativeRunDetails {
  readonly checkpoints: CheckpointCoordinator['completed'];
  readonly abortedCheckpoints: readonly number[];
  readonly savepoints: readonly CompletedCheckpoint[];
  readonly sink: SinkSystem;
  readonly failures: number;
  readonly restarts: number;
}

export function runNative(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const job = new NativeJob(scenario, seed, options);
  job.run(options.fromSavepoint);
  const trace = options.trace ?? undefined;
  return {
    engine: 'native',
    scenario,
    seed,
    keys: job.keys,
    log: job.log,
    trace: trace === undefined && job.trace instanceof ArrayTrace ? job.trace.events : job.trace instanceof ArrayTrace ? job.trace.events : [],
    panes: job.sink.writes.map((w) => w.pane),
    panesWritten: job.sink.written,
    endedAt: job.scheduler.now,
    steps: job.scheduler.stepsTaken,
    openWindows: job.windowTasks.reduce((n, t) => n + t.operator.openWindows, 0),
    checkpoints: job.coordinator.completed,
    abortedCheckpoints: job.coordinator.aborted,
    savepoints: job.coordinator.savepoints,
    sink: job.sink,
    failures: job.failures,
    restarts: job.restarts,
    tasks: job.taskStats(),
  };
}
