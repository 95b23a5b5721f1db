/**
 * A streaming query run as micro-batches, as Spark Structured Streaming's MicroBatchExecution runs
 * it. Each batch, on the simulated clock:
 * 1. at a trigger time (processing-time-trigger.ts), plans its offset ranges (everything appended
 *    so far) and writes them, with the watermark it applies, to the offset log BEFORE it runs;
 * 2. after the batch overhead (planning, scheduling), runs: the read stage reads the ranges and
 *    applies the filter and map; the stateful stage loads state version N, applies the watermark,
 *    aggregates, and fires what the output mode says;
 * 3. when its slowest tasks are done (batch-cost.ts), writes its output to the sink, then the
 *    commit log entry and state version N + 1; the watermark for the next batch is computed now.
 * With no new data there is no batch, unless no-data batches are on
 * (spark.sql.streaming.noDataMicroBatches.enabled) and the watermark would move.
 *
 * Failures: everything in flight is lost; after the restart delay the query loads the latest
 * state version and runs the batch that is in the offset log but not in the commit log again,
 * with the same offsets and watermark. With an idempotent sink the rerun's rows overwrite the
 * first attempt's (exactly-once); a plain sink keeps both (at-least-once). At-most-once writes the
 * commit log entry before running the batch, so a failed batch is never run again.
 */
import { Priority, Scheduler, type Wakeable } from '../../kernel/scheduler.js';
import type { Prng } from '../../kernel/prng.js';
import type { KeyTable, LogEntry, StreamRecord } from '../../model/record.js';
import type { ProcTime } from '../../model/time.js';
import { NO_FAULT_TOLERANCE, type FaultSpec, type FaultToleranceSpec, type OutputMode, type Scenario } from '../../scenario/types.js';
import { type EngineRules, rulesFor } from '../../semantics/rules.js';
import type { BuiltInput, PartitionedLog } from '../../sources/log.js';
import type { TraceSink } from '../../trace/events.js';
import { compilePipeline, type CompiledPipeline } from '../../operators/pipeline.js';
import { KeyRouter } from '../../operators/key-groups.js';
import { SinkSystem } from '../../delivery/sink-system.js';
import type { TaskStats } from '../engine.js';
import { drawFaults, FaultPlan, type FaultTarget } from '../native/fault-plan.js';
import { applyCondition, describeCondition, failsTheJob } from './query-faults.js';
import { BatchCostModel, type BatchTiming } from './batch-cost.js';
import { BatchPlanner, type PlannedBatch } from './batch-planner.js';
import { CommitLog, endOffsets, OffsetLog, type OffsetLogEntry, uncommittedBatch } from './offset-log.js';
import { completeTable, watermarkApplies } from './output-mode.js';
import { firstTriggerAtOrAfter, followingTrigger } from './processing-time-trigger.js';
import { QueryWatermark } from './query-watermark.js';
import { StatefulStage } from './stateful-stage.js';
import { StateStore } from './state-store.js';

const TRIGGER = 0;
const EXECUTE = 1;
const COMMIT = 2;
const RESTART = 3;
const KINDS = 4;

interface RunningBatch {
  readonly entry: OffsetLogEntry;
  readonly planned: PlannedBatch;
  /** The sink transaction of this attempt (a transactional sink). */
  readonly epoch: number;
  timing?: BatchTiming;
}

export class MicroBatchQuery implements Wakeable, FaultTarget {
  readonly scheduler = new Scheduler();
  readonly rules: EngineRules;
  readonly log: PartitionedLog;
  readonly sink: SinkSystem;
  readonly offsetLog = new OffsetLog();
  readonly commitLog = new CommitLog();
  readonly store = new StateStore();
  readonly ft: FaultToleranceSpec;
  private readonly faults: FaultPlan;
  private readonly pipeline: CompiledPipeline;
  private readonly cost: BatchCostModel;
  private readonly mode: OutputMode;
  private readonly intervalMs: number;
  private readonly noDataBatches: boolean;
  private readonly eventTimeClock: boolean;
  private planner!: BatchPlanner;
  private watermark!: QueryWatermark;
  stage!: StatefulStage;
  private current: RunningBatch | undefined;
  /** Bumped on every failure: scheduled steps of a cancelled attempt find it stale. */
  private generation = 0;
  private running = false;
  /** The watermark the stateful stage last applied. */
  private applied = -Infinity;
  private epoch = 0;
  private readonly finishedSources = new Set<number>();
  private readonly router: KeyRouter;
  readonly taskRecords: number[];
  readonly taskBusyUs: number[];
  failures = 0;
  restarts = 0;
  /**
   * Only a restart reads a state version. When no fault in the plan can fail the query, none will,
   * and the store skips copying the state after every batch (Spark would still write its delta
   * files, but that costs no simulated time here either way).
   */
  private readonly recoverable: boolean;

