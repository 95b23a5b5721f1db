/**
 * The index the UI reads: built once from the trace of a finished run, so that any cursor position
 * can be shown at once. The run is deterministic, so its trace IS the deterministic replay: moving
 * the cursor back shows exactly what the engine held at that point, with nothing re-executed.
 *
 * A cursor c (0 ≤ c ≤ steps) means "the first c trace entries have happened". Every kind of trace
 * entry changes some panel (the plot, the windows, the dataflow or the ledger), so every entry is a
 * step, and step i is trace entry i. Everything a panel needs is kept as ascending arrays of steps,
 * so a panel asks "how many before c" with a binary search instead of replaying the prefix.
 */
import { assertNever } from '../../sim/kernel/assert.js';
import type { Pane } from '../../sim/model/pane.js';
import { formatClock } from '../../sim/model/time.js';
import type { Window } from '../../sim/model/window.js';
import type { PaneVerdictKind } from '../../sim/checkers/pane-classification.js';
import { sameValue } from '../../sim/checkers/values.js';
import { buildReport, type Report } from '../../sim/report/report.js';
import type { CheckedRun } from '../../sim/report/simulate.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { TraceEvent } from '../../sim/trace/events.js';
import type { TruthWindow } from '../../sim/truth/exact-answer.js';
import { eventRefNumber, keyWindowId } from '../../sim/truth/ids.js';
import { prefixPercentiles, type PrefixPercentiles } from './order-stats.js';
import { countLess } from './search.js';

/** What became of an event, as the plot colours it. */
export type PointFate = 'in-flight' | 'filtered' | 'on-time' | 'late-allowed' | 'side-output' | 'dropped';

/** When an event has several fates (sliding windows), the plot shows the most severe. */
export const FATE_SEVERITY: Readonly<Record<PointFate, number>> = {
  'in-flight': 0,
  filtered: 1,
  'on-time': 2,
  'late-allowed': 3,
  'side-output': 4,
  dropped: 5,
};

export interface PlotPoint {
  readonly step: number;
  readonly key: string;
  readonly eventTime: number;
  /** Processing time of ingestion: when the event entered the system. */
  readonly arrivedAt: number;
  readonly fates: { readonly step: number; readonly fate: PointFate }[];
}

/** A value that moves at some steps: a watermark, an idle flag. */
export interface Series<T> {
  readonly steps: number[];
  readonly values: T[];
}

export interface WatermarkValue {
  readonly watermark: number;
  readonly heldBy: number | undefined;
}

export interface PaneRecord {
  readonly step: number;
  readonly pane: Pane;
  readonly watermark: number;
  readonly verdict: PaneVerdictKind;
  /** What the reader holds for the window after this pane (NaN when nothing). */
  readonly consumerValue: number;
  readonly truthValue: number | null;
  /** Index of the pane's window in `rows`. */
  readonly row: number;
}

/** One (key, window): the engine's, the truth's, or both. */
export interface WindowRow {
  readonly id: string;
  readonly key: string;
  readonly window: Window;
  readonly truth: TruthWindow | undefined;
  /** The window task that held it, when the trace says. */
  readonly task: number | undefined;
  /** The first step at which anything of it is known: an event of it ingested, added, late, or a pane. */
  readonly firstSeenStep: number;
  /** Indices into `panes`, in step order. */
  readonly panes: readonly number[];
  readonly windowedSteps: readonly number[];
  readonly lateSteps: readonly number[];
  readonly clearedStep: number;
  /** When a session window was merged into a larger one (Infinity if never). */
  readonly mergedStep: number;
}

export type WindowStatus = 'pending' | 'exact' | 'differs' | 'extra';

/** A channel between a source task and a window task: records sent and received, by step. */
export interface ChannelIndex {
  readonly from: number;
  readonly to: number;
  readonly sends: number[];
  readonly arrivals: number[];
  readonly maxQueued: number;
}

export interface Topology {
  readonly partitions: readonly number[];
  /** The source task that reads each partition. */
  readonly partitionTask: ReadonlyMap<number, number>;
  /** Steps at which each partition's events were read. */
  readonly partitionReads: ReadonlyMap<number, readonly number[]>;
  readonly sourceTasks: readonly number[];
  readonly windowTasks: readonly number[];
  readonly channels: readonly ChannelIndex[];
}

