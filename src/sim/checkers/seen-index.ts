/**
 * What the trace shows the window operator held, so far, in a key's window: the events it had
 * accepted into it. A pane that matches this, but not the truth, is an honest partial answer (early
 * pane, or late data dropped or still to come). A pane is judged by what its window really held.
 *
 * Fixed windows: each event counts once per window however often it is windowed: after a recovery
 * the engine replays input into restored state, and the replayed entries are the same events
 * again. The event facts know each event's first entry per window, so only that one is added.
 *
 * Session windows are merging windows, so their contents follow the operator's own steps, which
 * the trace records: an element enters the session it names, merged sessions pool their contents
 * (`windows-merged`), a cleared session is gone (`window-cleared`), and a restart restores the
 * sessions of the checkpoint it restarts from (`checkpoint-snapshot`, `job-restarted`).
 */
import type { Window } from '../model/window.js';
import { windowId } from '../model/window.js';
import type { WindowSpec } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { Accumulator } from '../truth/aggregate.js';
import { keyWindowId } from '../truth/ids.js';
import type { EventFactsIndex } from './event-facts.js';

export type WindowedEntry = Extract<TraceEvent, { type: 'event-windowed' }>;

export interface SeenIndex {
  /** Takes the trace entry at `traceIndex`; call in trace order for every entry before the pane asked about. */
  observe(entry: TraceEvent, traceIndex: number): void;
  /** The accumulator of the events the window (key, window) holds now. */
  query(key: string, window: Window): Accumulator;
  /**
   * Starts a fixed window with contents this trace does not show: a window restored from a
   * savepoint (restored-start.ts). False where the index cannot take them (sessions, whose
   * contents follow the operator's merges), which then judges by this trace alone.
   */
  seed(key: string, window: Window, contents: Accumulator): boolean;
}

/** Fixed windows (tumbling, sliding, global): the entry names its window, so one accumulator per window. */
class FixedSeenIndex implements SeenIndex {
  private readonly windows = new Map<string, Accumulator>();

  constructor(private readonly facts: EventFactsIndex) {}

  observe(entry: TraceEvent, traceIndex: number): void {
    if (entry.type !== 'event-windowed') return;
    if (this.facts.get(entry.ref)?.windowed.get(entry.window)?.traceIndex !== traceIndex) return;
    const id = keyWindowId(entry.key, entry.window);
    let acc = this.windows.get(id);
    if (acc === undefined) this.windows.set(id, (acc = new Accumulator()));
    acc.add(entry.value);
  }

  query(key: string, window: Window): Accumulator {
    return this.windows.get(keyWindowId(key, window)) ?? new Accumulator();
  }

  seed(key: string, window: Window, contents: Accumulator): boolean {
    this.windows.set(keyWindowId(key, window), copyOf(contents));
    return true;
  }
}

/** One key's sessions in the operator: the task that holds the key, and each session's contents by window id. */
interface KeySessions {
  task: number;
  readonly sessions: Map<string, Accumulator>;
}

function copyOf(acc: Accumulator): Accumulator {
  return new Accumulator().addParts(acc.count, acc.sum, acc.min, acc.max);
}

function copyKey(k: KeySessions): KeySessions {
  return { task: k.task, sessions: new Map([...k.sessions].map(([id, acc]) => [id, copyOf(acc)])) };
}

/**
 * Session windows: the window an `event-windowed` entry names is the session the element joined,
 * after any merge it caused (Flink's MergingWindowSet, Beam's MergeOverlappingIntervalWindows), so
 * following the entries in order rebuilds each session's state. A session fired and cleared is
 * gone: a later element that is not late for its own session starts a new one, which may cover the
 * old one's range without its events (Flink: the cleared window has left the MergingWindowSet).
 *
 * Checkpoints: a task's sessions are copied at its `checkpoint-snapshot` entry, which the engine
 * writes when the task acknowledges; an unaligned checkpoint snapshots at its first barrier, so the
 * copy can hold a few more records than the snapshot did (they come back as in-flight data).
 */
class SessionSeenIndex implements SeenIndex {
  private live = new Map<string, KeySessions>();
  /** Per checkpoint id, the sessions of every task that has snapshotted for it. */
  private readonly snapshots = new Map<number, Map<string, KeySessions>>();

  observe(entry: TraceEvent, _traceIndex: number): void {
    switch (entry.type) {
      case 'event-windowed':
        this.add(entry);
        return;
      case 'windows-merged':
        this.merge(entry.key, entry.from, entry.into, entry.task);
        return;
      case 'window-cleared':
        this.clear(entry.key, entry.window);
        return;
      case 'checkpoint-snapshot':
        this.snapshot(entry.id, entry.task);
        return;
      case 'checkpoint-completed':
        // A restart restores the latest completed checkpoint: older copies are no longer needed.
        for (const id of this.snapshots.keys()) if (id < entry.id) this.snapshots.delete(id);
        return;
      case 'job-restarted':
        this.restore(entry.fromCheckpoint);
        return;
      default:
        return;
    }
  }

  query(key: string, window: Window): Accumulator {
    return this.live.get(key)?.sessions.get(windowId(window)) ?? new Accumulator();
  }

  /** Restored sessions are not seeded: which task holds them, and how they merge next, is the operator's to say. */
  seed(): boolean {
    return false;
  }

  private keyState(key: string, task: number): KeySessions {
    let k = this.live.get(key);
    if (k === undefined) this.live.set(key, (k = { task, sessions: new Map() }));
    k.task = task;
    return k;
  }

  private add(entry: WindowedEntry): void {
    const k = this.keyState(entry.key, entry.task);
    const id = windowId(entry.window);
    let acc = k.sessions.get(id);
    if (acc === undefined) k.sessions.set(id, (acc = new Accumulator()));
    acc.add(entry.value);
  }

  /** The merged session holds what its parts held (WindowOperator's MergingWindowSet.MergeFunction merges their state). */
  private merge(key: string, from: readonly Window[], into: Window, task: number): void {
    const k = this.keyState(key, task);
    const pooled = new Accumulator();
    for (const id of new Set([windowId(into), ...from.map(windowId)])) {
      const part = k.sessions.get(id);
      if (part !== undefined) pooled.addParts(part.count, part.sum, part.min, part.max);
      k.sessions.delete(id);
    }
    k.sessions.set(windowId(into), pooled);
  }

  private clear(key: string, window: Window): void {
    const k = this.live.get(key);
    if (k === undefined) return;
    k.sessions.delete(windowId(window));
    if (k.sessions.size === 0) this.live.delete(key);
  }

  private snapshot(id: number, task: number): void {
    let copy = this.snapshots.get(id);
    if (copy === undefined) this.snapshots.set(id, (copy = new Map()));
    for (const [key, k] of this.live) if (k.task === task) copy.set(key, copyKey(k));
  }

  /** State restored from a checkpoint, or empty when the job restarts without one (at-most-once). */
  private restore(checkpoint: number | null): void {
    const copy = checkpoint === null ? undefined : this.snapshots.get(checkpoint);
    this.live = new Map([...(copy ?? new Map<string, KeySessions>())].map(([key, k]) => [key, copyKey(k)]));
  }
}

/** Builds the empty index for the scenario's windows; feed it the trace's windowed entries in order. */
export function createSeenIndex(spec: WindowSpec, facts: EventFactsIndex): SeenIndex {
  return spec.type === 'session' ? new SessionSeenIndex() : new FixedSeenIndex(facts);
}