  constructor(
    readonly scenario: Scenario,
    readonly input: BuiltInput,
    readonly keys: KeyTable,
    readonly trace: TraceSink,
    prng: Prng,
    keepPanes: boolean,
  ) {
    this.log = input.log;
    this.rules = rulesFor(scenario.semantics);
    this.ft = scenario.faultTolerance ?? NO_FAULT_TOLERANCE;
    this.sink = new SinkSystem(this.ft.delivery.sink, trace, keepPanes);
    this.router = new KeyRouter(keys, scenario.parallelism.window);
    this.pipeline = compilePipeline(scenario.pipeline);
    this.cost = new BatchCostModel(scenario);
    this.mode = scenario.outputMode;
    const engine = scenario.engine?.type === 'micro-batch' ? scenario.engine : { triggerIntervalMs: 0, noDataBatches: true };
    this.intervalMs = engine.triggerIntervalMs;
    this.noDataBatches = engine.noDataBatches;
    this.eventTimeClock = scenario.timeDomain !== 'processing-time';
    const { source, window } = scenario.parallelism;
    this.taskRecords = Array.from({ length: source + window }, () => 0);
    this.taskBusyUs = Array.from({ length: source + window }, () => 0);
    const faults = drawFaults(this.ft, scenario, prng.fork('faults'));
    this.recoverable = faults.some(failsTheJob);
    this.faults = new FaultPlan(faults, this.scheduler, this);
  }

  run(): void {
    const start = this.firstInstant();
    this.incarnate(start, undefined);
    this.running = true;
    this.faults.start();
    this.scheduler.schedule(start, Priority.source, this, this.tag(TRIGGER));
    this.scheduler.run(this.scenario.maxSteps);
  }

  wake(now: number, tag: number): void {
    const kind = tag % KINDS;
    if (kind === RESTART) return this.restart(now);
    if (Math.floor(tag / KINDS) !== this.generation || !this.running) return;
    if (kind === TRIGGER) this.onTrigger(now);
    else if (kind === EXECUTE) this.execute(now);
    else this.commit(now);
  }

  // ---- FaultTarget -------------------------------------------------------------------------

  fail(reason: string, task: string | undefined, restartDelayMs: number, now: number): void {
    this.trace.emit({ type: 'fault', at: now, fault: 'failure', ...(task !== undefined ? { task } : {}), detail: reason });
    if (!this.running) return;
    this.running = false;
    this.failures++;
    this.generation++;
    this.current = undefined;
    this.trace.emit({ type: 'job-failed', at: now, reason });
    this.scheduler.schedule(now + restartDelayMs, Priority.control, this, RESTART);
  }

  setCondition(fault: FaultSpec, active: boolean, now: number): void {
    this.trace.emit({ type: 'fault', at: now, fault: fault.type, detail: `${describeCondition(fault)} ${active ? 'begins' : 'ends'}` });
    applyCondition(fault, active, this.cost, this.planner);
  }

  // ---- the batch loop ----------------------------------------------------------------------

  private onTrigger(now: number): void {
    if (this.current !== undefined) return;
    const watermark = this.watermark.current;
    const planned = this.planner.plan(now);
    const hasData = planned.entries.length > 0;
    if (!hasData && !this.needsNoDataBatch(watermark, now)) {
      this.idleUntilWork(now);
      return;
    }
    const batch = (this.offsetLog.latest()?.batch ?? -1) + 1;
    const entry: OffsetLogEntry = { batch, ranges: planned.ranges, watermark, plannedAt: now };
    this.offsetLog.write(entry);
    if (this.ft.delivery.guarantee === 'at-most-once') {
      // Offsets committed before processing: a failed batch is never run again.
      this.commitLog.write({ batch, committedAt: now, nextWatermark: watermark, partitionWatermarks: [...this.watermark.partitionWatermarks] });
    }
    this.begin(entry, planned, false, now);
  }

