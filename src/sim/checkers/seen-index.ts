/**
 * What the trace shows the window operator had accepted, so far, into a key's window: the
 * `event-windowed` entries read up to a point of the trace. A pane that matches this, but not the
 * truth, is an honest partial answer (early pane, or late data dropped or still to come).
 *
 * Each event counts once per window however often it is windowed: after a recovery the engine
 * replays input into restored state, and the replayed entries are the same events again.
 */
import type { Window } from '../model/window.js';
import type { WindowSpec } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { Accumulator } from '../truth/aggregate.js';
import { eventRefNumber, keyWindowId } from '../truth/ids.js';
import { lowerBound, RangeAggregate } from './range-aggregate.js';

export type WindowedEntry = Extract<TraceEvent, { type: 'event-windowed' }>;

export interface SeenIndex {
  add(entry: WindowedEntry): void;
  /** The accumulator of the distinct events accepted so far into (key, window). */
  query(key: string, window: Window): Accumulator;
}

/** Fixed windows (tumbling, sliding, global): the entry names its window, so one accumulator per window. */
class FixedSeenIndex implements SeenIndex {
  private readonly windows = new Map<string, { acc: Accumulator; refs: Set<number> }>();

  add(entry: WindowedEntry): void {
    const id = keyWindowId(entry.key, entry.window);
    let slot = this.windows.get(id);
    if (slot === undefined) {
      slot = { acc: new Accumulator(), refs: new Set() };
      this.windows.set(id, slot);
    }
    const ref = eventRefNumber(entry.ref);
    if (slot.refs.has(ref)) return;
    slot.refs.add(ref);
    slot.acc.add(entry.value);
  }

  query(key: string, window: Window): Accumulator {
    return this.windows.get(keyWindowId(key, window))?.acc ?? new Accumulator();
  }
}

interface KeySlot {
  readonly timestamps: Float64Array;
  readonly tree: RangeAggregate;
  readonly refs: Set<number>;
}

/**
 * Session windows: the window an entry names is the session at the time, which later merges, so a
 * pane's window holds every accepted event of its key with a timestamp in [start, end). A first
 * pass collects each key's timestamps, so a segment tree can answer that range in O(log n).
 */
class SessionSeenIndex implements SeenIndex {
  private readonly keys = new Map<string, KeySlot>();

  constructor(trace: readonly TraceEvent[]) {
    const timestamps = new Map<string, number[]>();
    for (const e of trace) {
      if (e.type !== 'event-windowed') continue;
      const list = timestamps.get(e.key);
      if (list === undefined) timestamps.set(e.key, [e.timestamp]);
      else list.push(e.timestamp);
    }
    for (const [key, list] of timestamps) {
      const sorted = Float64Array.from(new Set(list)).sort();
      this.keys.set(key, { timestamps: sorted, tree: new RangeAggregate(sorted.length), refs: new Set() });
    }
  }

  add(entry: WindowedEntry): void {
    const slot = this.keys.get(entry.key);
    if (slot === undefined) throw new Error(`SessionSeenIndex.add: key ${entry.key} was not in the first pass`);
    const ref = eventRefNumber(entry.ref);
    if (slot.refs.has(ref)) return;
    slot.refs.add(ref);
    slot.tree.add(lowerBound(slot.timestamps, entry.timestamp), entry.value);
  }

  query(key: string, window: Window): Accumulator {
    const slot = this.keys.get(key);
    if (slot === undefined) return new Accumulator();
    return slot.tree.query(lowerBound(slot.timestamps, window.start), lowerBound(slot.timestamps, window.end));
  }
}

/** Builds the empty index for the scenario's windows; feed it the trace's entries in order. */
export function createSeenIndex(spec: WindowSpec, trace: readonly TraceEvent[]): SeenIndex {
  return spec.type === 'session' ? new SessionSeenIndex(trace) : new FixedSeenIndex();
}
