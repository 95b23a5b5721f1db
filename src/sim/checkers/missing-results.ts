/**
 * Results the reader never got right: truth windows with no pane at all (missing), and truth
 * windows whose LAST value the reader holds differs from the truth (incomplete). For a missing
 * window the trace usually tells why, and the reason says so.
 */
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import type { Truth, TruthWindow } from '../truth/exact-answer.js';
import { indexEventFacts, type EventFacts, type EventFactsIndex } from './event-facts.js';
import { onTimeDueAt } from './on-time-due.js';
import type { PaneClassification } from './pane-classification.js';
import { PaneWindows } from './pane-windows.js';
import { closedBeforeSavepoint, type RestoredStart } from './restored-start.js';
import { sameValue } from './values.js';

/**
 * - never-ingested: the source never read any of its events (the run stopped early);
 * - all-late: every event that reached the window operator was too late for it (dropped or side output);
 * - other-windows: panes were emitted for overlapping windows of the key instead (sessions merged
 *   differently, e.g. a late event dropped before it could bridge two sessions);
 * - not-windowed: its events were ingested but never added to this window;
 * - never-fired: events were added, but the operator's watermark never reached the firing point;
 * - not-emitted: the watermark did reach it and still no pane came (an engine bug, or a trigger that never fires).
 */
export type MissingReason = 'never-ingested' | 'all-late' | 'other-windows' | 'not-windowed' | 'never-fired' | 'not-emitted';

export interface MissingResult {
  readonly key: string;
  readonly window: Window;
  readonly truthValue: number;
  readonly reason: MissingReason;
  /** One sentence for the report. */
  readonly detail: string;
}

export interface IncompleteResult {
  readonly key: string;
  readonly window: Window;
  readonly truthValue: number;
  /** The last value the reader holds. */
  readonly finalValue: number;
  /** How many of the window's events the trace shows as too late for it. */
  readonly lateEvents: number;
}

/** A truth window of a resumed run that had closed before the savepoint: the earlier job emitted it. */
export interface EarlierJobResult {
  readonly key: string;
  readonly window: Window;
  readonly truthValue: number;
}

export interface ResultsReport {
  readonly missing: MissingResult[];
  /** Resumed runs only: windows the job that took the savepoint answered for, not missing here. */
  readonly closedBeforeSavepoint: EarlierJobResult[];
  readonly incomplete: IncompleteResult[];
  /** Truth windows whose last value the reader holds equals the truth. */
  readonly finalCorrect: number;
}

interface Context {
  readonly scenario: Scenario;
  readonly facts: EventFactsIndex;
  /** Built on first use: most runs have nothing missing. */
  readonly paneWindows: () => PaneWindows;
  /** The last watermark of each window-operator task; built on first use. */
  readonly operatorWatermark: () => ReadonlyMap<number, number>;
}

export function findMissingResults(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  truth: Truth,
  panes: PaneClassification,
  facts: EventFactsIndex = indexEventFacts(trace),
  start?: RestoredStart,
): ResultsReport {
  const finals = panes.finalValues;
  const context: Context = {
    scenario,
    facts,
    paneWindows: lazy(() => new PaneWindows(panes.verdicts)),
    operatorWatermark: lazy(() => lastOperatorWatermarks(trace)),
  };
  const missing: MissingResult[] = [];
  const closed: EarlierJobResult[] = [];
  const incomplete: IncompleteResult[] = [];
  let finalCorrect = 0;
  // byId holds the truth windows in their sorted order, with their ids already built.
  for (const [id, tw] of truth.byId) {
    const finalValue = finals.get(id);
    if (finalValue === undefined && start !== undefined && closedBeforeSavepoint(start, tw.key, tw.window, tw.events)) {
      closed.push({ key: tw.key, window: tw.window, truthValue: tw.value });
    } else if (finalValue === undefined) {
      missing.push({ key: tw.key, window: tw.window, truthValue: tw.value, ...explainMissing(context, tw) });
    } else if (!sameValue(finalValue, tw.value)) {
      const lateEvents = eventFacts(context, tw).filter((f) => f !== undefined && lateFor(context, f, tw.window)).length;
      incomplete.push({ key: tw.key, window: tw.window, truthValue: tw.value, finalValue, lateEvents });
    } else {
      finalCorrect += 1;
    }
  }
  return { missing, closedBeforeSavepoint: closed, incomplete, finalCorrect };
}

