/**
 * Late data: whether a window is too late to take an element, and what becomes of an element that
 * is (dropped, or sent to the late side output). The rule book (semantics/rules.ts) says when a
 * window expires; this applies it the way Flink's WindowOperator does.
 */
import type { StreamRecord } from '../model/record.js';
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import { type TraceContext, traceLate } from './window-trace.js';

/** Flink WindowOperator.isWindowLate / Beam's droppable-element check, via the rule book. */
export function isWindowLate(rules: EngineRules, clock: number, w: Window, gapMs: number | undefined, latenessMs: number): boolean {
  return clock >= rules.expireAt(w, gapMs, latenessMs);
}

/**
 * Records an element that came too late for the first `late` of `windows`. Flink sends an element
 * to the late side output only when every window it belongs to was late (isSkippedElement &&
 * isElementLate); a partly late element is just dropped from those windows.
 */
export function reportLate(
  cx: TraceContext,
  lateData: Scenario['lateData'],
  keyName: (id: number) => string,
  rec: StreamRecord,
  windows: readonly Window[],
  late: number,
  allLate: boolean,
  clock: number,
  now: number,
): void {
  if (!cx.trace.detailed) return;
  const disposition = allLate && lateData === 'side-output' ? 'side-output' : 'dropped';
  const key = keyName(rec.entry.key);
  for (let i = 0; i < late; i++) traceLate(cx, key, windows[i] as Window, disposition, rec, clock, now);
}
