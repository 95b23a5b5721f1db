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
import { eventRefNumber } from '../truth/ids.js';

export interface WindowFact {
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

export interface EventFactsIndex {
  /** By eventRefNumber. */
  readonly byRef: ReadonlyMap<number, EventFacts>;
  /** Refs (eventRefNumber) in the order of their first `event-ingested` entry. */
  readonly ingestOrder: readonly number[];
}

export function indexEventFacts(trace: readonly TraceEvent[]): EventFactsIndex {
  const byRef = new Map<number, EventFacts>();
  const ingestOrder: number[] = [];
  const factsOf = (ref: EventRef, key: string, eventTime: number): EventFacts => {
    const id = eventRefNumber(ref);
    let facts = byRef.get(id);
    if (facts === undefined) {
      facts = { ref, key, eventTime, ingested: 0, filtered: false, windowed: new FactList(), late: new FactList() };
      byRef.set(id, facts);
    }
    return facts;
  };
  for (const e of trace) {
    if (e.type === 'event-ingested') {
      const facts = factsOf(e.ref, e.key, e.eventTime);
      if (facts.ingested === 0) ingestOrder.push(eventRefNumber(e.ref));
      facts.ingested += 1;
      // The ingested entry is the authority on key and event time.
      facts.key = e.key;
      facts.eventTime = e.eventTime;
    } else if (e.type === 'event-filtered') {
      factsOf(e.ref, '', NaN).filtered = true;
    } else if (e.type === 'event-windowed') {
      factsOf(e.ref, e.key, NaN).windowed.add({ window: e.window, timestamp: e.timestamp, task: e.task });
    } else if (e.type === 'event-late') {
      const fact: LateFact = { window: e.window, timestamp: e.timestamp, task: e.task, disposition: e.disposition, watermark: e.watermark };
      factsOf(e.ref, e.key, e.eventTime).late.add(fact);
    }
  }
  return { byRef, ingestOrder };
}
