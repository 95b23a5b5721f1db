/**
 * Every event accounted for (STYLE.md, "Invariants live in checkers"): each `event-ingested` must
 * end in an `event-filtered`, or, for EACH window it belongs to, an `event-windowed` or an
 * `event-late` entry. An ingested event with no outcome at all, or with a window it belongs to but
 * no entry for, is 'unaccounted': a checker failure. Events of the log the source never read are
 * listed apart, as never ingested (a run that stopped early).
 */
import type { Window } from '../model/window.js';
import { windowId } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { EventRef, TraceEvent } from '../trace/events.js';
import { assignFixedWindows, type FixedWindowSpec } from '../truth/assign-windows.js';
import type { Truth } from '../truth/exact-answer.js';
import { eventRefId } from '../truth/ids.js';
import { indexEventFacts, type EventFacts, type EventFactsIndex } from './event-facts.js';

/** 'mixed': accepted by some of its windows and too late for others (or any other combination). */
export type EventOutcome = 'windowed' | 'filtered' | 'late-dropped' | 'side-output' | 'mixed' | 'unaccounted';

export interface EventAccount {
  readonly ref: EventRef;
  readonly key: string;
  readonly eventTime: number;
  readonly outcome: EventOutcome;
  /** For an event that was too late somewhere: the watermark it met (the first time). */
  readonly watermark?: number;
  /** For an unaccounted event: the windows it belongs to that have no entry for it. */
  readonly unaccountedWindows?: readonly Window[];
}

export interface NeverIngested {
  readonly ref: EventRef;
  readonly key: string;
  readonly eventTime: number;
}

export interface AccountingTotals {
  /** Distinct events ingested. */
  readonly events: number;
  readonly windowed: number;
  readonly filtered: number;
  readonly lateDropped: number;
  readonly sideOutput: number;
  readonly mixed: number;
  readonly unaccounted: number;
  readonly neverIngested: number;
}

export interface AccountingReport {
  /** One per distinct ingested event, in the order of first ingestion. */
  readonly events: EventAccount[];
  readonly neverIngested: NeverIngested[];
  readonly totals: AccountingTotals;
}

export function accountEvents(scenario: Scenario, trace: readonly TraceEvent[], truth: Truth, facts: EventFactsIndex = indexEventFacts(trace)): AccountingReport {
  const spec = scenario.window;
  const events: EventAccount[] = [];
  for (const id of facts.ingestOrder) {
    const f = facts.byRef.get(id);
    if (f !== undefined) events.push(account(f, spec.type === 'session' ? null : spec));
  }
  const neverIngested: NeverIngested[] = truth.events
    .filter((e) => (facts.byRef.get(eventRefId(e.ref))?.ingested ?? 0) === 0)
    .map((e) => ({ ref: e.ref, key: e.key, eventTime: e.eventTime }));
  return { events, neverIngested, totals: totalsOf(events, neverIngested.length) };
}

/** `fixed` is null for session windows, where an event is added to exactly one session when it arrives. */
function account(f: EventFacts, fixed: FixedWindowSpec | null): EventAccount {
  const base = { ref: f.ref, key: f.key, eventTime: f.eventTime };
  const lates = [...f.late.values()];
  const watermark = lates[0]?.watermark;
  const withWatermark = watermark === undefined ? base : { ...base, watermark };
  const kinds: EventOutcome[] = [];
  if (f.filtered) kinds.push('filtered');
  if (f.windowed.size > 0) kinds.push('windowed');
  if (lates.some((l) => l.disposition === 'dropped')) kinds.push('late-dropped');
  if (lates.some((l) => l.disposition === 'side-output')) kinds.push('side-output');
  const [only] = kinds;
  if (only === undefined) return { ...withWatermark, outcome: 'unaccounted' };
  const uncovered = fixed === null ? [] : uncoveredWindows(f, fixed);
  if (uncovered.length > 0) return { ...withWatermark, outcome: 'unaccounted', unaccountedWindows: uncovered };
  return { ...withWatermark, outcome: kinds.length === 1 ? only : 'mixed' };
}

/** The windows the event belongs to, at each timestamp the engine gave it, that have no entry for it. */
function uncoveredWindows(f: EventFacts, spec: FixedWindowSpec): Window[] {
  const timestamps = new Set<number>();
  for (const fact of f.windowed.values()) timestamps.add(fact.timestamp);
  for (const fact of f.late.values()) timestamps.add(fact.timestamp);
  const uncovered = new Map<string, Window>();
  for (const t of timestamps) {
    for (const window of assignFixedWindows(spec, t)) {
      const id = windowId(window);
      if (!f.windowed.has(id) && !f.late.has(id)) uncovered.set(id, window);
    }
  }
  return [...uncovered.values()];
}

function totalsOf(events: readonly EventAccount[], neverIngested: number): AccountingTotals {
  const count = (outcome: EventOutcome) => events.filter((e) => e.outcome === outcome).length;
  return {
    events: events.length,
    windowed: count('windowed'),
    filtered: count('filtered'),
    lateDropped: count('late-dropped'),
    sideOutput: count('side-output'),
    mixed: count('mixed'),
    unaccounted: count('unaccounted'),
    neverIngested,
  };
}