  /** Traces the plan and schedules the run after the batch overhead. */
  private begin(entry: OffsetLogEntry, planned: PlannedBatch, rerun: boolean, now: number): void {
    this.current = { entry, planned, epoch: ++this.epoch };
    this.trace.emit({ type: 'batch-planned', at: now, batch: entry.batch, offsets: entry.ranges, watermark: entry.watermark, noData: planned.entries.length === 0, rerun });
    this.scheduler.schedule(now + this.cost.overheadMs, Priority.source, this, this.tag(EXECUTE));
  }

  /**
   * Spark's shouldRunAnotherBatch: a no-data batch runs when the watermark moved and stateful
   * operators might evict (append and update; complete mode keeps all state), or when
   * processing-time firings or processing-time windows are due.
   */
  private needsNoDataBatch(watermark: number, now: number): boolean {
    if (!this.noDataBatches) return false;
    if (this.eventTimeClock && watermarkApplies(this.mode) && (watermark > this.applied || this.watermark.scriptPending(now))) return true;
    if (this.stage.nextTimerAt() <= now) return true;
    return !this.eventTimeClock && this.stage.nextWindowTimer() <= now && this.mode !== 'complete';
  }

  /** Nothing to do now: the next trigger is the first one at or after something to do. */
  private idleUntilWork(now: number): void {
    let next = Math.min(this.planner.nextAvailableAt(), this.watermark.nextScriptedAfter(now));
    if (this.noDataBatches) {
      next = Math.min(next, this.stage.nextTimerAt());
      if (!this.eventTimeClock && this.mode !== 'complete') next = Math.min(next, this.stage.nextWindowTimer());
    }
    // Everything at or before now was planned, so the next work lies strictly later.
    if (next === Infinity || next <= now) return;
    this.scheduler.schedule(firstTriggerAtOrAfter(next, this.intervalMs), Priority.source, this, this.tag(TRIGGER));
  }

  private execute(now: number): void {
    const batch = this.current;
    if (batch === undefined) return;
    const { entry, planned } = batch;
    const sp = this.scenario.parallelism.source;
    const wp = this.scenario.parallelism.window;
    if (this.eventTimeClock && watermarkApplies(this.mode)) this.applyWatermark(entry.watermark, now);
    const read = Array.from({ length: sp }, () => 0);
    const aggregated = Array.from({ length: wp }, () => 0);
    for (const e of planned.entries) {
      const source = e.partition % sp;
      read[source] = (read[source] as number) + 1;
      this.readRecord(e, source, entry.plannedAt, now, aggregated);
      if (!this.running) return;
    }
    this.reportFinishedSources(now);
    this.stage.fireDueTimers(now);
    if (!this.eventTimeClock && this.mode !== 'complete') this.stage.advanceProcessingClock(entry.plannedAt, now);
    if (this.mode === 'complete' && planned.entries.length > 0) {
      const fireAt = (w: { start: number; end: number }) => this.rules.fireAt(w, this.scenario.window.type === 'session' ? this.scenario.window.gapMs : undefined, this.scenario.allowedLatenessMs);
      this.stage.addRows(completeTable(this.scenario, this.stage.snapshot(), entry.batch, now, entry.watermark, fireAt), entry.watermark);
    }
    const timing = this.cost.timing({ read, aggregated, written: this.stage.output.written });
    batch.timing = timing;
    timing.readUs.forEach((us, i) => (this.taskBusyUs[i] = (this.taskBusyUs[i] as number) + us));
    timing.statefulUs.forEach((us, i) => (this.taskBusyUs[sp + i] = (this.taskBusyUs[sp + i] as number) + us));
    this.scheduler.schedule(now + timing.executionMs, Priority.source, this, this.tag(COMMIT));
  }

