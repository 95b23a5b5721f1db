/**
 * A window operator's state as plain data: what a checkpoint or savepoint holds (Flink's keyed
 * state per key group plus its timers, which are rebuilt from the windows). Keys are stored by name
 * with their key group, so a savepoint can be restored at another parallelism.
 */
import type { KeyTable } from '../model/record.js';
import type { Acc } from './aggregate.js';
import type { SliceTotal } from './slice-store.js';
import type { WindowOperatorHost } from './window-operator-host.js';
import { type Retractable, WindowState } from './window-state.js';

export interface WindowEntry {
  readonly key: string;
  readonly keyGroup: number;
  readonly start: number;
  readonly end: number;
  readonly total: Acc;
  readonly pane: Acc;
  readonly maxEventTime: number;
  readonly maxIngestionTime: number;
  readonly paneMaxEventTime: number;
  readonly paneMaxIngestionTime: number;
  readonly nextIndex: number;
  readonly onTimePassed: boolean;
  readonly lastEmitted: Retractable | null;
  readonly pendingRetractions: readonly Retractable[];
  /** A processing-time firing the window was waiting for, re-armed on restore. */
  readonly processingTimer: { readonly at: number; readonly phase: 'early' | 'late' } | null;
}

export interface OperatorSnapshot {
  /** The operator's watermark (or stream time) when the snapshot was taken. */
  readonly clock: number;
  readonly windows: readonly WindowEntry[];
}

/** A rough size in bytes of a snapshot, for checkpoint size figures: a window entry is about 160 bytes in a heap state backend. */
export function snapshotBytes(windows: number, inFlightRecords: number): number {
  return windows * 160 + inFlightRecords * 64;
}

/** Shared by every entry with nothing to retract (nearly all): a checkpoint copies thousands of windows. */
const NO_RETRACTIONS: readonly Retractable[] = Object.freeze([]);

/** An accumulator's four fields, copied without the spread operator's generic property walk. */
function copyAcc(a: Acc): Acc {
  return { count: a.count, sum: a.sum, min: a.min, max: a.max };
}

/**
 * A window as a snapshot entry, deep-copied. A window whose content is still in its slices passes
 * them combined (`sliced`): before its first firing, its pane and its total are the same elements.
 */
export function windowEntry(ws: WindowState, key: string, keyGroup: number, sliced: SliceTotal | undefined): WindowEntry {
  const total: Acc = copyAcc(sliced ?? ws.total);
  return {
    key,
    keyGroup,
    start: ws.start,
    end: ws.end,
    total,
    pane: copyAcc(sliced ?? ws.pane),
    maxEventTime: sliced ? sliced.maxEventTime : ws.maxEventTime,
    maxIngestionTime: sliced ? sliced.maxIngestionTime : ws.maxIngestionTime,
    paneMaxEventTime: sliced ? sliced.maxEventTime : ws.paneMaxEventTime,
    paneMaxIngestionTime: sliced ? sliced.maxIngestionTime : ws.paneMaxIngestionTime,
    nextIndex: ws.nextIndex,
    onTimePassed: ws.onTimePassed,
    lastEmitted: ws.lastEmitted ?? null,
    pendingRetractions: ws.pendingRetractions ? [...ws.pendingRetractions] : NO_RETRACTIONS,
    processingTimer:
      ws.processingTimerAt !== undefined && ws.pane.count > 0 ? { at: ws.processingTimerAt, phase: ws.processingTimerPhase } : null,
  };
}

/** The entries of windows with their own accumulators (the slicing part lists its sliced windows). */
export function ownEntries(
  windows: Iterable<WindowState>,
  keyName: (id: number) => string,
  keyGroupOf: (key: string) => number,
  out: WindowEntry[],
): void {
  for (const ws of windows) {
    const key = keyName(ws.key);
    out.push(windowEntry(ws, key, keyGroupOf(key), undefined));
  }
}

/**
 * Rebuilds the entries `owns` accepts as window states: `open` files each one and registers its
 * event-time timers; a pending processing-time firing is re-armed, at `now` at the earliest.
 * Returns how many were restored.
 */
export function restoreWindows(
  snapshot: OperatorSnapshot,
  owns: (entry: WindowEntry) => boolean,
  keys: KeyTable,
  now: number,
  open: (ws: WindowState) => void,
  host: Pick<WindowOperatorHost, 'registerProcessingTimer'>,
): number {
  let restored = 0;
  for (const e of snapshot.windows) {
    if (!owns(e)) continue;
    // A restored window keeps its content in its own accumulators, sliced or not.
    const ws = windowFromEntry(keys.intern(e.key), e);
    open(ws);
    ws.onTimePassed = ws.onTimePassed || e.onTimePassed;
    if (e.processingTimer) {
      ws.processingTimerAt = Math.max(now, e.processingTimer.at);
      ws.processingTimerPhase = e.processingTimer.phase;
      host.registerProcessingTimer(ws.processingTimerAt, ws, e.processingTimer.phase, ws.firings);
    }
    restored++;
  }
  return restored;
}

/** A window state holding what the entry says (its timers are the operator's business). */
export function windowFromEntry(key: number, e: WindowEntry): WindowState {
  const ws = new WindowState(key, e.start, e.end);
  Object.assign(ws.total, e.total);
  Object.assign(ws.pane, e.pane);
  ws.maxEventTime = e.maxEventTime;
  ws.maxIngestionTime = e.maxIngestionTime;
  ws.paneMaxEventTime = e.paneMaxEventTime;
  ws.paneMaxIngestionTime = e.paneMaxIngestionTime;
  ws.nextIndex = e.nextIndex;
  ws.lastEmitted = e.lastEmitted ?? undefined;
  ws.pendingRetractions = e.pendingRetractions.length > 0 ? [...e.pendingRetractions] : undefined;
  return ws;
}
