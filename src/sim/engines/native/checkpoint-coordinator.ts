/**
 * Flink's CheckpointCoordinator: triggers checkpoints periodically (or a savepoint on request) by
 * telling every source to snapshot its offsets and send barrier n; collects one acknowledgement
 * per window task (the sink is chained to it); completes the checkpoint when all have
 * acknowledged, and then lets the transactional sinks commit. A checkpoint still pending after the
 * timeout is aborted. At most `maxConcurrent` are in flight; `minPause` separates one's completion
 * from the next trigger.
 */
import { type Cancellable, Priority, type Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { CheckpointSpec } from '../../scenario/types.js';
import type { EventRef, TraceSink } from '../../trace/events.js';
import { snapshotBytes } from '../../operators/window-snapshot.js';
import type { TaskSnapshot } from './barrier-alignment.js';

export interface CompletedCheckpoint {
  readonly id: number;
  readonly savepoint: boolean;
  readonly triggeredAt: number;
  readonly completedAt: number;
  readonly offsets: readonly EventRef[];
  /** Per window task. */
  readonly tasks: readonly TaskSnapshot[];
  readonly durationMs: number;
  readonly alignmentMs: number;
  readonly sizeBytes: number;
  readonly windows: number;
}

export type CheckpointStats = Omit<CompletedCheckpoint, 'tasks' | 'offsets'>;

interface PendingCheckpoint {
  readonly id: number;
  readonly savepoint: boolean;
  readonly unaligned: boolean;
  readonly triggeredAt: number;
  readonly offsets: EventRef[];
  readonly acks: Map<number, TaskSnapshot>;
  /** Its timeout, cancelled once the checkpoint completes or is given up (CheckpointCanceller). */
  timeout?: Cancellable;
}

export interface CoordinatorHost {
  readonly windowTasks: number;
  /** Asks every source to snapshot and send the barrier; returns their offsets. */
  triggerSources(id: number, savepoint: boolean, unaligned: boolean, now: number): EventRef[];
  /** Tells the window tasks to stop aligning for an aborted checkpoint. */
  abortAlignment(id: number): void;
  onCompleted(checkpoint: CompletedCheckpoint, now: number): void;
  /** False while the job is restarting: no checkpoints then. */
  isRunning(): boolean;
  /** True once every task has finished and the final checkpoint completed: nothing left to snapshot. */
  isFinished(): boolean;
}

const PERIODIC = -1;
const SAVEPOINT = -2;

export class CheckpointCoordinator implements Wakeable {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCheckpoint>();
  private lastCompletedAt = -Infinity;
  latest: CompletedCheckpoint | undefined;
  /** Figures of every completed checkpoint (the state itself is kept only for the latest and for savepoints). */
  readonly completed: CheckpointStats[] = [];
  readonly savepoints: CompletedCheckpoint[] = [];
  readonly aborted: number[] = [];

  constructor(
    private readonly spec: CheckpointSpec | undefined,
    private readonly scheduler: Scheduler,
    private readonly trace: TraceSink,
    private readonly host: CoordinatorHost,
  ) {}

  start(now: number, savepointsAtMs: readonly number[]): void {
    // The periodic trigger is a daemon: it never keeps a job alive that has no work left, so a run
    // ends with its last real step rather than at the next checkpoint tick.
    if (this.spec) this.scheduler.scheduleDaemon(now + this.spec.intervalMs, Priority.control, this, PERIODIC);
    // A requested savepoint is a daemon entry: a request for a time after the job has finished its
    // work does not keep the run going (a finished Flink job takes no savepoint; the CLI reports none).
    for (const at of savepointsAtMs) if (at >= now) this.scheduler.scheduleDaemon(at, Priority.control, this, SAVEPOINT);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  wake(now: number, tag: number): void {
    if (tag === PERIODIC) {
      const spec = this.spec;
      if (!spec || this.host.isFinished()) return;
      const pauseOk = now >= this.lastCompletedAt + spec.minPauseMs;
      if (this.host.isRunning() && this.pending.size < spec.maxConcurrent && pauseOk) this.trigger(now, false);
      this.scheduler.scheduleDaemon(now + spec.intervalMs, Priority.control, this, PERIODIC);
    } else if (tag === SAVEPOINT) {
      // A savepoint waits for a running job; it is always an aligned checkpoint.
      if (this.host.isFinished()) return;
      if (this.host.isRunning()) this.trigger(now, true);
      else this.scheduler.scheduleDaemon(now + 100, Priority.control, this, SAVEPOINT);
    } else {
      this.timeout(tag, now);
    }
  }

  trigger(now: number, savepoint: boolean): number {
    const id = this.nextId++;
    const unaligned = !savepoint && this.spec?.mode === 'unaligned';
    this.trace.emit({ type: 'checkpoint-triggered', at: now, id, savepoint });
    const offsets = this.host.triggerSources(id, savepoint, unaligned, now);
    const p: PendingCheckpoint = { id, savepoint, unaligned, triggeredAt: now, offsets, acks: new Map() };
    this.pending.set(id, p);
    const timeoutMs = this.spec?.timeoutMs ?? 600_000;
    p.timeout = this.scheduler.scheduleDaemon(now + timeoutMs, Priority.control, this, id);
    return id;
  }

  acknowledge(id: number, task: number, snapshot: TaskSnapshot, now: number): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    p.acks.set(task, snapshot);
    if (p.acks.size === this.host.windowTasks) this.complete(p, now);
  }

  /** Gives up every pending checkpoint (a failure). */
  abortAll(reason: string, now: number): void {
    for (const id of [...this.pending.keys()]) this.abort(id, reason, now);
  }

  private timeout(id: number, now: number): void {
    if (this.pending.has(id)) this.abort(id, `not complete after the checkpoint timeout`, now);
  }

  private abort(id: number, reason: string, now: number): void {
    this.pending.get(id)?.timeout?.cancel();
    this.pending.delete(id);
    this.aborted.push(id);
    this.host.abortAlignment(id);
    this.trace.emit({ type: 'checkpoint-aborted', at: now, id, reason });
  }

  private complete(p: PendingCheckpoint, now: number): void {
    p.timeout?.cancel();
    this.pending.delete(p.id);
    // Older pending checkpoints are subsumed by a newer completed one.
    for (const id of [...this.pending.keys()]) if (id < p.id) this.abort(id, `subsumed by checkpoint ${p.id}`, now);
    const tasks = [...p.acks.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    const windows = tasks.reduce((n, t) => n + t.operator.windows.length, 0);
    const inFlight = tasks.reduce((n, t) => n + t.inFlight.length, 0);
    const checkpoint: CompletedCheckpoint = {
      id: p.id,
      savepoint: p.savepoint,
      triggeredAt: p.triggeredAt,
      completedAt: now,
      offsets: p.offsets,
      tasks,
      durationMs: now - p.triggeredAt,
      alignmentMs: tasks.reduce((m, t) => Math.max(m, t.alignmentMs), 0),
      sizeBytes: snapshotBytes(windows, inFlight),
      windows,
    };
    this.latest = checkpoint;
    const { tasks: _tasks, offsets: _offsets, ...stats } = checkpoint;
    this.completed.push(stats);
    if (checkpoint.savepoint) this.savepoints.push(checkpoint);
    this.lastCompletedAt = now;
    this.trace.emit({
      type: 'checkpoint-completed',
      at: now,
      id: p.id,
      savepoint: p.savepoint,
      durationMs: checkpoint.durationMs,
      alignmentMs: checkpoint.alignmentMs,
      sizeBytes: checkpoint.sizeBytes,
    });
    this.host.onCompleted(checkpoint, now);
  }
}