  private applyWatermark(watermark: number, now: number): void {
    this.stage.applyWatermark(watermark, now);
    if (watermark > this.applied) this.applied = watermark;
  }

  /** The row handed to the stateful stage, overwritten per record as Spark's UnsafeRow is: nothing downstream keeps it. */
  private readonly row: { -readonly [K in keyof StreamRecord]: StreamRecord[K] } = {
    entry: undefined as unknown as LogEntry,
    value: 0,
    timestamp: 0,
    ingestionTime: 0 as ProcTime,
  };

  /** The read stage for one entry: ingest, filter, map, stamp, then the shuffle to its state partition. */
  private readRecord(e: LogEntry, source: number, batchTime: number, now: number, aggregated: number[]): void {
    const sc = this.scenario;
    const sp = sc.parallelism.source;
    // The key's name is for the trace and a filter; with neither, it is not looked up per record.
    const keyName = this.trace.detailed || this.pipeline.filters ? this.keys.name(e.key) : '';
    if (this.trace.detailed) {
      this.trace.emit({ type: 'event-ingested', at: now, task: source, ref: { partition: e.partition, offset: e.offset }, key: keyName, value: e.value, eventTime: e.eventTime, appendTime: e.appendTime });
    }
    this.countRecord('source', source, 0, now);
    // Ingestion time is the log's append time (Kafka's LogAppendTime): a micro-batch source has
    // no reader waiting on the log, so the wait for the next batch is part of a result's latency.
    // Processing-time windows use the batch timestamp, as Spark's current_timestamp() does.
    const timestamp = sc.timeDomain === 'event-time' ? e.eventTime : sc.timeDomain === 'ingestion-time' ? e.appendTime : batchTime;
    this.watermark.onRecord(e.partition, timestamp, now, e.marker === true);
    if (!this.running) return;
    if (this.pipeline.filters && !this.pipeline.keep(keyName, e.value)) {
      if (this.trace.detailed) this.trace.emit({ type: 'event-filtered', at: now, ref: { partition: e.partition, offset: e.offset } });
      return;
    }
    const rec = this.row;
    rec.entry = e;
    rec.value = this.pipeline.map(e.value);
    rec.timestamp = timestamp;
    rec.ingestionTime = e.appendTime as ProcTime;
    const task = this.router.route(e.key);
    aggregated[task] = (aggregated[task] as number) + 1;
    this.stage.process(rec, task, now);
    this.countRecord('window', task, sp, now);
  }

  private commit(now: number): void {
    const batch = this.current;
    if (batch === undefined) return;
    const { entry, planned, epoch } = batch;
    // The stateful stage's output and trace become visible together, at the end of the batch.
    const { rows, trace } = this.stage.output.release(now);
    for (const e of trace) this.trace.emit(e);
    if (this.sink.kind === 'transactional') for (let t = 0; t < this.scenario.parallelism.window; t++) this.sink.beginAfter(t, epoch - 1);
    for (const { task, pane } of rows) this.sink.write(task, pane, now);
    const failing = this.faults.commitFails(entry.batch + 1);
    if (failing !== undefined && failing.type === 'sink-commit-failure') {
      this.fail(`writing the commit log entry of batch ${entry.batch} failed after its output was written`, undefined, failing.restartDelayMs, now);
      return;
    }
    if (this.sink.kind === 'transactional') {
      for (let t = 0; t < this.scenario.parallelism.window; t++) this.sink.preCommit(t, epoch);
      this.sink.commit(epoch, now);
    }
    const nextWatermark = this.watermark.endOfBatch(now, entry.plannedAt, this.inputEnded(now), planned.entries.length > 0);
    if (this.recoverable) this.store.commit(entry.batch, this.stage.snapshot());
    if (this.commitLog.latest()?.batch !== entry.batch) {
      this.commitLog.write({ batch: entry.batch, committedAt: now, nextWatermark, partitionWatermarks: [...this.watermark.partitionWatermarks] });
    }
    const durationMs = now - entry.plannedAt;
    this.trace.emit({ type: 'batch-committed', at: now, batch: entry.batch, durationMs, records: planned.entries.length, panes: rows.length, nextWatermark });
    this.current = undefined;
    this.faults.afterCheckpoint(entry.batch + 1, now);
    if (this.running) this.scheduler.schedule(followingTrigger(entry.plannedAt, now, this.intervalMs), Priority.source, this, this.tag(TRIGGER));
  }

