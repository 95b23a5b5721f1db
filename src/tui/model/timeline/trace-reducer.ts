/**
 * Folds the trace into the timeline's index, one entry at a time: each kind of entry says which
 * panel it changes (a point's fate, a window row, a watermark series, a channel, a checkpoint or a
 * failure) and at which step. buildTimeline (timeline.ts) runs it over the whole trace, then adds
 * what needs the checkers' verdicts.
 */
import { assertNever } from '../../../sim/kernel/assert.js';
import { formatClock } from '../../../sim/model/time.js';
import type { Window } from '../../../sim/model/window.js';
import type { CheckedRun } from '../../../sim/report/simulate.js';
import type { TraceEvent } from '../../../sim/trace/events.js';
import type { TruthWindow } from '../../../sim/truth/exact-answer.js';
import { eventRefNumber, keyWindowId } from '../../../sim/truth/ids.js';
import type { JobState, PlotPoint, PointFate, Series, StepIndex, WatermarkValue } from '../timeline.js';
import { seriesKey, valueAt } from './lookups.js';

export interface MutableRow {
  id: string;
  key: string;
  window: Window;
  truth: TruthWindow | undefined;
  task: number | undefined;
  firstSeenStep: number;
  panes: number[];
  windowedSteps: number[];
  lateSteps: number[];
  clearedStep: number;
  mergedStep: number;
}

export class TraceReducer {
  readonly points: PlotPoint[] = [];
  readonly pointByRef = new Map<number, number>();
  readonly ingestStepByRef = new Map<number, number>();
  readonly rows = new Map<string, MutableRow>();
  readonly watermarks = new Map<string, Series<WatermarkValue>>();
  readonly operatorMin: Series<number> = { steps: [], values: [] };
  readonly operatorWatermark = new Map<number, number>();
  readonly idle = new Map<number, Series<boolean>>();
  readonly partitions = new Set<number>();
  readonly partitionTask = new Map<number, number>();
  readonly partitionReads = new Map<number, number[]>();
  readonly sourceTasks = new Set<number>();
  readonly windowTasks = new Set<number>();
  readonly channels = new Map<string, { from: number; to: number; sends: number[]; arrivals: number[] }>();
  /** Kept events not yet received by a window task: ref → (step sent, source task). */
  readonly inFlight = new Map<number, { step: number; from: number; key: string }>();
  /** The window task each key was routed to, as the trace showed it. */
  readonly keyTask = new Map<string, number>();
  readonly kinds: StepIndex = {
    ingested: [],
    filtered: [],
    onTime: [],
    lateAllowed: [],
    dropped: [],
    sideOutput: [],
    panes: [],
    finished: [],
    checkpoints: [],
    failures: [],
    transactions: [],
  };
  readonly barrierOut = new Map<number, Series<number>>();
  readonly barrierIn = new Map<string, Series<{ id: number; blocked: boolean }>>();
  readonly snapshot = new Map<number, Series<number>>();
  readonly backpressure = new Map<number, Series<readonly number[]>>();
  readonly job: Series<JobState> = { steps: [], values: [] };
  readonly ats: Float64Array;
  readonly appendTimes: number[] = [];
  readonly ingestAts: number[] = [];

  constructor(
    readonly checked: CheckedRun,
    readonly trace: readonly TraceEvent[],
  ) {
    this.ats = new Float64Array(trace.length);
    for (let p = 0; p < checked.run.scenario.parallelism.window; p++) this.operatorWatermark.set(p, -Infinity);
  }

  row(key: string, window: Window, step: number): MutableRow {
    const id = keyWindowId(key, window);
    let row = this.rows.get(id);
    if (row === undefined) {
      row = { id, key, window, truth: undefined, task: undefined, firstSeenStep: step, panes: [], windowedSteps: [], lateSteps: [], clearedStep: Infinity, mergedStep: Infinity };
      this.rows.set(id, row);
    } else if (step < row.firstSeenStep) {
      row.firstSeenStep = step;
    }
    return row;
  }

