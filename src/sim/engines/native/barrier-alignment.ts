/**
 * How a task with several inputs handles checkpoint barriers (Flink's CheckpointBarrierHandler):
 * - aligned (exactly-once): an input whose barrier n arrived is blocked until barrier n arrived on
 *   every input; then the state is snapshotted and the inputs unblocked. Alignment time is the
 *   wait, from the first barrier of the checkpoint to the last (Flink's alignment duration).
 * - aligned with execution.checkpointing.aligned-checkpoint-timeout: an alignment that lasts longer
 *   than the timeout switches to unaligned: the task snapshots, and the barriers still queued on the
 *   other inputs become priority barriers that overtake the records ahead of them.
 * - unaligned (FLIP-76): barriers overtake buffered data; the first barrier snapshots at once. The
 *   in-flight data is persisted with the checkpoint as channel state: on each input, the records
 *   its barrier overtook (taken from the channel when the barrier arrives), and on an input whose
 *   barrier has not arrived yet, the records taken before it does. The task acknowledges once every
 *   barrier has arrived and its snapshot is written, not once the overtaken records are processed;
 *   on recovery the persisted records are replayed into the task before any new input.
 * - at-least-once: no blocking; the snapshot waits for the last barrier, so records that arrived
 *   behind an early barrier are already counted in the state and are replayed again after a
 *   failure: state can double-count.
 * An input that has ended counts as having delivered every barrier (FLIP-147: a finished upstream
 * takes part in later checkpoints as if its barrier had arrived, as Flink's EndOfPartitionEvent
 * does), and a task snapshots each checkpoint once: a barrier of a checkpoint it has already
 * snapshotted, or given up, is ignored (Flink's SingleCheckpointBarrierHandler only starts a
 * checkpoint for a barrier id above the current one).
 */
import type { StreamRecord } from '../../model/record.js';
import type { CheckpointMode } from '../../scenario/types.js';
import type { TraceSink } from '../../trace/events.js';
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';
import { Priority } from '../../kernel/scheduler.js';
import type { Barrier } from '../control.js';
import type { NativeWindowTask } from './window-task.js';
import { ALIGNMENT_TIMEOUT } from './window-task.js';

export interface TaskSnapshot {
  readonly operator: OperatorSnapshot;
  /** In-flight records stored with an unaligned snapshot, in the order they must be replayed. */
  readonly inFlight: readonly StreamRecord[];
  readonly alignmentMs: number;
  readonly unaligned: boolean;
}

interface Pending {
  readonly id: number;
  readonly firstAt: number;
  readonly mode: CheckpointMode;
  readonly arrived: boolean[];
  /** Inputs whose records taken from now on belong to the in-flight data (their barrier is still to come). */
  readonly recording: boolean[];
  /** The persisted channel state, per input, in the order each input delivered it. */
  readonly inFlight: StreamRecord[][];
  operator: OperatorSnapshot | undefined;
  snapshotAt: number;
  unaligned: boolean;
}

export class BarrierAlignment {
  private current: Pending | undefined;
  /** The highest checkpoint id this task has started: barriers of it, once done, or of older ones are ignored. */
  private latestId = 0;

  constructor(
    private readonly task: NativeWindowTask,
    private readonly mode: CheckpointMode,
    private readonly alignedTimeoutMs: number | undefined,
    private readonly trace: TraceSink,
  ) {}

  /** An aligned checkpoint blocks the inputs whose barrier has arrived until the snapshot. */
  isBlocked(channel: number): boolean {
    const p = this.current;
    return p !== undefined && p.mode === 'aligned' && p.operator === undefined && p.arrived[channel] === true;
  }

  onBarrier(channel: number, barrier: Barrier, now: number): void {
    if (barrier.id < this.latestId) return; // a barrier of a checkpoint given up or superseded
    let p = this.current;
    if (barrier.id === this.latestId && p?.id !== barrier.id) return; // snapshotted (or given up) already
    if (p !== undefined && barrier.id > p.id) p = undefined; // a newer checkpoint supersedes an unfinished one
    const started = p === undefined;
    if (p === undefined) p = this.start(barrier, now);
    // An input that has ended already counts as arrived: its late barrier adds nothing, unless it
    // is the first of a checkpoint taken after every input ended (the final checkpoint), which the
    // task must still snapshot.
    if (!started && p.arrived[channel] === true) return;
    const fresh = p.arrived[channel] !== true;
    p.arrived[channel] = true;
    p.recording[channel] = false;
    if (fresh && barrier.unaligned) {
      if (p.operator === undefined) this.snapshot(p, now, true);
      // The records this priority barrier overtook are written to the checkpoint now, as channel state.
      const channelOf = this.task.inputs[channel];
      if (channelOf !== undefined) this.persist(p, channel, channelOf.firstRecords(channelOf.lastBarrierAhead));
    }
    this.trace.emit({
      type: 'barrier-received',
      at: now,
      id: barrier.id,
      task: this.task.index,
      channel,
      blocked: p.mode === 'aligned' && p.operator === undefined && !this.allArrived(p),
    });
    if (p.operator === undefined && this.allArrived(p)) this.snapshot(p, now, false);
    this.maybeAcknowledge(p, now);
  }

