/**
 * Classifies every pane the run emitted against the truth, reading only the trace.
 *
 * For each `pane-fired` entry, in trace order:
 * 0. aborted: written into a transaction of a two-phase-commit sink that a failure aborted, so a
 *    read-committed reader never sees it (Flink's TwoPhaseCommitSinkFunction aborts on failure);
 *    it does not count as received, and its replay after recovery is judged as the first copy;
 * 1. duplicated: an earlier pane had the same (key, window, index, retraction flag); it still
 *    reaches the reader, who does not deduplicate (see consumer-view.ts), unless the sink is an
 *    idempotent upsert: then it overwrites its first copy and the reader holds what it held;
 * 2. retraction: a withdrawal (accumulating & retracting); it leaves the reader's value unchanged;
 * 3. correct: the reader's value now equals the truth for (key, window);
 * 4. partial: it differs from the truth but equals the aggregate of the events the trace shows the
 *    window holding at that point (seen-index.ts; for sessions, after their merges and clears): the
 *    engine answered correctly for what it had seen (an early pane, late data still to come, data
 *    dropped as late, or a session reopened after an earlier one was cleared);
 * 5. wrong: anything else, including a window the truth does not have that matches nothing seen.
 *
 * When session windows merge (`windows-merged`), what the reader held for the merged windows
 * carries over to the new one in discarding mode (see ConsumerView.merge).
 */
import type { Pane } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import type { Truth } from '../truth/exact-answer.js';
import { keyWindowId } from '../truth/ids.js';
import { ConsumerView, type Held } from './consumer-view.js';
import { indexEventFacts, type EventFactsIndex } from './event-facts.js';
import { createSeenIndex, type SeenIndex } from './seen-index.js';
import type { Accumulator } from '../truth/aggregate.js';
import type { RestoredStart } from './restored-start.js';
import { sameValue } from './values.js';

export type PaneVerdictKind = 'correct' | 'partial' | 'wrong' | 'duplicated' | 'retraction' | 'aborted';

/** How the sink shows panes to the reader the classification takes: see steps 0 and 1. */
export interface ReaderModel {
  /** Panes a read-committed reader never sees (abortedPanes). */
  readonly aborted?: ReadonlySet<Pane>;
  /** An idempotent sink: a pane written again overwrites its first copy (upsert by key, window and index). */
  readonly upsert?: boolean;
}

export interface PaneVerdict {
  /** Position of the `pane-fired` entry in the trace. */
  readonly traceIndex: number;
  readonly pane: Pane;
  readonly verdict: PaneVerdictKind;
  /**
   * What the reader holds for (key, window) after this pane. For a retraction, the value it held
   * before (NaN when it held none).
   */
  readonly consumerValue: number;
  /** The truth for (key, window); null when the truth has no such window. */
  readonly truthValue: number | null;
  /** The aggregate of the events accepted into the window before this pane; null when it has no value (min, max, avg of nothing). */
  readonly seenValue: number | null;
}

/** The verdicts, and what the reader ends with per keyWindowId(key, window) that received a non-retraction pane. */
export interface PaneClassification {
  readonly verdicts: PaneVerdict[];
  readonly finalValues: ReadonlyMap<string, number>;
}

/**
 * Per (key, window): what the reader holds, and which panes came, as index · 2 (+ 1 for a
 * retraction). Most windows get one pane, so the set is only made for the second.
 */
interface WindowState {
  held: Held | undefined;
  /** True once a non-retraction pane came (`held` can come from a merge before that). */
  received: boolean;
  firstPane: number | undefined;
  morePanes: Set<number> | undefined;
}

/** Records the pane; true when it had come before. */
function seenBefore(state: WindowState, paneId: number): boolean {
  if (state.firstPane === undefined) {
    state.firstPane = paneId;
    return false;
  }
  if (paneId === state.firstPane) return true;
  if (state.morePanes === undefined) state.morePanes = new Set();
  const before = state.morePanes.has(paneId);
  state.morePanes.add(paneId);
  return before;
}

interface Classifier {
  readonly scenario: Scenario;
  readonly truth: Truth;
  readonly seen: SeenIndex;
  readonly consumer: ConsumerView;
  readonly windows: Map<string, WindowState>;
  readonly aborted: ReadonlySet<Pane>;
  readonly upsert: boolean;
}

export function classifyPanes(scenario: Scenario, trace: readonly TraceEvent[], truth: Truth): PaneVerdict[] {
  return classifyTrace(scenario, trace, truth).verdicts;
}