  addFate(refNumber: number, step: number, fate: PointFate): void {
    const index = this.pointByRef.get(refNumber);
    if (index !== undefined) this.points[index]?.fates.push({ step, fate });
  }

  /** The record reached a window task (or was lost with it): it leaves its channel. */
  arrive(refNumber: number, task: number, step: number): void {
    this.windowTasks.add(task);
    const sent = this.inFlight.get(refNumber);
    if (sent === undefined) return;
    this.inFlight.delete(refNumber);
    this.keyTask.set(sent.key, task);
    const id = `${sent.from}>${task}`;
    let ch = this.channels.get(id);
    if (ch === undefined) {
      ch = { from: sent.from, to: task, sends: [], arrivals: [] };
      this.channels.set(id, ch);
    }
    ch.sends.push(sent.step);
    ch.arrivals.push(step);
  }

  watermark(e: Extract<TraceEvent, { type: 'watermark-advanced' }>, step: number): void {
    const key = seriesKey(e.scope, e.id);
    this.push(this.watermarks, key, step, { watermark: e.watermark, heldBy: e.heldBy });
    if (e.scope === 'partition') this.partitions.add(e.id);
    else if (e.scope === 'source') this.sourceTasks.add(e.id);
    else {
      this.windowTasks.add(e.id);
      this.operatorWatermark.set(e.id, e.watermark);
      let min = Infinity;
      for (const w of this.operatorWatermark.values()) min = Math.min(min, w);
      const last = this.operatorMin.values[this.operatorMin.values.length - 1];
      if (min !== last) {
        this.operatorMin.steps.push(step);
        this.operatorMin.values.push(min);
      }
    }
  }

  /** Appends to the series under `key`, creating it. */
  push<K, T>(map: Map<K, Series<T>>, key: K, step: number, value: T): void {
    let series = map.get(key);
    if (series === undefined) {
      series = { steps: [], values: [] };
      map.set(key, series);
    }
    series.steps.push(step);
    series.values.push(value);
  }

