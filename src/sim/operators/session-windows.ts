/**
 * The open session windows of each key, sorted by start: the operator-side half of Flink's
 * MergingWindowSet (windows/sessions.ts says which sessions merge; this keeps their states and folds
 * merged states into one). Beam's MergeOverlappingIntervalWindows does the same on the span alone.
 */
import type { Window } from '../model/window.js';
import { mergeAcc } from './aggregate.js';
import type { Retractable, WindowState } from './window-state.js';

/** A merge of several session states into the first of them. */
export interface SessionMerge {
  readonly into: WindowState;
  /** The windows that merged, as they were before the merge. */
  readonly from: readonly Window[];
  /** How many states the merge absorbed (and cleared) into `into`. */
  readonly absorbed: number;
}

export class SessionWindows {
  private readonly byKey = new Map<number, WindowState[]>();

  /**
   * A key's sessions sorted by start. It opens the key's (empty) list if there is none, even for an
   * element that turns out late, so a key keeps its place in snapshot order from its first element.
   */
  of(key: number): readonly WindowState[] {
    return this.listOf(key);
  }

  /** Every open session, as a list (see FixedWindowTable.all). */
  all(): WindowState[] {
    const out: WindowState[] = [];
    for (const sessions of this.byKey.values()) for (const ws of sessions) out.push(ws);
    return out;
  }

  /** Adds a session in start order. */
  insert(ws: WindowState): void {
    const sessions = this.listOf(ws.key);
    let at = 0;
    while (at < sessions.length && (sessions[at] as WindowState).start < ws.start) at++;
    sessions.splice(at, 0, ws);
  }

  private listOf(key: number): WindowState[] {
    let sessions = this.byKey.get(key);
    if (sessions === undefined) {
      sessions = [];
      this.byKey.set(key, sessions);
    }
    return sessions;
  }

  remove(ws: WindowState): void {
    const sessions = this.byKey.get(ws.key);
    const at = sessions ? sessions.indexOf(ws) : -1;
    if (sessions && at >= 0) sessions.splice(at, 1);
    if (sessions?.length === 0) this.byKey.delete(ws.key);
  }

  /**
   * Merges the `count` sessions of `key` from index `first` (as sessionMerge found them) into the
   * first of them, which takes the span; the others are cleared and removed. Undefined when the
   * span is just the one session already there: nothing merges.
   */
  merge(key: number, first: number, count: number, span: Window): SessionMerge | undefined {
    const sessions = this.listOf(key);
    const target = sessions[first] as WindowState;
    if (count === 1 && target.start === span.start && target.end === span.end) return undefined;
    const from: Window[] = [];
    const retractions: Retractable[] = target.pendingRetractions ?? [];
    for (let i = first; i < first + count; i++) {
      const ws = sessions[i] as WindowState;
      from.push({ start: ws.start, end: ws.end });
      if (ws.lastEmitted) retractions.push(ws.lastEmitted);
      if (ws !== target) {
        if (ws.pendingRetractions) retractions.push(...ws.pendingRetractions);
        absorbInto(target, ws);
      }
    }
    sessions.splice(first + 1, count - 1);
    // The merged span is a new window: it has emitted nothing yet, and withdraws what its parts said.
    target.start = span.start;
    target.end = span.end;
    target.lastEmitted = undefined;
    target.pendingRetractions = retractions.length > 0 ? retractions : undefined;
    target.firings++;
    return { into: target, from, absorbed: count - 1 };
  }
}

/** Folds one session's content into another (Flink's state merge on MergingWindowSet.merge), clearing it. */
function absorbInto(target: WindowState, ws: WindowState): void {
  mergeAcc(target.total, ws.total);
  mergeAcc(target.pane, ws.pane);
  target.maxEventTime = Math.max(target.maxEventTime, ws.maxEventTime);
  target.maxIngestionTime = Math.max(target.maxIngestionTime, ws.maxIngestionTime);
  target.paneMaxEventTime = Math.max(target.paneMaxEventTime, ws.paneMaxEventTime);
  target.paneMaxIngestionTime = Math.max(target.paneMaxIngestionTime, ws.paneMaxIngestionTime);
  target.nextIndex = Math.max(target.nextIndex, ws.nextIndex);
  ws.cleared = true;
}
