/**
 * Classifies every pane the run emitted against the truth, reading only the trace.
 *
 * For each `pane-fired` entry, in trace order:
 * 1. duplicated: an earlier pane had the same (key, window, index, retraction flag); it still
 *    reaches the reader, who does not deduplicate (see consumer-view.ts);
 * 2. retraction: a withdrawal (accumulating & retracting); it leaves the reader's value unchanged;
 * 3. correct: the reader's value now equals the truth for (key, window);
 * 4. partial: it differs from the truth but equals the aggregate of the events the trace shows as
 *    accepted into that window so far: the engine answered correctly for what it had seen (an
 *    early pane, late data still to come, or data dropped as late);
 * 5. wrong: anything else, including a window the truth does not have that matches nothing seen.
 */
import type { Pane } from '../model/pane.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import type { Truth } from '../truth/exact-answer.js';
import { keyWindowId } from '../truth/ids.js';
import { ConsumerView, type Held } from './consumer-view.js';
import { indexEventFacts, type EventFactsIndex } from './event-facts.js';
import { createSeenIndex, type SeenIndex } from './seen-index.js';
import { sameValue } from './values.js';

export type PaneVerdictKind = 'correct' | 'partial' | 'wrong' | 'duplicated' | 'retraction';

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

/** Per (key, window): what the reader holds, and which panes came (index · 2 + 1 for a retraction). */
interface WindowState {
  held: Held | undefined;
  readonly emitted: Set<number>;
}

interface Classifier {
  readonly scenario: Scenario;
  readonly truth: Truth;
  readonly seen: SeenIndex;
  readonly consumer: ConsumerView;
  readonly windows: Map<string, WindowState>;
}

export function classifyPanes(scenario: Scenario, trace: readonly TraceEvent[], truth: Truth): PaneVerdict[] {
  return classifyTrace(scenario, trace, truth).verdicts;
}

/** classifyPanes with the reader's final values; `facts` may be passed in when the caller has already indexed the trace. */
export function classifyTrace(scenario: Scenario, trace: readonly TraceEvent[], truth: Truth, facts: EventFactsIndex = indexEventFacts(trace)): PaneClassification {
  const classifier: Classifier = {
    scenario,
    truth,
    seen: createSeenIndex(scenario.window, trace, facts),
    consumer: new ConsumerView(scenario.accumulation, scenario.aggregate),
    windows: new Map(),
  };
  const verdicts: PaneVerdict[] = [];
  trace.forEach((entry, traceIndex) => {
    // Only two kinds of entry matter here; a pane sees exactly the windowed entries before it.
    if (entry.type === 'event-windowed') classifier.seen.add(entry, traceIndex);
    else if (entry.type === 'pane-fired') verdicts.push(classify(classifier, entry.pane, traceIndex));
  });
  const finalValues = new Map<string, number>();
  for (const [id, state] of classifier.windows) {
    if (state.held !== undefined) finalValues.set(id, state.held.value);
  }
  return { verdicts, finalValues };
}

function classify(c: Classifier, pane: Pane, traceIndex: number): PaneVerdict {
  const id = keyWindowId(pane.key, pane.window);
  let state = c.windows.get(id);
  if (state === undefined) c.windows.set(id, (state = { held: undefined, emitted: new Set() }));
  const truthValue = c.truth.byId.get(id)?.value ?? null;
  const seenValue = c.seen.query(pane.key, pane.window).result(c.scenario.aggregate);
  const retraction = pane.retraction === true;
  const paneId = pane.index * 2 + (retraction ? 1 : 0);
  const duplicated = state.emitted.has(paneId);
  state.emitted.add(paneId);
  if (retraction) {
    const consumerValue = state.held?.value ?? NaN;
    return { traceIndex, pane, verdict: duplicated ? 'duplicated' : 'retraction', consumerValue, truthValue, seenValue };
  }
  state.held = c.consumer.receive(state.held, pane);
  const consumerValue = state.held.value;
  const verdict = duplicated ? 'duplicated' : judge(consumerValue, truthValue, seenValue);
  return { traceIndex, pane, verdict, consumerValue, truthValue, seenValue };
}

/** Steps 3 to 5 of the classification: the truth first, then what the engine had seen. */
function judge(consumerValue: number, truthValue: number | null, seenValue: number | null): 'correct' | 'partial' | 'wrong' {
  if (sameValue(consumerValue, truthValue)) return 'correct';
  if (sameValue(consumerValue, seenValue)) return 'partial';
  return 'wrong';
}
