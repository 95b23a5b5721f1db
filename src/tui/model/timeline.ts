/**
 * The index the UI reads: built once from the trace of a finished run, so that any cursor position
 * can be shown at once. The run is deterministic, so its trace IS the deterministic replay: moving
 * the cursor back shows exactly what the engine held at that point, with nothing re-executed.
 *
 * A cursor c (0 ≤ c ≤ steps) means "the first c trace entries have happened". Every kind of trace
 * entry changes some panel (the plot, the windows, the dataflow or the ledger), so every entry is a
 * step, and step i is trace entry i. Everything a panel needs is kept as ascending arrays of steps,
 * so a panel asks "how many before c" with a binary search instead of replaying the prefix.
 *
 * This file holds the index's shape and buildTimeline; timeline/trace-reducer.ts folds each trace
 * entry into it, and timeline/lookups.ts answers what it says at a cursor.
 */
import type { Pane } from '../../sim/model/pane.js';
import type { Window } from '../../sim/model/window.js';
import type { PaneVerdictKind } from '../../sim/checkers/pane-classification.js';
import { buildReport, type Report } from '../../sim/report/report.js';
import type { CheckedRun } from '../../sim/report/simulate.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { TraceEvent } from '../../sim/trace/events.js';
import type { TruthWindow } from '../../sim/truth/exact-answer.js';
import { eventRefNumber, keyWindowId } from '../../sim/truth/ids.js';
import type { PrefixPercentiles } from './order-stats.js';
import { latencyIndex } from './timeline/latency.js';
import { TraceReducer, type MutableRow } from './timeline/trace-reducer.js';
import { windowLedger } from './timeline/window-ledger.js';

/** What became of an event, as the plot colours it. */
export type PointFate = 'in-flight' | 'filtered' | 'on-time' | 'late-allowed' | 'side-output' | 'dropped';


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

export function buildTimeline(checked: CheckedRun): Timeline {
  const { run, truth, check } = checked;
  const trace = run.trace;
  const b = new TraceReducer(checked, trace);
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

function topology(b: TraceReducer): Topology {
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
