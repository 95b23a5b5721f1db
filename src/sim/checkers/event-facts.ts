/**
 * What the trace says happened to each input event, gathered in one pass and indexed by its log
 * position: whether it was ingested, filtered, and which windows accepted it or found it too late.
 * Event accounting and the missing-result explanations both read it.
 */
import type { Window } from '../model/window.js';
import { windowId } from '../model/window.js';
import type { EventRef, TraceEvent } from '../trace/events.js';
import { eventRefId } from '../truth/ids.js';

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
  /** By window id; a window that took it more than once (a replay) is listed once. */
  readonly windowed: Map<string, WindowFact>;
  readonly late: Map<string, LateFact>;
}

export interface EventFactsIndex {
  readonly byRef: ReadonlyMap<string, EventFacts>;
  /** Ref ids in the order of their first `event-ingested` entry. */
  readonly ingestOrder: readonly string[];
}

export function indexEventFacts(trace: readonly TraceEvent[]): EventFactsIndex {
  const byRef = new Map<string, EventFacts>();
  const ingestOrder: string[] = [];
  const factsOf = (ref: EventRef, key: string, eventTime: number): EventFacts => {
    const id = eventRefId(ref);
    let facts = byRef.get(id);
    if (facts === undefined) {
      facts = { ref, key, eventTime, ingested: 0, filtered: false, windowed: new Map(), late: new Map() };
      byRef.set(id, facts);
    }
    return facts;
  };
  for (const e of trace) {
    if (e.type === 'event-ingested') {
      const facts = factsOf(e.ref, e.key, e.eventTime);
      if (facts.ingested === 0) ingestOrder.push(eventRefId(e.ref));
      facts.ingested += 1;
      // The ingested entry is the authority on key and event time.
      facts.key = e.key;
      facts.eventTime = e.eventTime;
    } else if (e.type === 'event-filtered') {
      factsOf(e.ref, '', NaN).filtered = true;
    } else if (e.type === 'event-windowed') {
      setFirst(factsOf(e.ref, e.key, NaN).windowed, windowId(e.window), { window: e.window, timestamp: e.timestamp, task: e.task });
    } else if (e.type === 'event-late') {
      const fact: LateFact = { window: e.window, timestamp: e.timestamp, task: e.task, disposition: e.disposition, watermark: e.watermark };
      setFirst(factsOf(e.ref, e.key, e.eventTime).late, windowId(e.window), fact);
    }
  }
  return { byRef, ingestOrder };
}

/** Keeps the first fact per window: the watermark an event first met is the one that decided. */
function setFirst<T>(map: Map<string, T>, id: string, fact: T): void {
  if (!map.has(id)) map.set(id, fact);
}