/**
 * classifyPanes with the reader's final values; `facts` may be passed in when the caller has already
 * indexed the trace; `reader` says how the sink shows the panes (aborted transactions, upserts).
 */
export function classifyTrace(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  truth: Truth,
  facts: EventFactsIndex = indexEventFacts(trace),
  reader: ReaderModel = {},
  restored?: { readonly start: RestoredStart; readonly contents: ReadonlyMap<string, Accumulator> },
): PaneClassification {
  const classifier: Classifier = {
    aborted: reader.aborted ?? new Set(),
    upsert: reader.upsert === true,
    scenario,
    truth,
    seen: createSeenIndex(scenario.window, facts),
    consumer: new ConsumerView(scenario.accumulation, scenario.aggregate),
    windows: new Map(),
  };
  if (restored) seedRestored(classifier, restored.start, restored.contents);
  const verdicts: PaneVerdict[] = [];
  trace.forEach((entry, traceIndex) => {
    // A pane sees exactly the state the entries before it built.
    if (entry.type === 'pane-fired') {
      verdicts.push(classify(classifier, entry.pane, traceIndex));
      return;
    }
    classifier.seen.observe(entry, traceIndex);
    if (entry.type === 'windows-merged') merge(classifier, entry.key, entry.from, entry.into);
  });
  const finalValues = new Map<string, number>();
  for (const [id, state] of classifier.windows) {
    if (state.held !== undefined && state.received) finalValues.set(id, state.held.value);
  }
  return { verdicts, finalValues };
}

function classify(c: Classifier, pane: Pane, traceIndex: number): PaneVerdict {
  const id = keyWindowId(pane.key, pane.window);
  const retraction = pane.retraction === true;
  const paneId = pane.index * 2 + (retraction ? 1 : 0);
  const truthValue = c.truth.byId.get(id)?.value ?? null;
  const seenValue = c.seen.query(pane.key, pane.window).result(c.scenario.aggregate);
  if (c.aborted.has(pane)) {
    return { traceIndex, pane, verdict: 'aborted', consumerValue: c.windows.get(id)?.held?.value ?? NaN, truthValue, seenValue };
  }
  const state = stateOf(c, id);
  const duplicated = seenBefore(state, paneId);
  if (retraction) {
    const consumerValue = state.held?.value ?? NaN;
    return { traceIndex, pane, verdict: duplicated ? 'duplicated' : 'retraction', consumerValue, truthValue, seenValue };
  }
  // An upsert keeps one copy of each pane: the one written again changes nothing the reader holds.
  const held = duplicated && c.upsert && state.held !== undefined ? state.held : c.consumer.receive(state.held, pane);
  state.held = held;
  state.received = true;
  const consumerValue = held.value;
  const verdict = duplicated ? 'duplicated' : judge(consumerValue, truthValue, seenValue);
  return { traceIndex, pane, verdict, consumerValue, truthValue, seenValue };
}

/**
 * A run resumed from a savepoint: each restored window starts with what it held, and the reader
 * with what the earlier job's panes gave it (restored-start.ts), so this run's panes are judged
 * against the window they really came from.
 */
function seedRestored(c: Classifier, start: RestoredStart, contents: ReadonlyMap<string, Accumulator>): void {
  for (const [id, w] of start.windows) {
    const acc = contents.get(id);
    if (acc !== undefined) c.seen.seed(w.key, w.window, acc);
    if (w.held !== undefined) c.windows.set(id, { held: w.held, received: true, firstPane: undefined, morePanes: undefined });
  }
}

function stateOf(c: Classifier, id: string): WindowState {
  let state = c.windows.get(id);
  if (state === undefined) c.windows.set(id, (state = { held: undefined, received: false, firstPane: undefined, morePanes: undefined }));
  return state;
}

/** Carries what the reader held for the merged sessions (and the new one, if it had any) over to the new one. */
function merge(c: Classifier, key: string, from: readonly Window[], into: Window): void {
  const intoId = keyWindowId(key, into);
  const ids = new Set([intoId, ...from.map((w) => keyWindowId(key, w))]);
  const parts = [...ids].flatMap((id) => c.windows.get(id)?.held ?? []);
  const held = c.consumer.merge(parts);
  if (held !== undefined) stateOf(c, intoId).held = held;
}

/** Steps 3 to 5 of the classification: the truth first, then what the engine had seen. */
function judge(consumerValue: number, truthValue: number | null, seenValue: number | null): 'correct' | 'partial' | 'wrong' {
  if (sameValue(consumerValue, truthValue)) return 'correct';
  if (sameValue(consumerValue, seenValue)) return 'partial';
  return 'wrong';
}