  // ---- recovery ----------------------------------------------------------------------------

  private restart(now: number): void {
    this.restarts++;
    this.sink.abortUncommitted(undefined, now);
    const rerun = uncommittedBatch(this.offsetLog, this.commitLog);
    const committed = this.commitLog.latest();
    const restored = this.incarnate(now, committed ? { watermark: committed.nextWatermark, partitions: committed.partitionWatermarks } : undefined);
    const resume = endOffsets(this.offsetLog, this.log.partitions);
    const offsets = (rerun?.ranges.map((r) => ({ partition: r.partition, offset: r.from })) ?? resume.map((offset, partition) => ({ partition, offset })));
    this.trace.emit({ type: 'job-restarted', at: now, fromCheckpoint: committed?.batch ?? null, offsets, restoredWindows: restored, inFlightRecords: 0 });
    this.running = true;
    if (rerun !== undefined) {
      // populateStartOffsets: the planned batch runs again with its own offsets and watermark.
      this.watermark.current = Math.max(this.watermark.current, rerun.watermark);
      this.begin(rerun, this.planner.reread(rerun.ranges), true, now);
    } else {
      this.scheduler.schedule(now, Priority.source, this, this.tag(TRIGGER));
    }
  }

  /** A fresh incarnation of the query's executors: planner after the offset log, state from the store. */
  private incarnate(now: number, watermark: { watermark: number; partitions: readonly number[] } | undefined): number {
    this.planner = new BatchPlanner(this.log, endOffsets(this.offsetLog, this.log.partitions));
    this.watermark = new QueryWatermark(
      { scenario: this.scenario, rules: this.rules, trace: this.trace, scripted: this.input.scriptedWatermarks, cursorOf: (p) => this.planner.cursor(p), partitions: this.log.partitions },
      watermark,
      now,
    );
    this.stage = new StatefulStage({ scenario: this.scenario, rules: this.rules, keys: this.keys, trace: this.trace, mode: this.mode });
    const restored = this.stage.restore(this.store.latest(), now);
    this.applied = this.stage.operators.reduce((m, op) => Math.min(m, op.clock), Infinity);
    this.finishedSources.clear();
    return restored;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private tag(kind: number): number {
    return this.generation * KINDS + kind;
  }

  private countRecord(stage: 'source' | 'window', index: number, offset: number, now: number): void {
    this.taskRecords[offset + index] = (this.taskRecords[offset + index] as number) + 1;
    this.faults.recordProcessed(stage, index, now);
  }

  /** Every partition read to its end, and the timeline's script over. */
  private inputEnded(now: number): boolean {
    for (let p = 0; p < this.log.partitions; p++) if (!this.planner.exhausted(p)) return false;
    return this.watermark.nextScriptedAfter(now) === Infinity;
  }

  /** A read task whose partitions are all read to the end has finished its input. */
  private reportFinishedSources(now: number): void {
    const sp = this.scenario.parallelism.source;
    for (let s = 0; s < sp; s++) {
      if (this.finishedSources.has(s)) continue;
      let done = true;
      for (let p = s; p < this.log.partitions; p += sp) if (!this.planner.exhausted(p)) done = false;
      if (!done) continue;
      this.finishedSources.add(s);
      this.trace.emit({ type: 'source-finished', at: now, task: s });
    }
  }

  taskStats(): TaskStats[] {
    const sp = this.scenario.parallelism.source;
    return this.taskRecords.map((records, i) => ({
      name: i < sp ? `source-${i}` : `window-${i - sp}`,
      records,
      busyMs: Math.floor((this.taskBusyUs[i] as number) / 1000),
      backpressuredMs: 0,
    }));
  }

  private firstInstant(): number {
    let start = Infinity;
    for (let p = 0; p < this.log.partitions; p++) start = Math.min(start, this.log.open(p, 0).peekAppendTime());
    for (const step of this.input.scriptedWatermarks) start = Math.min(start, step.at);
    return start === Infinity ? 0 : start;
  }
}
