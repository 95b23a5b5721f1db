/**
 * How a task with several inputs handles checkpoint barriers (Flink's CheckpointBarrierHandler):
 * - aligned (exactly-once): an input whose barrier n arrived is blocked until barrier n arrived on
 *   every input; then the state is snapshotted and the inputs unblocked. Alignment time is the
 *   wait. With aligned-checkpoint-timeout, an alignment that takes too long switches to unaligned.
 * - unaligned: barriers overtake buffered data; the first barrier snapshots at once, and the
 *   records it overtook, plus those still arriving on other inputs before their barriers, are stored
 *   with the checkpoint as in-flight data and replayed into the task on recovery.
 * - at-least-once: no blocking; the snapshot waits for the last barrier, so records that arrived
 *   behind an early barrier are already counted in the state and are replayed again after a
 *   failure: state can double-count.
 * An input that has ended counts as having delivered every barrier.
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
  /** Records still to take from each input that belong to the in-flight data. */
  readonly recordAhead: number[];
  readonly recording: boolean[];
  readonly inFlight: StreamRecord[];
  operator: OperatorSnapshot | undefined;
  snapshotAt: number;
  unaligned: boolean;
}

export class BarrierAlignment {
  private current: Pending | undefined;

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
    let p = this.current;
    if (p !== undefined && barrier.id < p.id) return; // a barrier of a checkpoint already given up
    if (p !== undefined && barrier.id > p.id) p = undefined; // a newer checkpoint supersedes an unfinished one
    if (p === undefined) p = this.start(barrier, now);
    p.arrived[channel] = true;
    if (barrier.unaligned) {
      const ahead = (this.task.inputs[channel] as { lastBarrierAhead: number }).lastBarrierAhead;
      p.recordAhead[channel] = ahead;
    }
    p.recording[channel] = false;
    this.trace.emit({
      type: 'barrier-received',
      at: now,
      id: barrier.id,
      task: this.task.index,
      channel,
      blocked: p.mode === 'aligned' && p.operator === undefined && !this.allArrived(p),
    });
    if (p.operator === undefined) {
      if (p.mode === 'unaligned') this.snapshot(p, now, true);
      else if (this.allArrived(p)) this.snapshot(p, now, false);
      else if (p.mode === 'aligned' && this.alignedTimeoutMs !== undefined && p.arrived.filter(Boolean).length === 1) {
        this.task.scheduler.schedule(now + this.alignedTimeoutMs, Priority.control, this.task, ALIGNMENT_TIMEOUT);
      }
    }
    this.maybeAcknowledge(p, now);
  }

  /** Records taken after the snapshot that were sent before their input's barrier are in-flight data. */
  onRecordTaken(channel: number, rec: StreamRecord): void {
    const p = this.current;
    if (p === undefined || p.operator === undefined) return;
    const ahead = p.recordAhead[channel] as number;
    if (ahead > 0) {
      p.recordAhead[channel] = ahead - 1;
      p.inFlight.push(rec);
    } else if (p.recording[channel]) {
      p.inFlight.push(rec);
    }
  }

  /** aligned-checkpoint-timeout: stop waiting, snapshot now and treat the rest as unaligned. */
  onTimeout(now: number): void {
    const p = this.current;
    if (p === undefined || p.operator !== undefined || p.mode !== 'aligned') return;
    this.snapshot(p, now, true);
    this.maybeAcknowledge(p, now);
  }

  onInputEnded(channel: number, now: number): void {
    const p = this.current;
    if (p === undefined) return;
    p.arrived[channel] = true;
    p.recording[channel] = false;
    if (p.operator === undefined && p.mode !== 'unaligned' && this.allArrived(p)) this.snapshot(p, now, false);
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
      recordAhead: new Array<number>(n).fill(0),
      recording: new Array<boolean>(n).fill(false),
      inFlight: [],
      operator: undefined,
      snapshotAt: now,
      unaligned: false,
    };
    this.current = p;
    return p;
  }

  private allArrived(p: Pending): boolean {
    return p.arrived.every(Boolean);
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
    if (p.operator === undefined || !this.allArrived(p) || p.recordAhead.some((n) => n > 0)) {
      this.current = p;
      return;
    }
    this.current = undefined;
    const snapshot: TaskSnapshot = { operator: p.operator, inFlight: p.inFlight, alignmentMs: p.snapshotAt - p.firstAt, unaligned: p.unaligned };
    this.task.afterSnapshotWritten(now, () => this.acknowledge(p, snapshot, Math.max(now, this.task.scheduler.now)));
  }

  private acknowledge(p: Pending, snapshot: TaskSnapshot, now: number): void {
    const operator = snapshot.operator;
    this.trace.emit({
      type: 'checkpoint-snapshot',
      at: now,
      id: p.id,
      task: this.task.index,
      alignmentMs: snapshot.alignmentMs,
      windows: operator.windows.length,
      inFlightRecords: p.inFlight.length,
      unaligned: p.unaligned,
    });
    this.task.host.acknowledge(p.id, this.task.index, snapshot, now);
  }
}
