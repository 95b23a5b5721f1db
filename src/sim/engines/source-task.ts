/**
 * A source task of the native engine: it reads its partitions of the log as entries are appended,
 * stamps ingestion time, runs the chained filter and map, assigns timestamps, feeds each partition's
 * watermark generator, and routes records by key group to the window tasks.
 *
 * Watermarks follow Flink's source model: one generator per partition (split), the task's
 * watermark is the minimum over its non-idle partitions (WatermarkOutputMultiplexer), emitted
 * periodically or on punctuation, and never regresses. When every partition is idle the task tells
 * its outputs it is idle (WatermarkStatus.IDLE). When the whole input is read, a bounded source
 * sends the final watermark +∞ if the rule book says the engine flushes at the end of input.
 */
import { Priority, type Scheduler, type Wakeable } from '../kernel/scheduler.js';
import type { KeyTable, LogEntry, StreamRecord } from '../model/record.js';
import type { Scenario } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { LogCursor, ScriptedWatermark } from '../sources/log.js';
import type { TraceSink } from '../trace/events.js';
import type { CompiledPipeline } from '../operators/pipeline.js';
import type { WatermarkGenerator } from '../watermarks/generator.js';
import type { Channel } from './channel.js';
import { Watermark, WatermarkStatus } from './control.js';

export interface PartitionReader {
  readonly partition: number;
  readonly cursor: LogCursor;
  readonly generator: WatermarkGenerator;
  watermark: number;
  idle: boolean;
  lastActiveAt: number;
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
  /** One channel per window task; `route[key]` picks one. */
  readonly outputs: readonly Channel[];
  readonly route: (key: number) => number;
  readonly intervalMs: number | undefined;
  readonly idleTimeoutMs: number | undefined;
  readonly scripted: readonly ScriptedWatermark[];
  /** First instant of the job: periodic emission is aligned to it. */
  readonly startMs: number;
}

export class SourceTask implements Wakeable {
  private watermark = -Infinity;
  private idle = false;
  private finished = false;
  private readScheduledAt = Infinity;
  private readonly detailed: boolean;

  constructor(private readonly cfg: SourceTaskConfig) {
    this.detailed = cfg.trace.detailed;
  }

  /** The task's current output watermark. */
  get currentWatermark(): number {
    return this.watermark;
  }

  start(): void {
    this.scheduleRead();
    if (this.cfg.intervalMs !== undefined) this.cfg.scheduler.schedule(this.cfg.startMs, Priority.periodic, this, TICK);
    this.cfg.scripted.forEach((step, i) => this.cfg.scheduler.schedule(step.at, Priority.control, this, SCRIPT + i));
    if (this.cfg.readers.every((r) => r.cursor.peekAppendTime() === Infinity)) this.finish(this.cfg.startMs);
  }

  wake(now: number, tag: number): void {
    if (tag === READ) this.read(now);
    else if (tag === TICK) this.tick(now);
    else this.applyScripted((this.cfg.scripted[tag - SCRIPT] as ScriptedWatermark).watermark, now);
  }

  /** Reads every entry appended by now, in append order across partitions (ties by partition). */
  private read(now: number): void {
    this.readScheduledAt = Infinity;
    const readers = this.cfg.readers;
    for (;;) {
      let next: PartitionReader | undefined;
      let nextAt = Infinity;
      for (const r of readers) {
        const at = r.cursor.peekAppendTime();
        if (at < nextAt) {
          nextAt = at;
          next = r;
        }
      }
      if (next === undefined || nextAt > now) break;
      this.process(next, next.cursor.next(), now);
    }
    if (!this.scheduleRead()) this.finish(now);
  }

  private scheduleRead(): boolean {
    let at = Infinity;
    for (const r of this.cfg.readers) at = Math.min(at, r.cursor.peekAppendTime());
    if (at === Infinity) return false;
    if (at < this.readScheduledAt) {
      this.readScheduledAt = at;
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
    const keyName = cfg.keys.name(entry.key);
    if (!cfg.pipeline.keep(keyName, entry.value)) {
      if (this.detailed) cfg.trace.emit({ type: 'event-filtered', at: now, ref: { partition: entry.partition, offset: entry.offset } });
    } else {
      const rec: StreamRecord = { entry, value: cfg.pipeline.map(entry.value), timestamp, ingestionTime: now as StreamRecord['ingestionTime'] };
      (cfg.outputs[cfg.route(entry.key)] as Channel).send(rec, now);
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
    let combined = this.cfg.rules.combineInputs === 'min' ? Infinity : -Infinity;
    let heldBy: number | undefined;
    let active = 0;
    for (const r of this.cfg.readers) {
      if (r.idle) continue;
      active++;
      const better = this.cfg.rules.combineInputs === 'min' ? r.watermark < combined : r.watermark > combined;
      if (better) {
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
      this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'source', id: this.cfg.index, watermark: combined, ...(this.cfg.readers.length > 1 && heldBy !== undefined ? { heldBy } : {}) });
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
