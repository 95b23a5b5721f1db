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
import type { Window } from '../../model/window.js';
import { type FiringPhase, WindowOperator } from '../../operators/window-operator.js';
import type { WindowState } from '../../operators/window-state.js';
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';
import { keyGroupOf } from '../../operators/key-groups.js';
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
  private output: TableRow[] = [];
  /** Update mode: the batch's last row per (task, key, window), in the order they last changed. */
  private latest = new Map<string, TableRow>();
  private readonly lastRowOnly: boolean;
  /** Rows each task wrote in the current batch (for its sink cost). */
  written: number[];

  constructor(private readonly cfg: StatefulStageConfig) {
    const scenario = operatorScenario(cfg.scenario, cfg.mode);
    const n = cfg.scenario.parallelism.window;
    this.written = Array.from({ length: n }, () => 0);
    this.lastRowOnly = keepsLastRowPerWindow(cfg.mode);
    // Update mode must hear of session merges to drop the rows of windows merged away.
    const watchMerges = this.lastRowOnly && cfg.scenario.window.type === 'session';
    const trace: TraceSink = watchMerges
      ? {
          detailed: true,
          emit: (e) => {
            if (e.type === 'windows-merged') this.dropMerged(e.key, e.from, e.into);
            if (cfg.trace.detailed) cfg.trace.emit(e);
          },
        }
      : cfg.trace;
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
            emit: (pane: Pane) => this.collect(task, pane),
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
      if (this.cfg.trace.detailed) this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'operator', id: task, watermark });
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
  addRows(rows: readonly TableRow[]): void {
    for (const r of rows) this.push(r.task, r.pane);
  }

  /** The batch's output so far, and a fresh buffer for the next. */
  takeOutput(): TableRow[] {
    const out = this.lastRowOnly ? [...this.latest.values()] : this.output;
    this.output = [];
    this.latest = new Map();
    this.written = this.written.map(() => 0);
    return out;
  }

  get openWindows(): number {
    return this.operators.reduce((n, op) => n + op.openWindows, 0);
  }

  private collect(task: number, pane: Pane): void {
    this.push(task, pane);
  }

  private push(task: number, pane: Pane): void {
    if (this.lastRowOnly) {
      const id = rowId(task, pane.key, pane.window);
      if (this.latest.delete(id)) this.written[task] = (this.written[task] ?? 1) - 1;
      this.latest.set(id, { task, pane });
    } else this.output.push({ task, pane });
    this.written[task] = (this.written[task] ?? 0) + 1;
  }

  private dropMerged(key: string, from: readonly Window[], into: Window): void {
    for (const w of from) {
      if (w.start === into.start && w.end === into.end) continue;
      for (let task = 0; task < this.operators.length; task++) {
        if (this.latest.delete(rowId(task, key, w))) this.written[task] = (this.written[task] ?? 1) - 1;
      }
    }
  }
}

const rowId = (task: number, key: string, w: Window): string => `${task}\u0000${key}\u0000${w.start}\u0000${w.end}`;
