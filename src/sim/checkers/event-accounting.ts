/**
 * Every event accounted for (STYLE.md, "Invariants live in checkers"): each `event-ingested` must
 * end in an `event-filtered`, or, for EACH window it belongs to, an `event-windowed` or an
 * `event-late` entry. An ingested event with no outcome at all, or with a window it belongs to but
 * no entry for, is 'unaccounted': a checker failure. Events of the log the source never read are
 * listed apart, as never ingested (a run that stopped early).
 */
import type { Window } from '../model/window.js';
import { sameWindow } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { EventRef, TraceEvent } from '../trace/events.js';
import { assignFixedWindows, type FixedWindowSpec } from '../truth/assign-windows.js';
import type { Truth } from '../truth/exact-answer.js';
import { indexEventFacts, type EventFacts, type EventFactsIndex } from './event-facts.js';

/** 'mixed': accepted by some of its windows and too late for others (or any other combination). */
export type EventOutcome = 'windowed' | 'filtered' | 'late-dropped' | 'side-output' | 'mixed' | 'lost' | 'unaccounted';

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
  /** Read before a failure and never processed nor replayed (at-most-once). */
  readonly lost: number;
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
  const fixed = spec.type === 'session' ? null : spec;
  const events: EventAccount[] = [];
  // An event read but never processed before the job failed, and not replayed (at-most-once), was lost.
  const failed = trace.some((e) => e.type === 'job-failed');
  for (const f of facts.ingestOrder) events.push(account(f, fixed, failed));
  const neverIngested: NeverIngested[] = [];
  for (const e of truth.events) {
    if ((facts.get(e.ref)?.ingested ?? 0) === 0) neverIngested.push({ ref: e.ref, key: e.key, eventTime: e.eventTime });
  }
  return { events, neverIngested, totals: totalsOf(events, neverIngested.length) };
}

/** `fixed` is null for session windows, where an event is added to exactly one session when it arrives. */
function account(f: EventFacts, fixed: FixedWindowSpec | null, failed: boolean): EventAccount {
  const lates = f.late.items;
  const dropped = lates.some((l) => l.disposition === 'dropped');
  const side = lates.some((l) => l.disposition === 'side-output');
  const kinds = Number(f.filtered) + Number(f.windowed.size > 0) + Number(dropped) + Number(side);
  const uncovered = kinds === 0 || fixed === null ? [] : uncoveredWindows(f, fixed);
  let outcome: EventOutcome = failed && kinds === 0 ? 'lost' : 'unaccounted';
  if (kinds > 0 && uncovered.length === 0) outcome = kinds > 1 ? 'mixed' : singleOutcome(f, dropped);
  const account: Mutable<EventAccount> = { ref: f.ref, key: f.key, eventTime: f.eventTime, outcome };
  const watermark = lates[0]?.watermark;
  if (watermark !== undefined) account.watermark = watermark;
  if (uncovered.length > 0) account.unaccountedWindows = uncovered;
  return account;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The outcome of an event with exactly one kind of entry. */
function singleOutcome(f: EventFacts, dropped: boolean): EventOutcome {
  if (f.filtered) return 'filtered';
  if (f.windowed.size > 0) return 'windowed';
  return dropped ? 'late-dropped' : 'side-output';
}

/** The windows the event belongs to, at each timestamp the engine gave it, that have no entry for it. */
function uncoveredWindows(f: EventFacts, spec: FixedWindowSpec): Window[] {
  const uncovered: Window[] = [];
  let lastTimestamp = NaN;
  for (const fact of [...f.windowed.items, ...f.late.items]) {
    // Usually every fact carries the same timestamp; assign its windows once.
    if (fact.timestamp === lastTimestamp) continue;
    lastTimestamp = fact.timestamp;
    for (const window of assignFixedWindows(spec, fact.timestamp)) {
      if (!f.windowed.has(window) && !f.late.has(window) && !uncovered.some((w) => sameWindow(w, window))) uncovered.push(window);
    }
  }
  return uncovered;
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
    lost: count('lost'),
    unaccounted: count('unaccounted'),
    neverIngested,
  };
}
