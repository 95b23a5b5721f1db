/**
 * What the trace shows the window operator had accepted, so far, into a key's window: the
 * `event-windowed` entries read up to a point of the trace. A pane that matches this, but not the
 * truth, is an honest partial answer (early pane, or late data dropped or still to come).
 *
 * Each event counts once per window however often it is windowed: after a recovery the engine
 * replays input into restored state, and the replayed entries are the same events again. The
 * event facts know each event's first entry per window, so only that one is added.
 */
import type { Window } from '../model/window.js';
import type { WindowSpec } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { Accumulator } from '../truth/aggregate.js';
import { keyWindowId } from '../truth/ids.js';
import type { EventFactsIndex } from './event-facts.js';
import { lowerBound, RangeAggregate } from './range-aggregate.js';

export type WindowedEntry = Extract<TraceEvent, { type: 'event-windowed' }>;

export interface SeenIndex {
  /** Takes the `event-windowed` entry at `traceIndex`; call in trace order. */
  add(entry: WindowedEntry, traceIndex: number): void;
  /** The accumulator of the distinct events accepted so far into (key, window). */
  query(key: string, window: Window): Accumulator;
}

/** Fixed windows (tumbling, sliding, global): the entry names its window, so one accumulator per window. */
class FixedSeenIndex implements SeenIndex {
  private readonly windows = new Map<string, Accumulator>();

  constructor(private readonly facts: EventFactsIndex) {}

  add(entry: WindowedEntry, traceIndex: number): void {
    if (this.facts.get(entry.ref)?.windowed.get(entry.window)?.traceIndex !== traceIndex) return;
    const id = keyWindowId(entry.key, entry.window);
    let acc = this.windows.get(id);
    if (acc === undefined) this.windows.set(id, (acc = new Accumulator()));
    acc.add(entry.value);
  }

  query(key: string, window: Window): Accumulator {
    return this.windows.get(keyWindowId(key, window)) ?? new Accumulator();
  }
}

interface KeySlot {
  readonly timestamps: Float64Array;
  readonly tree: RangeAggregate;
}

/**
 * Session windows: the window an entry names is the session at the time, which later merges, so a
 * pane's window holds every accepted event of its key with a timestamp in [start, end). A first
 * pass collects each key's timestamps, so a segment tree can answer that range in O(log n).
 */
class SessionSeenIndex implements SeenIndex {
  private readonly keys = new Map<string, KeySlot>();

  constructor(
    trace: readonly TraceEvent[],
    private readonly facts: EventFactsIndex,
  ) {
    const timestamps = new Map<string, number[]>();
    for (const e of trace) {
      if (e.type !== 'event-windowed') continue;
      const list = timestamps.get(e.key);
      if (list === undefined) timestamps.set(e.key, [e.timestamp]);
      else list.push(e.timestamp);
    }
    for (const [key, list] of timestamps) {
      const sorted = Float64Array.from(new Set(list)).sort();
      this.keys.set(key, { timestamps: sorted, tree: new RangeAggregate(sorted.length) });
    }
  }

  add(entry: WindowedEntry, traceIndex: number): void {
    // A session event counts once, whichever session its entries name.
    if (this.facts.get(entry.ref)?.windowed.items[0]?.traceIndex !== traceIndex) return;
    const slot = this.keys.get(entry.key);
    if (slot === undefined) throw new Error(`SessionSeenIndex.add: key ${entry.key} was not in the first pass`);
    slot.tree.add(lowerBound(slot.timestamps, entry.timestamp), entry.value);
  }

  query(key: string, window: Window): Accumulator {
    const slot = this.keys.get(key);
    if (slot === undefined) return new Accumulator();
    return slot.tree.query(lowerBound(slot.timestamps, window.start), lowerBound(slot.timestamps, window.end));
  }
}

/** Builds the empty index for the scenario's windows; feed it the trace's windowed entries in order. */
export function createSeenIndex(spec: WindowSpec, trace: readonly TraceEvent[], facts: EventFactsIndex): SeenIndex {
  return spec.type === 'session' ? new SessionSeenIndex(trace, facts) : new FixedSeenIndex(facts);
}