/** The first reason, in the order of MissingReason, that the trace supports. */
function explainMissing(c: Context, tw: TruthWindow): { reason: MissingReason; detail: string } {
  const facts = eventFacts(c, tw);
  const ingested = facts.filter((f): f is EventFacts => f !== undefined && f.ingested > 0);
  if (ingested.length === 0) {
    return { reason: 'never-ingested', detail: `none of its ${facts.length} events was ingested: the run stopped before the source read them` };
  }
  const late = ingested.filter((f) => lateFor(c, f, tw.window));
  if (late.length === ingested.length) {
    const dropped = late.filter((f) => lateFact(c, f, tw.window)?.disposition === 'dropped').length;
    const unread = facts.length === ingested.length ? '' : ` (${facts.length - ingested.length} never ingested)`;
    const detail = `all ${late.length} ingested events were too late for it: ${dropped} dropped, ${late.length - dropped} to the side output${unread}`;
    return { reason: 'all-late', detail };
  }
  const other = c.paneWindows().overlapping(tw.key, tw.window);
  if (other !== null) {
    const detail = `panes were emitted for overlapping windows of ${tw.key} instead, such as [${ms(other.start)}, ${ms(other.end)}): its events were grouped differently`;
    return { reason: 'other-windows', detail };
  }
  const windowed = ingested.map((f) => windowFact(c, f, tw.window)).find((w) => w !== undefined);
  if (windowed === undefined) {
    return { reason: 'not-windowed', detail: `${ingested.length} of its events were ingested but none was added to this window` };
  }
  return explainUnfired(c, tw, windowed.task);
}

/** The window holds data: either its watermark never got there, or it did and nothing came out. */
function explainUnfired(c: Context, tw: TruthWindow, task: number): { reason: MissingReason; detail: string } {
  const watermark = c.operatorWatermark().get(task) ?? -Infinity;
  const due = onTimeDueAt(c.scenario, tw.window);
  if (watermark < due) {
    const detail = `its watermark never passed its end: window task ${task} ended at watermark ${ms(watermark)}, and the window fires at ${ms(due)}`;
    return { reason: 'never-fired', detail };
  }
  return { reason: 'not-emitted', detail: `window task ${task} reached watermark ${ms(watermark)} (the window fires at ${ms(due)}) but emitted no pane` };
}

/** Milliseconds as the trace shows them, with ±∞ for the watermarks before and after all time. */
function ms(value: number): string {
  if (value === Infinity) return '+∞';
  if (value === -Infinity) return '-∞';
  return String(value);
}

function eventFacts(c: Context, tw: TruthWindow): (EventFacts | undefined)[] {
  return tw.events.map((ref) => c.facts.get(ref));
}

/** For fixed windows the entry must name this window; a session entry names the session of its time, so any counts. */
function windowFact(c: Context, f: EventFacts, window: Window) {
  return c.scenario.window.type === 'session' ? f.windowed.items[0] : f.windowed.get(window);
}

function lateFact(c: Context, f: EventFacts, window: Window) {
  return c.scenario.window.type === 'session' ? f.late.items[0] : f.late.get(window);
}

function lateFor(c: Context, f: EventFacts, window: Window): boolean {
  return lateFact(c, f, window) !== undefined;
}

function lastOperatorWatermarks(trace: readonly TraceEvent[]): Map<number, number> {
  const last = new Map<number, number>();
  for (const e of trace) {
    if (e.type === 'watermark-advanced' && e.scope === 'operator') last.set(e.id, e.watermark);
  }
  return last;
}

function lazy<T>(build: () => T): () => T {
  let value: { readonly built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
