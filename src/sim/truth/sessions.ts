/**
 * Session windows, per key, over ALL the key's events at once (the truth sees every event, so no
 * late event ever has to bridge two sessions after the fact).
 *
 * The merge rule is the one place the engines differ (SEMANTICS.md, "session merge"):
 * - Flink: each element opens [t, t + gap); windows merge when they overlap OR touch
 *   (TimeWindow.intersects: a.start <= b.end && b.start <= a.end).
 * - Beam and Spark: [t, t + gap) too, but only overlapping windows merge
 *   (IntervalWindow.intersects: a.start < b.end && b.start < a.end).
 * - Kafka Streams: a session is inclusive, [first, last], and a record joins it when it lies
 *   within `gap` of it, inclusive. streamsim writes such a session as the half-open window
 *   {start: first, end: last + 1}, so [start, end) holds exactly its records.
 */
import { assertNever, invariant } from '../kernel/assert.js';
import type { Semantics } from '../model/semantics.js';
import type { Window } from '../model/window.js';

export interface Timed {
  readonly timestamp: number;
}

export interface Session<T extends Timed> {
  readonly window: Window;
  readonly items: readonly T[];
}

/** How one engine opens, joins and grows a session, for items taken in timestamp order. */
interface SessionRule {
  open(t: number): Window;
  /** Does an item at t (t >= session.start, as items come sorted) belong to the session? */
  joins(session: Window, t: number): boolean;
}

function sessionRule(semantics: Semantics, gapMs: number): SessionRule {
  const open = (t: number): Window => ({ start: t, end: t + gapMs });
  // With t >= session.start, the second half of each intersects test (b.start <= a.end) always holds.
  switch (semantics) {
    case 'flink':
      return { open, joins: (s, t) => t <= s.end };
    case 'beam':
    case 'spark':
      return { open, joins: (s, t) => t < s.end };
    case 'kafka-streams':
      // The last record is end − 1; a record within gap of it, inclusive, joins.
      return { open: (t) => ({ start: t, end: t + 1 }), joins: (s, t) => t <= s.end - 1 + gapMs };
    default:
      return assertNever(semantics, 'sessionRule');
  }
}

/**
 * Splits one key's items, sorted by timestamp, into sessions. Interval merging in start order
 * reaches the same fixpoint as merging pairs in any order, because each rule's windows grow only
 * to the right.
 */
export function sessionize<T extends Timed>(sorted: readonly T[], gapMs: number, semantics: Semantics): Session<T>[] {
  invariant(Number.isInteger(gapMs) && gapMs > 0, `sessionize: gapMs must be a positive integer, got ${gapMs}`);
  const rule = sessionRule(semantics, gapMs);
  const sessions: Session<T>[] = [];
  let window: Window | undefined;
  let items: T[] = [];
  for (const item of sorted) {
    const t = item.timestamp;
    if (window !== undefined && t < window.start) throw new Error('sessionize: items must be sorted by timestamp');
    if (window !== undefined && rule.joins(window, t)) {
      const grown = rule.open(t);
      window = { start: window.start, end: Math.max(window.end, grown.end) };
      items.push(item);
      continue;
    }
    if (window !== undefined) sessions.push({ window, items });
    window = rule.open(t);
    items = [item];
  }
  if (window !== undefined) sessions.push({ window, items });
  return sessions;
}