  /** Records taken after the snapshot from an input whose barrier is still to come are in-flight data. */
  onRecordTaken(channel: number, rec: StreamRecord): void {
    const p = this.current;
    if (p === undefined || p.operator === undefined || !p.recording[channel]) return;
    this.persist(p, channel, [rec]);
  }

  /**
   * aligned-checkpoint-timeout: once the alignment has lasted the timeout, snapshot now and turn the
   * barriers still queued on the other inputs into priority barriers.
   */
  onTimeout(now: number): void {
    const p = this.current;
    const timeout = this.alignedTimeoutMs;
    if (p === undefined || timeout === undefined || p.operator !== undefined || p.mode !== 'aligned') return;
    if (now - p.firstAt < timeout) return; // the timer of an earlier checkpoint
    this.snapshot(p, now, true);
    this.overtakeQueuedBarriers(p, now);
    this.maybeAcknowledge(p, now);
  }

  /**
   * After a timed-out alignment, a barrier reaching an input later overtakes the records queued
   * ahead of it too. The task calls this before taking input.
   */
  beforeTake(now: number): void {
    const p = this.current;
    if (p === undefined || !p.unaligned || p.mode !== 'aligned' || p.operator === undefined) return;
    if (this.overtakeQueuedBarriers(p, now)) this.maybeAcknowledge(p, now);
  }

  onInputEnded(channel: number, now: number): void {
    const p = this.current;
    if (p === undefined) return;
    p.arrived[channel] = true;
    p.recording[channel] = false;
    if (p.operator === undefined && this.allArrived(p)) this.snapshot(p, now, false);
    this.maybeAcknowledge(p, now);
  }

  /** The coordinator gave checkpoint `id` up (timeout, failure): stop aligning for it. */
  abort(id: number): void {
    if (this.current?.id === id) this.current = undefined;
  }

  private start(barrier: Barrier, now: number): Pending {
    const n = this.task.inputs.length;
    // A savepoint is always aligned; an unaligned barrier makes this an unaligned checkpoint.
    const mode: CheckpointMode = barrier.unaligned ? 'unaligned' : barrier.savepoint ? 'aligned' : this.mode;
    const p: Pending = {
      id: barrier.id,
      firstAt: now,
      mode,
      arrived: this.task.inputEnded.map((e) => e),
      recording: new Array<boolean>(n).fill(false),
      inFlight: Array.from({ length: n }, () => []),
      operator: undefined,
      snapshotAt: now,
      unaligned: false,
    };
    this.current = p;
    this.latestId = barrier.id;
    // A savepoint never times out into an unaligned one: it must be self-contained (no channel state).
    if (mode === 'aligned' && !barrier.savepoint && this.alignedTimeoutMs !== undefined) {
      this.task.scheduler.scheduleDaemon(now + this.alignedTimeoutMs, Priority.control, this.task, ALIGNMENT_TIMEOUT);
    }
    return p;
  }

  private allArrived(p: Pending): boolean {
    return p.arrived.every(Boolean);
  }

  private persist(p: Pending, channel: number, records: readonly StreamRecord[]): void {
    // A copy: the task goes on to process the record itself, and processing may restamp it.
    for (const r of records) (p.inFlight[channel] as StreamRecord[]).push({ ...r });
  }

  /** Converts the barriers of `p` queued on inputs that have not delivered theirs; true if any was. */
  private overtakeQueuedBarriers(p: Pending, now: number): boolean {
    let any = false;
    for (let c = 0; c < p.arrived.length; c++) {
      if (p.arrived[c] === true) continue;
      const overtaken = this.task.inputs[c]?.overtakeBarrier(p.id, now);
      if (overtaken === undefined) continue;
      any = true;
      p.arrived[c] = true;
      p.recording[c] = false;
      this.persist(p, c, overtaken);
      this.trace.emit({ type: 'barrier-received', at: now, id: p.id, task: this.task.index, channel: c, blocked: false });
    }
    return any;
  }

  private snapshot(p: Pending, now: number, unaligned: boolean): void {
    p.operator = this.task.snapshotOperator();
    p.snapshotAt = now;
    p.unaligned = unaligned;
    // From now on, records from inputs whose barrier has not arrived belong to this checkpoint's in-flight data.
    if (unaligned) for (let c = 0; c < p.arrived.length; c++) p.recording[c] = !p.arrived[c];
    this.task.preCommit(p.id);
  }

  private maybeAcknowledge(p: Pending, now: number): void {
    if (p.operator === undefined || !this.allArrived(p)) {
      this.current = p;
      return;
    }
    this.current = undefined;
    const snapshot: TaskSnapshot = { operator: p.operator, inFlight: p.inFlight.flat(), alignmentMs: p.snapshotAt - p.firstAt, unaligned: p.unaligned };
    this.task.afterSnapshotWritten(now, () => this.acknowledge(p, snapshot, Math.max(now, this.task.scheduler.now)));
  }

  private acknowledge(p: Pending, snapshot: TaskSnapshot, now: number): void {
    this.trace.emit({
      type: 'checkpoint-snapshot',
      at: now,
      id: p.id,
      task: this.task.index,
      alignmentMs: snapshot.alignmentMs,
      windows: snapshot.operator.windows.length,
      inFlightRecords: snapshot.inFlight.length,
      unaligned: snapshot.unaligned,
    });
    this.task.host.acknowledge(p.id, this.task.index, snapshot, now);
  }
}
