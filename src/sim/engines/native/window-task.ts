/**
 * A window task of the native engine: one parallel instance of the keyed window operator with its
 * chained sink. It takes input from its channels one element at a time (paying the cost model's
 * price per record), combines the inputs' watermarks (the minimum over active inputs, Flink's
 * StatusWatermarkValve; the maximum under Spark's global watermark), and fires what the new
 * watermark passes before recording it. Under Kafka Streams the clock is stream time, moved by
 * records alone; for processing-time windows it is the processing time itself.
 *
 * Checkpoint barriers are handled as Flink's barrier handlers do (barrier-alignment.ts).
 */
import { Priority, type Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { KeyTable, StreamRecord } from '../../model/record.js';
import type { Pane } from '../../model/pane.js';
import type { CheckpointMode, Scenario } from '../../scenario/types.js';
import type { EngineRules } from '../../semantics/rules.js';
import type { TraceSink } from '../../trace/events.js';
import { type FiringPhase, WindowOperator } from '../../operators/window-operator.js';
import type { WindowState } from '../../operators/window-state.js';
import type { OperatorSnapshot, WindowEntry } from '../../operators/window-snapshot.js';
import type { SinkSystem } from '../../delivery/sink-system.js';
import { type Channel, type ChannelReceiver, type Element, isRecord } from '../channel.js';
import { Barrier, EndOfInput, Watermark, WatermarkStatus } from '../control.js';
import { WorkMeter } from '../work-meter.js';
import { BarrierAlignment, type TaskSnapshot } from './barrier-alignment.js';

interface ProcessingTimer {
  readonly ws: WindowState;
  readonly phase: FiringPhase;
  readonly firings: number;
}

/** Scheduler tags: input, the processing-time clock, the alignment timeout; 10 and up are trigger timers. */
const INPUT = 0;
const CLOCK = 1;
export const ALIGNMENT_TIMEOUT = 2;
const ACKNOWLEDGE = 3;
const FIRST_TIMER = 10;

export interface WindowTaskHost {
  readonly sink: SinkSystem;
  /** The task snapshotted its state for checkpoint `id`; the coordinator collects acknowledgements. */
  acknowledge(id: number, task: number, snapshot: TaskSnapshot, now: number): void;
  /** Every input has ended. */
  inputsEnded(task: number, now: number): void;
  onRecord(task: number, now: number): void;
  keyGroupOf(key: string): number;
}

export interface WindowTaskConfig {
  readonly index: number;
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly scheduler: Scheduler;
  readonly trace: TraceSink;
  readonly keys: KeyTable;
  readonly host: WindowTaskHost;
  readonly checkpointMode: CheckpointMode;
  readonly alignedTimeoutMs: number | undefined;
  readonly recordCostUs: number;
  readonly sinkCostUs: number;
  /** Synchronous snapshot time per state entry (window), in µs: the cost model's snapshot cost. */
  readonly snapshotUsPerEntry: number;
}

export class NativeWindowTask implements Wakeable, ChannelReceiver {
  alive = true;
  readonly operator: WindowOperator;
  readonly meter = new WorkMeter();
  inputs: Channel[] = [];
  private inputWatermarks: number[] = [];
  private inputIdle: boolean[] = [];
  inputEnded: boolean[] = [];
  /** Inputs with data available, in the order the task takes from them (nextInput). */
  private readonly availableInputs: number[] = [];
  private queuedInput: boolean[] = [];
  private ended = false;
  private readonly timers = new Map<number, ProcessingTimer>();
  private nextTimerTag = FIRST_TIMER;
  private clockWakeAt = Infinity;
  private inputWakeAt = Infinity;
  private readonly streamTime: boolean;
  private readonly processingTime: boolean;
  readonly alignment: BarrierAlignment;
  recordsProcessed = 0;
  /** Records re-delivered from an unaligned checkpoint's channel state, processed before any input. */
  private replay: StreamRecord[] = [];
  /** Acknowledgements waiting for their snapshot to be written, in order. */
  private readonly acks: { at: number; send: () => void }[] = [];

  constructor(private readonly cfg: WindowTaskConfig) {
    this.streamTime = cfg.rules.progressClock === 'stream-time';
    this.processingTime = cfg.scenario.timeDomain === 'processing-time';
    this.operator = new WindowOperator({
      scenario: cfg.scenario,
      rules: cfg.rules,
      keys: cfg.keys,
      task: cfg.index,
      trace: cfg.trace,
      host: {
        emit: (pane: Pane, clock: number) => this.emit(pane, clock),
        registerProcessingTimer: (at, ws, phase, firings) => this.registerTimer(at, { ws, phase, firings }),
      },
    });
    this.alignment = new BarrierAlignment(this, cfg.checkpointMode, cfg.alignedTimeoutMs, cfg.trace);
  }

  get index(): number {
    return this.cfg.index;
  }

  get scheduler(): Scheduler {
    return this.cfg.scheduler;
  }

  get host(): WindowTaskHost {
    return this.cfg.host;
  }

  connect(inputs: Channel[]): void {
    this.inputs = inputs;
    this.inputWatermarks = inputs.map(() => -Infinity);
    this.inputIdle = inputs.map(() => false);
    this.inputEnded = inputs.map(() => false);
    this.queuedInput = inputs.map(() => false);
  }

  /** The watermark of each input channel, for the dataflow view. */
  get inputClocks(): readonly number[] {
    return this.inputWatermarks;
  }

  /** Restores a snapshot (the windows this task owns) and the in-flight records stored with it. */
  restore(snapshot: OperatorSnapshot, owns: (e: WindowEntry) => boolean, inFlight: readonly StreamRecord[], now: number): number {
    const restored = this.operator.restore(snapshot, owns, now);
    this.replay = [...inFlight];
    if (this.replay.length > 0) this.inputAvailableAt(now);
    return restored;
  }

  inputAvailableAt(at: number): void {
    const when = Math.max(at, this.cfg.scheduler.now);
    if (when < this.inputWakeAt) {
      this.inputWakeAt = when;
      this.cfg.scheduler.schedule(when, Priority.delivery, this, INPUT);
    }
  }

  wake(now: number, tag: number): void {
    if (!this.alive) return;
    if (tag === INPUT) {
      if (now >= this.inputWakeAt) this.inputWakeAt = Infinity;
      this.pump(now);
    } else if (tag === CLOCK) {
      this.clockWakeAt = Infinity;
      this.operator.advanceClock(now, now);
      this.scheduleClock();
    } else if (tag === ALIGNMENT_TIMEOUT) {
      this.alignment.onTimeout(now);
      this.pump(now);
    } else if (tag === ACKNOWLEDGE) {
      while (this.acks.length > 0 && (this.acks[0] as { at: number }).at <= now) this.acks.shift()?.send();
    } else {
      const timer = this.timers.get(tag);
      if (timer === undefined) return;
      this.timers.delete(tag);
      this.operator.onProcessingTimer(timer.ws, timer.phase, timer.firings, now);
    }
  }

  /** Takes input while the task is not busy: the earliest available element over unblocked inputs. */
  pump(now: number): void {
    for (;;) {
      if (!this.alive) return;
      if (this.meter.isBusy(now)) {
        this.inputAvailableAt(this.meter.busyUntil);
        return;
      }
      const replayed = this.replay.shift();
      if (replayed !== undefined) {
        this.onRecord(replayed, now);
        continue;
      }
      this.alignment.beforeTake(now);
      const pick = this.nextInput(now);
      if (pick < 0) return;
      const channel = this.inputs[pick] as Channel;
      const element = channel.take(now);
      if (element !== undefined) this.handle(pick, element, now);
    }
  }

  /**
   * The input to take from next, as Flink's SingleInputGate chooses: the channels with data
   * available form a queue in the order they became available; the task takes from the head, and a
   * channel that still has data goes to the back (round robin). So a backlogged channel does not
   * hold the others back, and each input reaches its barrier after its own backlog, not after every
   * record that arrived before the barrier on any input. (Flink takes a whole buffer per turn; here
   * a turn is one element.) Schedules a wake-up and returns -1 when nothing is available now.
   */
  private nextInput(now: number): number {
    // Channels that became available since the last look join the queue in order of arrival (ties by index).
    // A lone joiner (one input drained and refilled, once per record at parallelism 1) is queued
    // without the list and its sort: the same order, without garbage per record.
    let joining: { c: number; at: number }[] | undefined;
    let lone = -1;
    let loneAt = 0;
    for (let c = 0; c < this.inputs.length; c++) {
      if (this.queuedInput[c] === true) continue;
      const at = (this.inputs[c] as Channel).nextAvailableAt();
      if (at > now) continue;
      if (lone < 0 && joining === undefined) {
        lone = c;
        loneAt = at;
      } else {
        if (joining === undefined) {
          joining = [{ c: lone, at: loneAt }];
          lone = -1;
        }
        joining.push({ c, at });
      }
    }
    if (lone >= 0) {
      this.availableInputs.push(lone);
      this.queuedInput[lone] = true;
    } else if (joining !== undefined) {
      joining.sort((a, b) => a.at - b.at || a.c - b.c);
      for (const j of joining) {
        this.availableInputs.push(j.c);
        this.queuedInput[j.c] = true;
      }
    }
    // Blocked inputs (aligned barriers) stay in the queue, in place, until they are unblocked.
    for (let i = 0; i < this.availableInputs.length; i++) {
      const c = this.availableInputs[i] as number;
      if (this.alignment.isBlocked(c)) continue;
      if ((this.inputs[c] as Channel).nextAvailableAt() > now) {
        removeAt(this.availableInputs, i);
        this.queuedInput[c] = false;
        i--;
        continue;
      }
      moveToBack(this.availableInputs, i);
      return c;
    }
    let nextAt = Infinity;
    for (let c = 0; c < this.inputs.length; c++) {
      if (this.alignment.isBlocked(c)) continue;
      nextAt = Math.min(nextAt, (this.inputs[c] as Channel).nextAvailableAt());
    }
    if (nextAt !== Infinity && nextAt > now) this.inputAvailableAt(nextAt);
    return -1;
  }

  private handle(channel: number, element: Element, now: number): void {
    if (isRecord(element)) {
      this.alignment.onRecordTaken(channel, element);
      this.onRecord(element, now);
    } else if (element instanceof Watermark) this.onWatermark(channel, element.value, now);
    else if (element instanceof WatermarkStatus) this.onStatus(channel, element.idle, now);
    else if (element instanceof Barrier) this.alignment.onBarrier(channel, element, now);
    else if (element instanceof EndOfInput) this.onEnd(channel, now);
  }

  private onRecord(rec: StreamRecord, now: number): void {
    this.meter.spend(now, this.cfg.recordCostUs);
    this.recordsProcessed++;
    if (this.processingTime) {
      rec.timestamp = now;
      this.operator.processElement(rec, now);
      this.scheduleClock();
    } else if (!this.streamTime) {
      this.operator.processElement(rec, now);
    } else {
      // Kafka Streams: stream time is the largest timestamp seen, and only records move it. It is
      // updated before the record is processed (KStreamWindowAggregate), and the windows it closes
      // emit after the record's own update (the suppress buffer takes the update, then evicts).
      const moved = rec.timestamp > this.operator.clock;
      if (moved) this.operator.clock = rec.timestamp;
      this.operator.processElement(rec, now);
      if (moved) this.advance(rec.timestamp, now, undefined);
    }
    this.cfg.host.onRecord(this.cfg.index, now);
  }

  private onWatermark(channel: number, value: number, now: number): void {
    if (value > (this.inputWatermarks[channel] as number)) this.inputWatermarks[channel] = value;
    this.recombine(now);
  }

  private onStatus(channel: number, idle: boolean, now: number): void {
    this.inputIdle[channel] = idle;
    this.recombine(now);
  }

  private onEnd(channel: number, now: number): void {
    this.inputEnded[channel] = true;
    this.alignment.onInputEnded(channel, now);
    this.recombine(now);
    if (!this.ended && this.inputEnded.every(Boolean)) {
      this.ended = true;
      this.cfg.host.inputsEnded(this.cfg.index, now);
    }
  }

  private recombine(now: number): void {
    if (this.streamTime || this.processingTime) return;
    const useMin = this.cfg.rules.combineInputs === 'min';
    let combined = useMin ? Infinity : -Infinity;
    let heldBy: number | undefined;
    let active = 0;
    for (let c = 0; c < this.inputWatermarks.length; c++) {
      // An idle input, or one that has ended, no longer holds the minimum back.
      if (this.inputIdle[c] || this.inputEnded[c]) continue;
      active++;
      const wm = this.inputWatermarks[c] as number;
      if (useMin ? wm < combined : wm > combined) {
        combined = wm;
        heldBy = c;
      }
    }
    if (active === 0 && this.inputEnded.every(Boolean)) {
      // Every input has ended: none can hold the watermark back any more, and no record can come
      // to be late, so the watermark is the furthest any input reached (+∞ after a final flush,
      // even when some source task had no partition and sent no watermark at all).
      combined = this.inputWatermarks.reduce((m, w) => Math.max(m, w), -Infinity);
      heldBy = undefined;
    } else if (active === 0) return;
    if (!(combined > this.operator.clock)) return;
    this.advance(combined, now, this.inputWatermarks.length > 1 ? heldBy : undefined);
  }

  /** Fires what the clock passes, then records the new watermark: results before the watermark. */
  private advance(clock: number, now: number, heldBy: number | undefined): void {
    this.operator.advanceClock(clock, now);
    if (this.cfg.trace.detailed) {
      this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'operator', id: this.cfg.index, watermark: clock, ...(heldBy !== undefined ? { heldBy } : {}) });
    }
  }

  private emit(pane: Pane, clock: number): void {
    this.meter.spend(pane.emittedAt, this.cfg.sinkCostUs);
    this.cfg.host.sink.write(this.cfg.index, pane, pane.emittedAt);
    this.cfg.trace.emit({ type: 'pane-fired', at: pane.emittedAt, task: this.cfg.index, pane, watermark: clock });
  }

  private scheduleClock(): void {
    const next = this.operator.nextTimer();
    if (next !== Infinity && next < this.clockWakeAt) {
      this.clockWakeAt = next;
      this.cfg.scheduler.schedule(Math.max(next, this.cfg.scheduler.now), Priority.timer, this, CLOCK);
    }
  }

  private registerTimer(at: number, timer: ProcessingTimer): void {
    const tag = this.nextTimerTag++;
    this.timers.set(tag, timer);
    this.cfg.scheduler.schedule(Math.max(at, this.cfg.scheduler.now), Priority.timer, this, tag);
  }

  /**
   * Snapshot of the operator for a checkpoint, taken now. Writing it occupies the task for the cost
   * model's snapshot time per state entry (the synchronous part of a snapshot, during which Flink's
   * mailbox processes no records), so big state makes checkpoints slower and delays records.
   */
  snapshotOperator(): OperatorSnapshot {
    const snapshot = this.operator.snapshot((key) => this.cfg.host.keyGroupOf(key));
    this.meter.spend(this.cfg.scheduler.now, snapshot.windows.length * this.cfg.snapshotUsPerEntry);
    return snapshot;
  }

  /** Runs `send` (the acknowledgement of a snapshot) once the task has finished writing it. */
  afterSnapshotWritten(now: number, send: () => void): void {
    const at = Math.max(now, this.meter.busyUntil);
    if (at <= now && this.acks.length === 0) {
      send();
      return;
    }
    this.acks.push({ at, send });
    this.cfg.scheduler.schedule(at, Priority.control, this, ACKNOWLEDGE);
  }

  /** The chained sink sees the barrier right after the snapshot: its transaction is pre-committed. */
  preCommit(id: number): void {
    this.cfg.host.sink.preCommit(this.cfg.index, id);
  }
}

/**
 * The input queue is a few entries long and changes once per record taken: these move entries in
 * place, where splice would allocate the list of what it removed every time.
 */
function removeAt(a: number[], i: number): void {
  for (let j = i; j < a.length - 1; j++) a[j] = a[j + 1] as number;
  a.pop();
}

function moveToBack(a: number[], i: number): void {
  const c = a[i] as number;
  for (let j = i; j < a.length - 1; j++) a[j] = a[j + 1] as number;
  a[a.length - 1] = c;
}