/** Steps of each kind of entry, for counts at the cursor. */
export interface StepIndex {
  readonly ingested: number[];
  readonly filtered: number[];
  readonly onTime: number[];
  readonly lateAllowed: number[];
  readonly dropped: number[];
  readonly sideOutput: number[];
  readonly panes: number[];
  readonly finished: number[];
  /** Checkpoints and savepoints triggered, completed, aborted or taken: the jump targets for `c`. */
  readonly checkpoints: number[];
  /** Faults, job failures and restarts: the jump targets for `f`. */
  readonly failures: number[];
  readonly transactions: number[];
}

/** What the dataflow panel shows of checkpoints, barriers, backpressure and recovery. */
export interface FaultIndex {
  /** The latest barrier each source task sent. */
  readonly barrierOut: ReadonlyMap<number, Series<number>>;
  /** The latest barrier each window task received on each input (`task:input`), and whether alignment blocks that input. */
  readonly barrierIn: ReadonlyMap<string, Series<{ readonly id: number; readonly blocked: boolean }>>;
  /** The latest checkpoint each window task snapshotted. */
  readonly snapshot: ReadonlyMap<number, Series<number>>;
  /** The output channels each source task is blocked on (credit-based backpressure). */
  readonly backpressure: ReadonlyMap<number, Series<readonly number[]>>;
  /** The job's state: running, or failed and waiting to restart. */
  readonly job: Series<JobState>;
}

export interface JobState {
  readonly running: boolean;
  /** The latest failure or restart, as one line. */
  readonly text: string;
}

export interface Timeline {
  readonly checked: CheckedRun;
  readonly scenario: Scenario;
  readonly report: Report;
  readonly trace: readonly TraceEvent[];
  /** Number of steps; the cursor runs from 0 to this. */
  readonly steps: number;
  /** Processing time of each step. */
  readonly ats: Float64Array;
  readonly startAt: number;
  readonly endAt: number;
  readonly points: readonly PlotPoint[];
  readonly eventTimeRange: { readonly min: number; readonly max: number };
  readonly keys: readonly string[];
  readonly panes: readonly PaneRecord[];
  readonly rows: readonly WindowRow[];
  readonly rowById: ReadonlyMap<string, number>;
  readonly watermarks: ReadonlyMap<string, Series<WatermarkValue>>;
  /** The slowest window task's watermark (stream time under Kafka Streams): the plot's line. */
  readonly operatorMin: Series<number>;
  readonly idle: ReadonlyMap<number, Series<boolean>>;
  readonly topology: Topology;
  readonly kinds: StepIndex;
  readonly faults: FaultIndex;
  readonly windowLedger: WindowLedger;
  readonly latency: { readonly steps: number[]; readonly eventTime: PrefixPercentiles; readonly processingTime: PrefixPercentiles };
  readonly ingestAts: Float64Array;
  readonly appendTimes: Float64Array;
}

/** Counts of truth windows by status after each change, for the ledger at any cursor. */
export interface WindowLedger {
  readonly steps: number[];
  readonly counts: readonly Readonly<Record<WindowStatus, number>>[];
}

export const seriesKey = (scope: 'partition' | 'source' | 'operator', id: number): string => `${scope}:${id}`;

/** The latest value of a series at the cursor, or undefined before its first change. */
export function valueAt<T>(series: Series<T> | undefined, cursor: number): T | undefined {
  if (series === undefined) return undefined;
  const n = countLess(series.steps, cursor);
  return n === 0 ? undefined : series.values[n - 1];
}

/** Processing time at the cursor: when the last applied step happened. */
export function clockAt(tl: Timeline, cursor: number): number {
  if (cursor <= 0 || tl.steps === 0) return tl.startAt;
  return tl.ats[Math.min(cursor, tl.steps) - 1] as number;
}

/** The fate of a point at the cursor: the most severe of those already known. */
export function fateAt(p: PlotPoint, cursor: number): PointFate {
  let fate: PointFate = 'in-flight';
  for (const f of p.fates) {
    if (f.step >= cursor) break;
    if (FATE_SEVERITY[f.fate] > FATE_SEVERITY[fate]) fate = f.fate;
  }
  return fate;
}

