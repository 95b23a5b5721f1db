/**
 * What the trace says happened to each input event, gathered in one pass and indexed by its log
 * position: whether it was ingested, filtered, and which windows accepted it or found it too late.
 * Event accounting and the missing-result explanations both read it.
 *
 * An event usually has one or a few windows, so its facts are short lists searched by (start,
 * end); a map per event would cost more than the search. A list that grows long (sliding windows
 * with a small slide) gets an index, so the search never makes accounting quadratic.
 */
import type { Window } from '../model/window.js';
import { windowId } from '../model/window.js';
import type { EventRef, TraceEvent } from '../trace/events.js';

export interface WindowFact {
  /** Position of the entry in the trace. */
  readonly traceIndex: number;
  readonly window: Window;
  readonly timestamp: number;
  readonly task: number;
}

export interface LateFact extends WindowFact {
  readonly disposition: 'dropped' | 'side-output';
  readonly watermark: number;
}

export interface EventFacts {
  readonly ref: EventRef;
  key: string;
  eventTime: number;
  /** How many `event-ingested` entries name it (more than one after a replay). */
  ingested: number;
  filtered: boolean;
  /** One fact per window, the first; a window that took it again (a replay) is not repeated. */
  readonly windowed: FactList<WindowFact>;
  /** One fact per window, the first: the watermark an event first met is the one that decided. */
  readonly late: FactList<LateFact>;
}

/** Above this many facts a list keeps a set of window ids. */
const INDEX_ABOVE = 8;

export class FactList<T extends WindowFact> {
  readonly items: T[] = [];
  private ids: Set<string> | undefined;

  get size(): number {
    return this.items.length;
  }

  get(window: Window): T | undefined {
    if (this.ids !== undefined && !this.ids.has(windowId(window))) return undefined;
    return this.items.find((f) => f.window.start === window.start && f.window.end === window.end);
  }

  has(window: Window): boolean {
    return this.ids !== undefined ? this.ids.has(windowId(window)) : this.get(window) !== undefined;
  }

  /** Keeps the first fact per window. */
  add(fact: T): void {
    if (this.has(fact.window)) return;
    this.items.push(fact);
    if (this.ids !== undefined) this.ids.add(windowId(fact.window));
    else if (this.items.length > INDEX_ABOVE) this.ids = new Set(this.items.map((f) => windowId(f.window)));
  }
}

/** Facts by log position: one array per partition, indexed by offset (offsets are dense from 0). */
export class EventFactsIndex {
  private readonly partitions: (EventFacts | undefined)[][] = [];
  /** The events in the order of their first `event-ingested` entry. */
  readonly ingestOrder: EventFacts[] = [];

  get(ref: EventRef): EventFacts | undefined {
    return this.partitions[ref.partition]?.[ref.offset];
  }

  /** The facts of `ref`, created with this key and event time if it had none. */
  at(ref: EventRef, key: string, eventTime: number): EventFacts {
    let partition = this.partitions[ref.partition];
    if (partition === undefined) this.partitions[ref.partition] = partition = [];
    let facts = partition[ref.offset];
    if (facts === undefined) {
      facts = { ref, key, eventTime, ingested: 0, filtered: false, windowed: new FactList(), late: new FactList() };
      partition[ref.offset] = facts;
    }
    return facts;
  }
}

export function indexEventFacts(trace: readonly TraceEvent[]): EventFactsIndex {
  const index = new EventFactsIndex();
  trace.forEach((e, traceIndex) => {
    if (e.type === 'event-ingested') {
      const facts = index.at(e.ref, e.key, e.eventTime);
      if (facts.ingested === 0) index.ingestOrder.push(facts);
      facts.ingested += 1;
      // The ingested entry is the authority on key and event time.
      facts.key = e.key;
      facts.eventTime = e.eventTime;
    } else if (e.type === 'event-filtered') {
      index.at(e.ref, '', NaN).filtered = true;
    } else if (e.type === 'event-windowed') {
      index.at(e.ref, e.key, NaN).windowed.add({ traceIndex, window: e.window, timestamp: e.timestamp, task: e.task });
    } else if (e.type === 'event-late') {
      const { window, timestamp, task, disposition, watermark } = e;
      index.at(e.ref, e.key, e.eventTime).late.add({ traceIndex, window, timestamp, task, disposition, watermark });
    }
  });
  return index;
}
