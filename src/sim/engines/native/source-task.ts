/**
 * A source task of the native engine: it reads its partitions of the log as entries are appended,
 * stamps ingestion time, runs the chained filter and map, assigns timestamps, feeds each partition's
 * watermark generator, and routes records by key group to the window tasks. With chaining off it
 * runs no operator of the pipeline (it is given the identity pipeline) and sends every record to
 * its one forward output, the first unchained operator task (operator-task.ts).
 *
 * Watermarks follow Flink's source model: one generator per partition (split); the task's
 * watermark is the minimum over its non-idle partitions (WatermarkOutputMultiplexer), emitted
 * periodically or on punctuation, and never regresses; when every partition is idle the task
 * tells its outputs it is idle (WatermarkStatus.IDLE). When its input is exhausted, a bounded
 * source sends the final watermark +∞ if the rule book says the engine flushes at the end.
 *
 * Checkpoints: on a trigger the task records its partitions' offsets and sends the barrier.
 * Backpressure: a record whose channel has no credit waits, and so does the task.
 */
import { Priority, type Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { KeyTable, LogEntry, StreamRecord } from '../../model/record.js';
import type { Scenario } from '../../scenario/types.js';
import type { EngineRules } from '../../semantics/rules.js';
import type { LogCursor, ScriptedWatermark } from '../../sources/log.js';
import type { EventRef, TraceSink } from '../../trace/events.js';
import type { CompiledPipeline } from '../../operators/pipeline.js';
import type { WatermarkGenerator } from '../../watermarks/generator.js';
import type { Channel, ChannelSender } from '../channel.js';
import { Barrier, EndOfInput, Watermark, WatermarkStatus } from '../control.js';
import { WorkMeter } from '../work-meter.js';

export interface PartitionReader {
  readonly partition: number;
  readonly cursor: LogCursor;
  readonly generator: WatermarkGenerator;
  watermark: number;
  idle: boolean;
  lastActiveAt: number;
  /** A partition outage: unreadable until this time. */
  outageUntil: number;
}

const READ = 0;
const TICK = 1;
const SCRIPT = 2;

export interface SourceTaskConfig {
  readonly index: number;
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly scheduler: Scheduler;
  readonly trace: TraceSink;
  readonly keys: KeyTable;
  readonly pipeline: CompiledPipeline;
  readonly readers: readonly PartitionReader[];
  readonly outputs: readonly Channel[];
  readonly route: (key: number) => number;
  readonly intervalMs: number | undefined;
  readonly idleTimeoutMs: number | undefined;
  readonly scripted: readonly ScriptedWatermark[];
  /** First instant of the job: periodic emission is aligned to it. */
  readonly startMs: number;
  /** Per record read (the cost model's source cost, and a chained filter). */
  readonly recordCostUs: number;
  /** Per record sent on (a chained map, and serialisation for the hop). */
  readonly emitCostUs: number;
  /**
   * True when the outputs are forward channels into unchained stateless tasks: an unaligned barrier
   * then travels in line and overtakes data only on the hop into the window tasks (operator-task.ts).
   */
  readonly inlineBarriers: boolean;
  /** Called after every record read, for faults that strike after n records. */
  readonly onRecord: (task: number, now: number) => void;
}

export class NativeSourceTask implements Wakeable, ChannelSender {
  alive = true;
  readonly meter = new WorkMeter();
  private watermark = -Infinity;
  private idle = false;
  finished = false;
  /** Time spent unable to emit for want of credit (backpressure), for the task metrics. */
  backpressuredMs = 0;
  private stalledSince = 0;
  private readAt = Infinity;
  private stalled: { rec: StreamRecord; channel: Channel } | undefined;
  private readonly detailed: boolean;
  recordsRead = 0;
  /** Scripted watermark steps still to apply: the timeline is not over until they are. */
  private scriptRemaining = 0;

  constructor(private readonly cfg: SourceTaskConfig) {
    this.detailed = cfg.trace.detailed;
  }

  get currentWatermark(): number {
    return this.watermark;
  }

  get readers(): readonly PartitionReader[] {
    return this.cfg.readers;
  }

  start(now: number): void {
    this.scheduleRead(now);
    if (this.cfg.intervalMs !== undefined) {
      const interval = this.cfg.intervalMs;
      // Periodic emission stays aligned to the job's start across restarts.
      const next = now <= this.cfg.startMs ? this.cfg.startMs : this.cfg.startMs + Math.ceil((now - this.cfg.startMs) / interval) * interval;
      this.cfg.scheduler.schedule(next, Priority.periodic, this, TICK);
    }
    this.cfg.scripted.forEach((step, i) => {
      if (step.at < now) return;
      this.scriptRemaining++;
      this.cfg.scheduler.schedule(step.at, Priority.control, this, SCRIPT + i);
    });
    if (this.exhausted()) this.finish(now);
  }

  wake(now: number, tag: number): void {
    if (!this.alive) return;
    if (tag === READ) {
      this.readAt = Infinity;
      this.pump(now);
    } else if (tag === TICK) this.tick(now);
    else {
      this.scriptRemaining--;
      this.applyScripted((this.cfg.scripted[tag - SCRIPT] as ScriptedWatermark).watermark, now);
      if (this.exhausted()) this.finish(now);
    }
  }

  creditAvailable(now: number): void {
    if (this.alive) this.scheduleRead(now);
  }

  /** The offsets a checkpoint stores: the next entry each partition will read (a stalled record counts as unread). */
  offsets(): EventRef[] {
    return this.cfg.readers.map((r) => ({
      partition: r.partition,
      offset: this.stalled && this.stalled.rec.entry.partition === r.partition ? this.stalled.rec.entry.offset : r.cursor.offset,
    }));
  }

  /** Flink's source: snapshot the split offsets, then emit the barrier to every output. */
  triggerCheckpoint(barrier: Barrier, now: number): EventRef[] {
    const offsets = this.offsets();
    if (this.detailed) this.cfg.trace.emit({ type: 'barrier-emitted', at: now, id: barrier.id, task: this.cfg.index, offsets });
    for (const ch of this.cfg.outputs) {
      if (barrier.unaligned && !this.cfg.inlineBarriers) ch.sendPriority(barrier, now);
      else ch.send(barrier, now);
    }
    return offsets;
  }

  /** Reads appended entries in append order across partitions (ties by partition), as long as it is not busy or blocked. */
  private pump(now: number): void {
    for (;;) {
      if (this.meter.isBusy(now)) {
        this.scheduleRead(now);
        return;
      }
      if (this.stalled) {
        const { rec, channel } = this.stalled;
        if (!channel.hasCredit()) {
          channel.senderWaiting = true;
          return;
        }
        this.stalled = undefined;
        this.backpressuredMs += now - this.stalledSince;
        if (this.detailed) this.cfg.trace.emit({ type: 'backpressure', at: now, task: this.cfg.index, blocked: false, channel: channel.index });
        channel.send(rec, now);
      }
      const next = this.nextReader(now);
      if (next === undefined) {
        if (!this.scheduleRead(now) && this.exhausted()) this.finish(now);
        return;
      }
      this.process(next, next.cursor.next(), now);
      this.meter.spend(now, this.cfg.recordCostUs);
      this.recordsRead++;
      this.cfg.onRecord(this.cfg.index, now);
      if (!this.alive) return;
    }
  }

  private nextReader(now: number): PartitionReader | undefined {
    let next: PartitionReader | undefined;
    let nextAt = Infinity;
    for (const r of this.cfg.readers) {
      if (r.outageUntil > now) continue;
      const at = r.cursor.peekAppendTime();
      if (at < nextAt) {
        nextAt = at;
        next = r;
      }
    }
    return nextAt <= now ? next : undefined;
  }

  private exhausted(): boolean {
    return this.scriptRemaining === 0 && this.stalled === undefined && this.cfg.readers.every((r) => r.cursor.peekAppendTime() === Infinity);
  }

  /** Schedules the next read; returns false when every partition is exhausted. */
  private scheduleRead(now: number): boolean {
    let at = Infinity;
    for (const r of this.cfg.readers) {
      const t = r.cursor.peekAppendTime();
      if (t !== Infinity) at = Math.min(at, Math.max(t, r.outageUntil));
    }
    if (this.stalled) at = Math.min(at, now);
    // A task still busy with its last records looks again when that work is done, and finishes
    // then; without this wake-up it would never send its end of input, and a job with checkpoints
    // would go on checkpointing until the step bound.
    if (at === Infinity && this.meter.busyUntil > now) at = this.meter.busyUntil;
    at = Math.max(at, now, this.meter.busyUntil);
    if (at === Infinity) return this.stalled !== undefined;
    if (at < this.readAt) {
      this.readAt = at;
      this.cfg.scheduler.schedule(at, Priority.source, this, READ);
    }
    return true;
  }

  private process(reader: PartitionReader, entry: LogEntry, now: number): void {
    const cfg = this.cfg;
    if (this.detailed) this.traceIngested(entry, now);
    reader.lastActiveAt = now;
    if (reader.idle) this.setIdle(reader, false, now);
    // Flink marks the output active before it emits a record again.
    if (this.idle) this.broadcastStatus(false, now);
    const timestamp = cfg.scenario.timeDomain === 'event-time' ? entry.eventTime : now;
    // The key's name is looked up only for a filter to test: with none, every event passes.
    if (cfg.pipeline.filters && !cfg.pipeline.keep(cfg.keys.name(entry.key), entry.value)) {
      if (this.detailed) cfg.trace.emit({ type: 'event-filtered', at: now, ref: { partition: entry.partition, offset: entry.offset } });
    } else {
      const rec: StreamRecord = { entry, value: cfg.pipeline.map(entry.value), timestamp, ingestionTime: now as StreamRecord['ingestionTime'] };
      this.meter.spend(now, cfg.emitCostUs);
      const channel = cfg.outputs[cfg.route(entry.key)] as Channel;
      if (channel.hasCredit()) channel.send(rec, now);
      else {
        // Credit-based flow control: the task cannot emit, so it stops reading.
        this.stalled = { rec, channel };
        this.stalledSince = now;
        channel.senderWaiting = true;
        if (this.detailed) cfg.trace.emit({ type: 'backpressure', at: now, task: cfg.index, blocked: true, channel: channel.index });
      }
    }
    // Flink's TimestampsAndWatermarksOperator emits the record first, then calls onEvent.
    const punctuated = reader.generator.onEvent(timestamp, now, entry.marker === true);
    if (punctuated !== undefined && this.advancePartition(reader, punctuated, now)) this.emitCombined(now);
  }

  private tick(now: number): void {
    if (this.finished) return;
    const timeout = this.cfg.idleTimeoutMs;
    for (const r of this.cfg.readers) {
      // Flink's WatermarksWithIdleness: no records for the timeout marks the partition idle.
      if (timeout !== undefined && !r.idle && now - r.lastActiveAt >= timeout) this.setIdle(r, true, now);
      this.advancePartition(r, r.generator.onPeriodicEmit(now), now);
    }
    this.emitCombined(now);
    this.cfg.scheduler.schedule(now + (this.cfg.intervalMs as number), Priority.periodic, this, TICK);
  }

  private applyScripted(value: number, now: number): void {
    for (const r of this.cfg.readers) this.advancePartition(r, value, now);
    this.emitCombined(now);
  }

  private finish(now: number): void {
    if (this.finished) return;
    this.finished = true;
    // One last periodic emission covers the final records (Spark applies it in a no-data batch,
    // which spark.sql.streaming.noDataMicroBatches.enabled allows by default).
    if (this.cfg.intervalMs !== undefined) {
      for (const r of this.cfg.readers) this.advancePartition(r, r.generator.onPeriodicEmit(now), now);
      this.emitCombined(now);
    }
    this.cfg.trace.emit({ type: 'source-finished', at: now, task: this.cfg.index });
    if (this.cfg.rules.flushesAtEndOfInput && this.cfg.scenario.watermark.type !== 'scripted') {
      for (const r of this.cfg.readers) {
        if (r.idle) this.setIdle(r, false, now);
        this.advancePartition(r, Infinity, now);
      }
      this.emitCombined(now);
    }
    const end = new EndOfInput();
    for (const ch of this.cfg.outputs) ch.send(end, now);
  }

  /** Keeps the partition's watermark monotone; returns true if it moved. */
  private advancePartition(r: PartitionReader, candidate: number, now: number): boolean {
    if (!(candidate > r.watermark)) return false;
    r.watermark = candidate;
    if (this.detailed) this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'partition', id: r.partition, watermark: candidate });
    return true;
  }

  /** Combines the partitions' watermarks and sends the result downstream if it moved. */
  private emitCombined(now: number): void {
    const useMin = this.cfg.rules.combineInputs === 'min';
    let combined = useMin ? Infinity : -Infinity;
    let heldBy: number | undefined;
    let active = 0;
    for (const r of this.cfg.readers) {
      if (r.idle) continue;
      active++;
      if (useMin ? r.watermark < combined : r.watermark > combined) {
        combined = r.watermark;
        heldBy = r.partition;
      }
    }
    if (active === 0) {
      if (!this.idle && this.cfg.readers.length > 0) this.broadcastStatus(true, now);
      return;
    }
    if (this.idle) this.broadcastStatus(false, now);
    if (!(combined > this.watermark)) return;
    this.watermark = combined;
    if (this.detailed) {
      this.cfg.trace.emit({
        type: 'watermark-advanced',
        at: now,
        scope: 'source',
        id: this.cfg.index,
        watermark: combined,
        ...(this.cfg.readers.length > 1 && heldBy !== undefined ? { heldBy } : {}),
      });
    }
    const wm = new Watermark(combined);
    for (const ch of this.cfg.outputs) ch.send(wm, now);
  }

  private setIdle(r: PartitionReader, idle: boolean, now: number): void {
    r.idle = idle;
    this.cfg.trace.emit({ type: 'partition-idle', at: now, partition: r.partition, idle });
  }

  private broadcastStatus(idle: boolean, now: number): void {
    this.idle = idle;
    const status = new WatermarkStatus(idle);
    for (const ch of this.cfg.outputs) ch.send(status, now);
  }

  private traceIngested(entry: LogEntry, now: number): void {
    this.cfg.trace.emit({
      type: 'event-ingested',
      at: now,
      task: this.cfg.index,
      ref: { partition: entry.partition, offset: entry.offset },
      key: this.cfg.keys.name(entry.key),
      value: entry.value,
      eventTime: entry.eventTime,
      appendTime: entry.appendTime,
    });
  }
}