interface MutableRow {
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

class Builder {
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
    let series = this.watermarks.get(key);
    if (series === undefined) {
      series = { steps: [], values: [] };
      this.watermarks.set(key, series);
    }
    series.steps.push(step);
    series.values.push({ watermark: e.watermark, heldBy: e.heldBy });
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
      case 'partition-idle': {
        let series = this.idle.get(e.partition);
        if (series === undefined) {
          series = { steps: [], values: [] };
          this.idle.set(e.partition, series);
        }
        series.steps.push(step);
        series.values.push(e.idle);
        this.partitions.add(e.partition);
        return;
      }
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

export function buildTimeline(checked: CheckedRun): Timeline {
  const { run, truth, check } = checked;
  const trace = run.trace;
  const b = new Builder(checked, trace);
  trace.forEach((e, step) => b.add(e, step));

  // Truth windows are rows from the first ingestion of any of their events.
  const last = Math.max(0, trace.length - 1);
  for (const tw of truth.windows) {
    let first = Infinity;
    for (const ref of tw.events) first = Math.min(first, b.ingestStepByRef.get(eventRefNumber(ref)) ?? Infinity);
    // A window none of whose events was read still belongs to the answer: show it at the end.
    const row = b.row(tw.key, tw.window, first === Infinity ? last : first);
    row.truth = tw;
  }

  const panes: PaneRecord[] = [];
  for (const v of check.panes) {
    const e = trace[v.traceIndex];
    const watermark = e !== undefined && e.type === 'pane-fired' ? e.watermark : NaN;
    const row = b.row(v.pane.key, v.pane.window, v.traceIndex);
    if (e !== undefined && e.type === 'pane-fired') row.task ??= e.task;
    row.panes.push(panes.length);
    panes.push({ step: v.traceIndex, pane: v.pane, watermark, verdict: v.verdict, consumerValue: v.consumerValue, truthValue: v.truthValue, row: -1 });
  }

  const sorted = [...b.rows.values()].sort(compareRows);
  const rowById = new Map<string, number>();
  sorted.forEach((r, i) => rowById.set(r.id, i));
  const finalPanes = panes.map((p) => ({ ...p, row: rowById.get(keyWindowId(p.pane.key, p.pane.window)) ?? -1 }));

  const keys = [...new Set([...b.points.map((p) => p.key), ...sorted.map((r) => r.key)])].sort(compareStrings);
  const appendTimes = Float64Array.from(b.appendTimes).sort();
  const ingestAts = Float64Array.from(b.ingestAts).sort();
  const startAt = trace.length === 0 ? 0 : (b.ats[0] as number);
  const endAt = trace.length === 0 ? 0 : (b.ats[trace.length - 1] as number);

  return {
    checked,
    scenario: run.scenario,
    report: buildReport(checked),
    trace,
    steps: trace.length,
    ats: b.ats,
    startAt,
    endAt,
    points: b.points,
    eventTimeRange: eventTimeRange(b.points),
    keys,
    panes: finalPanes,
    rows: sorted,
    rowById,
    watermarks: b.watermarks,
    operatorMin: b.operatorMin,
    idle: b.idle,
    topology: topology(b),
    kinds: b.kinds,
    faults: { barrierOut: b.barrierOut, barrierIn: b.barrierIn, snapshot: b.snapshot, backpressure: b.backpressure, job: b.job },
    windowLedger: windowLedger(sorted, finalPanes),
    latency: latencyIndex(finalPanes),
    ingestAts,
    appendTimes,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: MutableRow, b: MutableRow): number {
  return compareStrings(a.key, b.key) || compareNumbers(a.window.start, b.window.start) || compareNumbers(a.window.end, b.window.end);
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function eventTimeRange(points: readonly PlotPoint[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (p.eventTime < min) min = p.eventTime;
    if (p.eventTime > max) max = p.eventTime;
  }
  return min === Infinity ? { min: 0, max: 0 } : { min, max };
}

function topology(b: Builder): Topology {
  const channels: ChannelIndex[] = [...b.channels.values()]
    .map((ch) => ({ ...ch, sends: ch.sends.sort((x, y) => x - y), maxQueued: maxQueued(ch.sends, ch.arrivals) }))
    .sort((x, y) => x.from - y.from || x.to - y.to);
  const asc = (s: Set<number>) => [...s].sort((x, y) => x - y);
  return { partitions: asc(b.partitions), partitionTask: b.partitionTask, partitionReads: b.partitionReads, sourceTasks: asc(b.sourceTasks), windowTasks: asc(b.windowTasks), channels };
}

/** The most records ever in flight on a channel: a send counts from its step, an arrival after its step. */
function maxQueued(sends: readonly number[], arrivals: readonly number[]): number {
  const s = [...sends].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let queued = 0;
  let max = 0;
  while (i < s.length) {
    if (j < arrivals.length && (arrivals[j] as number) < (s[i] as number)) {
      queued--;
      j++;
    } else {
      queued++;
      i++;
      max = Math.max(max, queued);
    }
  }
  return max;
}

/**
 * How many truth windows are pending (seen, no pane yet), exact (the reader holds the truth) or
 * differ, and how many engine windows are not in the answer at all, after each change.
 */
function windowLedger(rows: readonly MutableRow[], panes: readonly PaneRecord[]): WindowLedger {
  const changes: { step: number; from: WindowStatus | 'hidden'; to: WindowStatus }[] = [];
  for (const row of rows) {
    const inTruth = row.truth !== undefined;
    let status: WindowStatus = inTruth ? 'pending' : 'extra';
    changes.push({ step: row.firstSeenStep, from: 'hidden', to: status });
    if (!inTruth) continue;
    for (const index of row.panes) {
      const p = panes[index];
      if (p === undefined || p.pane.retraction === true) continue;
      const next: WindowStatus = sameValue(p.consumerValue, p.truthValue) ? 'exact' : 'differs';
      if (next !== status) changes.push({ step: p.step, from: status, to: next });
      status = next;
    }
  }
  changes.sort((a, b) => a.step - b.step);
  const counts: Record<WindowStatus, number>[] = [];
  const current: Record<WindowStatus, number> = { pending: 0, exact: 0, differs: 0, extra: 0 };
  for (const c of changes) {
    if (c.from !== 'hidden') current[c.from] -= 1;
    current[c.to] += 1;
    counts.push({ ...current });
  }
  return { steps: changes.map((c) => c.step), counts };
}

/**
 * Latency of each pane that carries data (SEMANTICS.md, "Latency, as benchmarks define it"):
 * event-time latency = emittedAt − the latest event time behind the value; processing-time
 * latency = emittedAt − the latest ingestion time. Retractions and empty panes carry no data.
 */
function latencyIndex(panes: readonly PaneRecord[]): Timeline['latency'] {
  const steps: number[] = [];
  const eventTime: number[] = [];
  const processingTime: number[] = [];
  for (const p of panes) {
    const pane = p.pane;
    if (pane.retraction === true || pane.count === 0) continue;
    const et = pane.emittedAt - pane.maxEventTime;
    const pt = pane.emittedAt - pane.maxIngestionTime;
    if (!Number.isFinite(et) || !Number.isFinite(pt)) continue;
    steps.push(p.step);
    eventTime.push(et);
    processingTime.push(pt);
  }
  return { steps, eventTime: prefixPercentiles(eventTime), processingTime: prefixPercentiles(processingTime) };
}

/** The status of a window row at the cursor, or undefined while it is not yet seen (or merged away). */
export function rowStatusAt(tl: Timeline, row: WindowRow, cursor: number): WindowStatus | undefined {
  if (!rowVisibleAt(row, cursor)) return undefined;
  const current = currentPaneAt(tl, row, cursor);
  if (row.truth === undefined) return 'extra';
  if (current === undefined) return 'pending';
  return sameValue(current.consumerValue, current.truthValue) ? 'exact' : 'differs';
}

export function rowVisibleAt(row: WindowRow, cursor: number): boolean {
  return row.firstSeenStep < cursor && !(row.mergedStep < cursor);
}

/** The row's latest non-retraction pane before the cursor: what the reader holds. */
export function currentPaneAt(tl: Timeline, row: WindowRow, cursor: number): PaneRecord | undefined {
  for (let i = row.panes.length - 1; i >= 0; i--) {
    const p = tl.panes[row.panes[i] as number];
    if (p === undefined || p.step >= cursor) continue;
    if (p.pane.retraction !== true) return p;
  }
  return undefined;
}

/** The row's panes before the cursor. */
export function panesAt(tl: Timeline, row: WindowRow, cursor: number): PaneRecord[] {
  const out: PaneRecord[] = [];
  for (const i of row.panes) {
    const p = tl.panes[i];
    if (p !== undefined && p.step < cursor) out.push(p);
  }
  return out;
}
