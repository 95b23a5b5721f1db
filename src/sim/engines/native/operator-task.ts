/**
 * A stateless operator (filter or map) running as a task of its own, as every operator does when
 * chaining is off (Flink's StreamExecutionEnvironment.disableOperatorChaining()). It has one input,
 * connected one-to-one to the task before it (Flink's ForwardPartitioner, since the parallelism is
 * the source's), and either one forward output or, for the last of them, the hash shuffle by key
 * group to the window tasks. Each hop is a real channel: the record is serialised, buffered,
 * subject to credit and to the channel's latency, where a chained operator gets it as an object.
 *
 * It has its own WorkMeter, so its time is its own and it can be the bottleneck. A record that
 * finds no credit on its output stalls the task, which then stops taking input: its input channel
 * fills, and the backpressure reaches the task before it (credit-based flow control).
 *
 * Control elements are forwarded in order: a task with one input has nothing to align, and the
 * watermark of one input is that input's watermark (StatusWatermarkValve with one channel). A
 * stateless task has no state to snapshot, so it does not acknowledge checkpoints (its empty
 * snapshot adds nothing); the window tasks' acknowledgements complete them, and their barriers
 * passed through here. An unaligned barrier overtakes buffered records only on the last hop, into
 * the window tasks, whose alignment stores the overtaken records; on the forward hops before it the
 * barrier travels in line, so no in-flight data needs storing there. (Flink persists the in-flight
 * data of every channel; on these one-input hops the difference is only how soon the barrier
 * reaches the window tasks.)
 */
import { Priority, type Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { KeyTable, StreamRecord } from '../../model/record.js';
import type { TraceSink } from '../../trace/events.js';
import type { CompiledPipeline } from '../../operators/pipeline.js';
import { type Channel, type ChannelReceiver, type ChannelSender, type Element, isRecord } from '../channel.js';
import { Barrier, EndOfInput } from '../control.js';
import { WorkMeter } from '../work-meter.js';
import type { StageCosts, StatelessKind } from './costs.js';

const INPUT = 0;

export interface OperatorTaskConfig {
  readonly kind: StatelessKind;
  /** Subtask index: the same as the source task it is connected to. */
  readonly index: number;
  readonly scheduler: Scheduler;
  readonly trace: TraceSink;
  readonly keys: KeyTable;
  readonly pipeline: CompiledPipeline;
  readonly costs: StageCosts;
  readonly outputs: readonly Channel[];
  /** The output channel for a key: 0 on a forward connection, the key group's window task on the shuffle. */
  readonly route: (key: number) => number;
  /** True for the last task before the shuffle: unaligned barriers overtake its output buffers. */
  readonly priorityBarriers: boolean;
}

export class NativeOperatorTask implements Wakeable, ChannelReceiver, ChannelSender {
  alive = true;
  readonly meter = new WorkMeter();
  recordsProcessed = 0;
  /** Time spent unable to emit for want of credit (backpressure). */
  backpressuredMs = 0;
  private input: Channel | undefined;
  private stalled: { rec: StreamRecord; channel: Channel } | undefined;
  private stalledSince = 0;
  private wakeAt = Infinity;

  constructor(private readonly cfg: OperatorTaskConfig) {}

  get kind(): StatelessKind {
    return this.cfg.kind;
  }

  get index(): number {
    return this.cfg.index;
  }

  /** As the task metrics name it: filter-0, map-1. */
  get name(): string {
    return `${this.cfg.kind}-${this.cfg.index}`;
  }

  connect(input: Channel): void {
    this.input = input;
  }

  inputAvailableAt(at: number): void {
    const when = Math.max(at, this.cfg.scheduler.now);
    if (when < this.wakeAt) {
      this.wakeAt = when;
      this.cfg.scheduler.schedule(when, Priority.delivery, this, INPUT);
    }
  }

  creditAvailable(now: number): void {
    if (this.alive) this.inputAvailableAt(now);
  }

  wake(now: number, _tag: number): void {
    if (now >= this.wakeAt) this.wakeAt = Infinity;
    if (this.alive) this.pump(now);
  }

  /** Takes input while the task is neither busy nor stalled on a full output. */
  private pump(now: number): void {
    const input = this.input;
    if (input === undefined) return;
    for (;;) {
      if (!this.alive) return;
      if (this.meter.isBusy(now)) {
        this.inputAvailableAt(this.meter.busyUntil);
        return;
      }
      if (this.stalled !== undefined && !this.unstall(now)) return;
      const at = input.nextAvailableAt();
      if (at === Infinity) return;
      if (at > now) {
        this.inputAvailableAt(at);
        return;
      }
      const element = input.take(now);
      if (element === undefined) return;
      this.handle(element, now);
    }
  }

  /** Sends the stalled record if its channel has credit again; false while it still has none. */
  private unstall(now: number): boolean {
    const { rec, channel } = this.stalled as { rec: StreamRecord; channel: Channel };
    if (!channel.hasCredit()) {
      channel.senderWaiting = true;
      return false;
    }
    this.stalled = undefined;
    this.backpressuredMs += now - this.stalledSince;
    if (this.cfg.trace.detailed) this.cfg.trace.emit({ type: 'backpressure', at: now, task: this.cfg.index, stage: this.cfg.kind, blocked: false, channel: channel.index });
    channel.send(rec, now);
    return true;
  }

  private handle(element: Element, now: number): void {
    if (isRecord(element)) return this.onRecord(element, now);
    if (element instanceof Barrier) {
      for (const ch of this.cfg.outputs) {
        if (element.unaligned && this.cfg.priorityBarriers) ch.sendPriority(element, now);
        else ch.send(element, now);
      }
      return;
    }
    // Watermarks, watermark status and end of input pass on in line, after the records before them.
    for (const ch of this.cfg.outputs) ch.send(element, now);
    if (element instanceof EndOfInput) for (const ch of this.cfg.outputs) ch.flush(now);
  }

  private onRecord(rec: StreamRecord, now: number): void {
    const cfg = this.cfg;
    this.meter.spend(now, cfg.costs.recordUs);
    this.recordsProcessed++;
    if (cfg.kind === 'filter') {
      if (!cfg.pipeline.keep(cfg.keys.name(rec.entry.key), rec.value)) {
        if (cfg.trace.detailed) cfg.trace.emit({ type: 'event-filtered', at: now, ref: { partition: rec.entry.partition, offset: rec.entry.offset } });
        return;
      }
    } else {
      rec.value = cfg.pipeline.map(rec.value);
    }
    this.meter.spend(now, cfg.costs.emitUs);
    const channel = cfg.outputs[cfg.route(rec.entry.key)] as Channel;
    if (channel.hasCredit()) {
      channel.send(rec, now);
      return;
    }
    // Credit-based flow control: the task cannot emit, so it stops taking input.
    this.stalled = { rec, channel };
    this.stalledSince = now;
    channel.senderWaiting = true;
    if (cfg.trace.detailed) cfg.trace.emit({ type: 'backpressure', at: now, task: cfg.index, stage: cfg.kind, blocked: true, channel: channel.index });
  }
}
