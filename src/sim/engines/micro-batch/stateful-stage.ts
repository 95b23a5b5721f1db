/**
 * The stateful stage of a micro-batch: one window operator per shuffle partition
 * (spark.sql.shuffle.partitions = the scenario's window parallelism), each loading its part of the
 * state store at the start of a batch (StateStoreRestoreExec) and saving it at the end
 * (StateStoreSaveExec). The operator is the same one the native engine runs; what differs is when
 * its clock moves (once per batch, to the watermark of the batch before) and where its output goes
 * (into the batch's output, written to the sink only when the batch commits).
 */
import type { KeyTable, StreamRecord } from '../../model/record.js';
import type { Pane } from '../../model/pane.js';
import type { OutputMode, Scenario } from '../../scenario/types.js';
import type { EngineRules } from '../../semantics/rules.js';
import type { TraceSink } from '../../trace/events.js';
import { type FiringPhase, WindowOperator } from '../../operators/window-operator.js';
import type { WindowState } from '../../operators/window-state.js';
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';
import { keyGroupOf } from '../../operators/key-groups.js';
import { BatchOutput } from './batch-output.js';
import { keepsLastRowPerWindow, operatorScenario, type TableRow } from './output-mode.js';
import type { StateVersion } from './state-store.js';

interface PendingTimer {
  readonly at: number;
  readonly task: number;
  readonly ws: WindowState;
  readonly phase: FiringPhase;
  readonly firings: number;
}

export interface StatefulStageConfig {
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly keys: KeyTable;
  readonly trace: TraceSink;
  readonly mode: OutputMode;
}

export class StatefulStage {
  readonly operators: WindowOperator[];
  private timers: PendingTimer[] = [];
  /** The current batch's rows and trace entries, released when it commits. */
  readonly output: BatchOutput;

  constructor(private readonly cfg: StatefulStageConfig) {
    const scenario = operatorScenario(cfg.scenario, cfg.mode);
    const n = cfg.scenario.parallelism.window;
    const lastRowOnly = keepsLastRowPerWindow(cfg.mode);
    this.output = new BatchOutput(n, lastRowOnly, cfg.trace.detailed);
    // Update mode must hear of session merges (a trace entry) to drop the rows of windows merged away.
    const watchMerges = lastRowOnly && cfg.scenario.window.type === 'session';
    const trace: TraceSink = {
      detailed: cfg.trace.detailed || watchMerges,
      emit: (e) => {
        if (e.type === 'windows-merged') this.output.merged(e.key, e.from, e.into);
        this.output.trace(e);
      },
    };
    this.operators = Array.from(
      { length: n },
      (_, task) =>
        new WindowOperator({
          scenario,
          rules: cfg.rules,
          keys: cfg.keys,
          task,
          trace,
          host: {
            emit: (pane: Pane, clock: number) => this.output.row(task, pane, clock),
            registerProcessingTimer: (at, ws, phase, firings) => this.timers.push({ at, task, ws, phase, firings }),
          },
        }),
    );
  }

  /** Loads a committed state version (StateStoreRestoreExec); returns the windows restored. */
  restore(version: StateVersion, now: number): number {
    let restored = 0;
    version.partitions.forEach((snapshot, task) => {
      const op = this.operators[task];
      if (op !== undefined) restored += op.restore(snapshot, () => true, now);
    });
    return restored;
  }

  /**
   * The batch's watermark reaches every state partition: windows it passes fire (append mode) and
   * are evicted, and later data for them is dropped. Spark evicts in StateStoreSaveExec after the
   * batch's new data; the windows it evicts could take no new data in this batch (the same
   * watermark drops it), so firing them first gives the same rows.
   */
  applyWatermark(watermark: number, now: number): void {
    this.operators.forEach((op, task) => {
      if (!(watermark > op.clock)) return;
      op.advanceClock(watermark, now);
      this.output.trace({ type: 'watermark-advanced', at: now, scope: 'operator', id: task, watermark });
    });
  }

  process(rec: StreamRecord, task: number, now: number): void {
    (this.operators[task] as WindowOperator).processElement(rec, now);
  }

  /**
   * Fires the processing-time firings due by `now`, after the batch's new data, as Spark handles
   * processing-time timeouts after new data (FlatMapGroupsWithStateExec: processNewData, then
   * processTimedOutState).
   */
  fireDueTimers(now: number): void {
    if (this.timers.length === 0) return;
    const due = this.timers.filter((t) => t.at <= now);
    this.timers = this.timers.filter((t) => t.at > now);
    due.sort((a, b) => a.at - b.at);
    for (const t of due) (this.operators[t.task] as WindowOperator).onProcessingTimer(t.ws, t.phase, t.firings, now);
  }

  /** The earliest pending processing-time firing; Infinity when none. */
  nextTimerAt(): number {
    return this.timers.reduce((m, t) => Math.min(m, t.at), Infinity);
  }

  /** Processing-time windows: the operator's clock is the batch's processing time. */
  advanceProcessingClock(t: number, now: number): void {
    for (const op of this.operators) op.advanceClock(t, now);
  }

  /** The earliest event-time timer of any state partition (processing-time windows due). */
  nextWindowTimer(): number {
    return this.operators.reduce((m, op) => Math.min(m, op.nextTimer()), Infinity);
  }

  snapshot(): OperatorSnapshot[] {
    return this.operators.map((op) => op.snapshot((key) => keyGroupOf(key)));
  }

  /** Adds rows that do not come from a firing (complete mode's table). */
  addRows(rows: readonly TableRow[], watermark: number): void {
    for (const r of rows) this.output.row(r.task, r.pane, watermark);
  }

  get openWindows(): number {
    return this.operators.reduce((n, op) => n + op.openWindows, 0);
  }
}
