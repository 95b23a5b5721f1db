/**
 * Session windows are merging windows (Flink MergingWindowAssigner, Beam Sessions): each element
 * opens a proto-session, and sessions of the same key that the rule book says intersect merge into
 * their span. A late element can bridge two sessions and merge them.
 */
import type { Window } from '../model/window.js';
import type { EngineRules } from '../semantics/rules.js';

/**
 * Given a key's sessions sorted by start and a new proto-session, returns the indexes of the
 * sessions that merge with it (a contiguous run) and the merged span. Merging is transitive: the
 * span grows as it absorbs neighbours, as Flink's MergingWindowSet does.
 */
export function sessionMerge(
  rules: EngineRules,
  gapMs: number,
  sessions: readonly Window[],
  proto: Window,
): { readonly first: number; readonly count: number; readonly span: Window } {
  let start = proto.start;
  let end = proto.end;
  let first = -1;
  let count = 0;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i] as Window;
    if (rules.sessionsMerge(s, { start, end }, gapMs)) {
      if (first < 0) first = i;
      count++;
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    } else if (first >= 0) {
      break;
    }
  }
  return { first: first < 0 ? 0 : first, count, span: { start, end } };
}