  /** One trace entry; the switch is exhaustive so a new kind of entry must say what it shows. */
  add(e: TraceEvent, step: number): void {
    this.ats[step] = e.at;
    switch (e.type) {
      case 'event-ingested': {
        const r = eventRefNumber(e.ref);
        this.pointByRef.set(r, this.points.length);
        this.points.push({ step, key: e.key, eventTime: e.eventTime, arrivedAt: e.at, fates: [] });
        if (!this.ingestStepByRef.has(r)) this.ingestStepByRef.set(r, step);
        this.inFlight.set(r, { step, from: e.task, key: e.key });
        this.partitions.add(e.ref.partition);
        this.partitionTask.set(e.ref.partition, e.task);
        const reads = this.partitionReads.get(e.ref.partition);
        if (reads === undefined) this.partitionReads.set(e.ref.partition, [step]);
        else reads.push(step);
        this.sourceTasks.add(e.task);
        this.kinds.ingested.push(step);
        this.ingestAts.push(e.at);
        this.appendTimes.push(e.appendTime);
        return;
      }
      case 'event-filtered': {
        const r = eventRefNumber(e.ref);
        this.inFlight.delete(r);
        this.addFate(r, step, 'filtered');
        this.kinds.filtered.push(step);
        return;
      }
      case 'event-windowed': {
        const r = eventRefNumber(e.ref);
        this.arrive(r, e.task, step);
        this.addFate(r, step, e.late ? 'late-allowed' : 'on-time');
        const row = this.row(e.key, e.window, step);
        row.task = e.task;
        row.windowedSteps.push(step);
        (e.late ? this.kinds.lateAllowed : this.kinds.onTime).push(step);
        return;
      }
      case 'event-late': {
        const r = eventRefNumber(e.ref);
        this.arrive(r, e.task, step);
        const dropped = e.disposition === 'dropped';
        this.addFate(r, step, dropped ? 'dropped' : 'side-output');
        const row = this.row(e.key, e.window, step);
        row.task ??= e.task;
        row.lateSteps.push(step);
        (dropped ? this.kinds.dropped : this.kinds.sideOutput).push(step);
        return;
      }
      case 'watermark-advanced':
        this.watermark(e, step);
        return;
      case 'partition-idle':
        this.push(this.idle, e.partition, step, e.idle);
        this.partitions.add(e.partition);
        return;
      case 'windows-merged':
        for (const w of e.from) {
          const merged = this.rows.get(keyWindowId(e.key, w));
          if (merged !== undefined && (w.start !== e.into.start || w.end !== e.into.end)) merged.mergedStep = Math.min(merged.mergedStep, step);
        }
        return;
      case 'pane-fired':
        // Panes are indexed from the checkers' verdicts, which carry the same trace positions.
        this.kinds.panes.push(step);
        this.windowTasks.add(e.task);
        return;
      case 'window-cleared': {
        const row = this.rows.get(keyWindowId(e.key, e.window));
        if (row !== undefined) row.clearedStep = Math.min(row.clearedStep, step);
        return;
      }
      case 'source-finished':
        this.sourceTasks.add(e.task);
        this.kinds.finished.push(step);
        return;
      case 'checkpoint-triggered':
      case 'checkpoint-completed':
      case 'checkpoint-aborted':
      case 'savepoint-taken':
        this.kinds.checkpoints.push(step);
        return;
      case 'barrier-emitted':
        this.sourceTasks.add(e.task);
        this.push(this.barrierOut, e.task, step, e.id);
        return;
      case 'barrier-received':
        this.windowTasks.add(e.task);
        this.push(this.barrierIn, `${e.task}:${e.channel}`, step, { id: e.id, blocked: e.blocked });
        return;
      case 'checkpoint-snapshot':
        this.windowTasks.add(e.task);
        this.push(this.snapshot, e.task, step, e.id);
        return;
      case 'fault':
        this.kinds.failures.push(step);
        return;
      case 'job-failed':
        this.kinds.failures.push(step);
        this.job.steps.push(step);
        this.job.values.push({ running: false, text: `at ${formatClock(e.at)}: ${e.reason}` });
        // The cancelled tasks' channels are emptied: what was in flight leaves them now, unprocessed.
        for (const [r, sent] of [...this.inFlight]) {
          const task = this.keyTask.get(sent.key);
          if (task !== undefined) this.arrive(r, task, step);
        }
        this.inFlight.clear();
        return;
      case 'job-restarted':
        this.kinds.failures.push(step);
        this.job.steps.push(step);
        this.job.values.push({
          running: true,
          text: e.fromCheckpoint === null ? `restarted at ${formatClock(e.at)} with empty state` : `restarted at ${formatClock(e.at)} from checkpoint ${e.fromCheckpoint}`,
        });
        return;
      case 'transaction-committed':
      case 'transaction-aborted':
        this.kinds.transactions.push(step);
        return;
      case 'batch-planned':
        return;
      case 'batch-committed':
        // A micro-batch's commit log entry is its checkpoint: jumps to checkpoints land on it.
        this.kinds.checkpoints.push(step);
        return;
      case 'backpressure': {
        // The panel draws source tasks; an unchained filter or map task's backpressure reaches its
        // source task through their forward channel, which then reports its own.
        if (e.stage !== undefined) return;
        const before = valueAt(this.backpressure.get(e.task), Infinity) ?? [];
        const after = e.blocked ? [...new Set([...before, e.channel])].sort((x, y) => x - y) : before.filter((c) => c !== e.channel);
        this.push(this.backpressure, e.task, step, after);
        return;
      }
      default:
        assertNever(e, 'Timeline.add');
    }
  }
}
