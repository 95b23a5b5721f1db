/**
 * A window task of the native engine: one parallel instance of the keyed window operator with its
 * chained sink. It combines the watermarks of its input channels (the minimum over active inputs,
 * Flink's StatusWatermarkValve; the maximum under Spark's global watermark), fires the windows the
 * new watermark passes and only then forwards it, so downstream never sees a watermark before the
 * results it closes. Under Kafka Streams the clock is stream time, moved by records alone; for
 * processing-time windows it is the processing time itself.
 */
import { Priority, type Scheduler, type Wakeable } from '../kernel/scheduler.js';
import type { KeyTable, StreamRecord } from '../model/record.js';
import type { Pane } from '../model/pane.js';
import type { Scenario } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { TraceSink } from '../trace/events.js';
import { type FiringPhase, WindowOperator } from '../operators/window-operator.js';
import type { WindowState } from '../operators/window-state.js';
import type { ChannelReceiver, Element } from './channel.js';
import { Watermark, WatermarkStatus } from './control.js';
import type { CollectingSink } from './sink.js';

interface ProcessingTimer {
  readonly ws: WindowState;
  readonly phase: FiringPhase;
  readonly firings: number;
}

/** Scheduler tags: 0 drives processing-time windows; 1 and up are processing-time trigger timers. */
const CLOCK = 0;

export interface WindowTaskConfig {
  readonly index: number;
  readonly inputs: number;
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly scheduler: Scheduler;
  readonly trace: TraceSink;
  readonly keys: KeyTable;
  readonly sink: CollectingSink;
}

export class WindowTask implements Wakeable, ChannelReceiver {
  readonly operator: WindowOperator;
  private readonly inputWatermarks: number[];
  private readonly inputIdle: boolean[];
  private readonly timers = new Map<number, ProcessingTimer>();
  private nextTimerTag = 1;
  private clockWakeAt = Infinity;
  private readonly streamTime: boolean;
  private readonly processingTime: boolean;

  constructor(private readonly cfg: WindowTaskConfig) {
    this.inputWatermarks = new Array<number>(cfg.inputs).fill(-Infinity);
    this.inputIdle = new Array<boolean>(cfg.inputs).fill(false);
    this.streamTime = cfg.rules.progressClock === 'stream-time';
    this.processingTime = cfg.scenario.timeDomain === 'processing-time';
    this.operator = new WindowOperator({
      scenario: cfg.scenario,
      rules: cfg.rules,
      keys: cfg.keys,
      task: cfg.index,
      trace: cfg.trace,
      host: {
        emit: (pane: Pane, clock: number) => cfg.sink.write(cfg.index, pane, clock),
        registerProcessingTimer: (at, ws, phase, firings) => this.registerTimer(at, { ws, phase, firings }),
      },
    });
  }

  /** The watermark of each input channel, for the dataflow view. */
  get inputs(): readonly number[] {
    return this.inputWatermarks;
  }

  receive(channel: number, element: Element, now: number): void {
    if (element instanceof Watermark) this.onWatermark(channel, element.value, now);
    else if (element instanceof WatermarkStatus) this.onStatus(channel, element.idle, now);
    else this.onRecord(element, now);
  }

  wake(now: number, tag: number): void {
    if (tag === CLOCK) {
      this.clockWakeAt = Infinity;
      this.operator.advanceClock(now, now);
      this.scheduleClock();
      return;
    }
    const timer = this.timers.get(tag);
    if (timer === undefined) return;
    this.timers.delete(tag);
    this.operator.onProcessingTimer(timer.ws, timer.phase, timer.firings, now);
  }

  private onRecord(rec: StreamRecord, now: number): void {
    if (this.processingTime) {
      rec.timestamp = now;
      this.operator.processElement(rec, now);
      this.scheduleClock();
      return;
    }
    if (!this.streamTime) {
      this.operator.processElement(rec, now);
      return;
    }
    // Kafka Streams: stream time is the largest timestamp seen, and only records move it. It is
    // updated before the record is processed (KStreamWindowAggregate), and the windows it closes
    // emit after the record's own update (the suppress buffer takes the update, then evicts).
    const moved = rec.timestamp > this.operator.clock;
    if (moved) this.operator.clock = rec.timestamp;
    this.operator.processElement(rec, now);
    if (moved) this.advance(rec.timestamp, now, undefined);
  }

  private onWatermark(channel: number, value: number, now: number): void {
    if (value > (this.inputWatermarks[channel] as number)) this.inputWatermarks[channel] = value;
    this.recombine(now);
  }

  private onStatus(channel: number, idle: boolean, now: number): void {
    this.inputIdle[channel] = idle;
    this.recombine(now);
  }

  private recombine(now: number): void {
    if (this.streamTime || this.processingTime) return;
    const useMin = this.cfg.rules.combineInputs === 'min';
    let combined = useMin ? Infinity : -Infinity;
    let heldBy: number | undefined;
    let active = 0;
    for (let c = 0; c < this.inputWatermarks.length; c++) {
      if (this.inputIdle[c]) continue;
      active++;
      const wm = this.inputWatermarks[c] as number;
      if (useMin ? wm < combined : wm > combined) {
        combined = wm;
        heldBy = c;
      }
    }
    // With every input idle there is nothing to take the minimum of: the watermark stays.
    if (active === 0 || !(combined > this.operator.clock)) return;
    this.advance(combined, now, this.inputWatermarks.length > 1 ? heldBy : undefined);
  }

  /** Fires what the clock passes, then records the new watermark: results before the watermark. */
  private advance(clock: number, now: number, heldBy: number | undefined): void {
    this.operator.advanceClock(clock, now);
    if (this.cfg.trace.detailed) {
      this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'operator', id: this.cfg.index, watermark: clock, ...(heldBy !== undefined ? { heldBy } : {}) });
    }
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
}
