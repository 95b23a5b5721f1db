/**
 * Resuming from a savepoint, and judging the resumed run honestly.
 *
 * The resumed job reads the log from the saved offsets with the saved windows restored, so it is
 * answerable for the windows it restored and the windows its new events open; the windows that
 * had closed before the savepoint were emitted by the job that took it. The pane-by-pane checker
 * reads only this run's trace, which does not hold the events behind the restored state; so the
 * resume verdict below judges each window the resumed job owns by what a reader ends up holding:
 * what the old job's panes had left it (from the saved state) combined with the new panes, by the
 * accumulation mode's rule (ConsumerView), against the exact answer over all events.
 */
import { ConsumerView, type Held } from '../checkers/consumer-view.js';
import { sameValue } from '../checkers/values.js';
import type { Window } from '../model/window.js';
import type { StartPoint } from '../engines/native/native-engine.js';
import { resultOf } from '../operators/aggregate.js';
import type { WindowEntry } from '../operators/window-snapshot.js';
import type { CheckedRun } from '../report/simulate.js';
import type { AggregateKind, Scenario } from '../scenario/types.js';
import type { EventRef } from '../trace/events.js';
import { keyWindowId } from '../truth/ids.js';
import { restoredWindows, type SavepointDocument } from './document.js';

/** Where the resumed job starts: the saved offsets and windows, at the time the savepoint was taken. */
export function startPointOf(doc: SavepointDocument): StartPoint {
  return {
    offsets: doc.sources,
    operator: { clock: doc.state.watermark, windows: restoredWindows(doc) },
    resumeAtMs: doc.savepoint.triggeredAt,
  };
}

/** Who answers for a window of the exact answer. */
export type WindowOwner = 'earlier-job' | 'restored' | 'resumed';

export interface ResumeWindow {
  readonly key: string;
  readonly window: Window;
  readonly owner: WindowOwner;
  readonly truthValue: number;
  /** What a reader holds at the end; null when it holds nothing. */
  readonly finalValue: number | null;
  /** The window's events, and how many of them precede the saved offsets. */
  readonly events: number;
  readonly eventsBefore: number;
}

export interface ResumeSummary {
  readonly savepointId: number;
  readonly savepointScenario: string;
  readonly triggeredAt: number;
  readonly offsets: readonly EventRef[];
  readonly restoredWindows: number;
  /** Log entries before the saved offsets: read by the job that took the savepoint, not by this one. */
  readonly eventsBefore: number;
  readonly eventsAfter: number;
  readonly windows: { readonly earlierJob: number; readonly restored: number; readonly resumed: number };
  /** Windows of the exact answer the resumed job owns (restored or resumed) whose final value is exact. */
  readonly ownedCorrect: number;
  /** Owned windows whose final value differs from the exact answer. */
  readonly differing: readonly ResumeWindow[];
}

export function summarizeResume(doc: SavepointDocument, checked: CheckedRun): ResumeSummary {
  const { run, truth } = checked;
  const offsetOf = new Map(doc.sources.map((s) => [s.partition, s.offset]));
  const before = (ref: EventRef): boolean => ref.offset < (offsetOf.get(ref.partition) ?? 0);
  const restored = new Map(restoredWindows(doc).map((w) => [keyWindowId(w.key, w), w]));
  const finals = readerFinals(run.scenario, restored, run.trace);
  const counts = { earlierJob: 0, restored: 0, resumed: 0 };
  let ownedCorrect = 0;
  const differing: ResumeWindow[] = [];
  for (const tw of truth.windows) {
    const id = keyWindowId(tw.key, tw.window);
    const eventsBefore = tw.events.filter(before).length;
    const owner: WindowOwner = restored.has(id) ? 'restored' : eventsBefore < tw.events.length ? 'resumed' : 'earlier-job';
    if (owner === 'earlier-job') {
      counts.earlierJob++;
      continue;
    }
    counts[owner]++;
    const held = finals.get(id);
    const finalValue = held === undefined || Number.isNaN(held.value) ? null : held.value;
    if (sameValue(finalValue, tw.value)) ownedCorrect++;
    else differing.push({ key: tw.key, window: tw.window, owner, truthValue: tw.value, finalValue, events: tw.events.length, eventsBefore });
  }
  const eventsBefore = truth.events.filter((e) => before(e.ref)).length;
  return {
    savepointId: doc.savepoint.id,
    savepointScenario: doc.job.scenario,
    triggeredAt: doc.savepoint.triggeredAt,
    offsets: doc.sources,
    restoredWindows: restored.size,
    eventsBefore,
    eventsAfter: truth.events.length - eventsBefore,
    windows: counts,
    ownedCorrect,
    differing,
  };
}

/**
 * What a reader holds per (key, window) at the end: it starts from what the old job's panes left
 * it for each restored window, then takes this run's panes (and session merges) in trace order.
 */
function readerFinals(scenario: Scenario, restored: ReadonlyMap<string, WindowEntry>, trace: CheckedRun['run']['trace']): Map<string, Held> {
  const view = new ConsumerView(scenario.accumulation, scenario.aggregate);
  const held = new Map<string, Held>();
  for (const [id, entry] of restored) {
    const h = heldBeforeSavepoint(entry, scenario);
    if (h !== undefined) held.set(id, h);
  }
  for (const e of trace) {
    if (e.type === 'pane-fired' && e.pane.retraction !== true) {
      const id = keyWindowId(e.pane.key, e.pane.window);
      held.set(id, view.receive(held.get(id), e.pane));
    } else if (e.type === 'windows-merged') {
      // The merged sessions are results no more: what the reader held for them moves to the new one.
      const ids = [...new Set([e.into, ...e.from].map((w) => keyWindowId(e.key, w)))];
      const merged = view.merge(ids.flatMap((id) => held.get(id) ?? []));
      for (const id of ids) held.delete(id);
      if (merged !== undefined) held.set(keyWindowId(e.key, e.into), merged);
    }
  }
  return held;
}

/**
 * What the old job's panes left a reader holding for a restored window. Accumulating: its last
 * pane, which the state keeps for retractions. Discarding: the panes added up, which is the
 * window's total less the pane still pending, read with the new job's aggregate (for min and max
 * the window's extreme stands in: the pending pane fires later, so the reader's final extreme is
 * the same either way).
 */
export function heldBeforeSavepoint(entry: WindowEntry, scenario: Scenario): Held | undefined {
  if (entry.nextIndex === 0) return undefined;
  if (scenario.accumulation !== 'discarding') return entry.lastEmitted ? { value: entry.lastEmitted.value, weighted: 0, count: 0 } : undefined;
  const count = entry.total.count - entry.pane.count;
  const sum = entry.total.sum - entry.pane.sum;
  const emitted = { count, sum, min: entry.total.min, max: entry.total.max };
  const value = emittedValue(scenario.aggregate, emitted);
  return { value, weighted: sum, count };
}

function emittedValue(aggregate: AggregateKind, acc: { count: number; sum: number; min: number; max: number }): number {
  if (aggregate === 'count' || aggregate === 'sum') return resultOf(aggregate, acc) ?? 0;
  return resultOf(aggregate, acc) ?? NaN;
}
