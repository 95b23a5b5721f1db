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
  /** Does it join only because the windows touch (t = session.end), which only Flink allows? */
  touches(session: Window, t: number): boolean;
}

function sessionRule(semantics: Semantics, gapMs: number): SessionRule {
  const open = (t: number): Window => ({ start: t, end: t + gapMs });
  // With t >= session.start, the second half of each intersects test (b.start <= a.end) always holds.
  switch (semantics) {
    case 'flink':
      return { open, joins: (s, t) => t <= s.end, touches: (s, t) => t === s.end };
    case 'beam':
    case 'spark':
      return { open, joins: (s, t) => t < s.end, touches: () => false };
    case 'kafka-streams':
      // The last record is end − 1; a record within gap of it, inclusive, joins.
      return { open: (t) => ({ start: t, end: t + 1 }), joins: (s, t) => t <= s.end - 1 + gapMs, touches: () => false };
    default:
      return assertNever(semantics, 'sessionRule');
  }
}

/**
 * Splits one key's items, sorted by timestamp, into sessions. Interval merging in start order
 * reaches the same fixpoint as merging pairs in any order, because each rule's windows grow only
 * to the right.
 *
 * `splitAtTouch` names touch points (see touchPoints) at which to start a new session instead:
 * what a run whose watermark never made data late may still have done there.
 */
export function sessionize<T extends Timed>(sorted: readonly T[], gapMs: number, semantics: Semantics, splitAtTouch?: (item: T) => boolean): Session<T>[] {
  invariant(Number.isInteger(gapMs) && gapMs > 0, `sessionize: gapMs must be a positive integer, got ${gapMs}`);
  const rule = sessionRule(semantics, gapMs);
  const sessions: Session<T>[] = [];
  let window: Window | undefined;
  let items: T[] = [];
  for (const item of sorted) {
    const t = item.timestamp;
    if (window !== undefined && t < window.start) throw new Error('sessionize: items must be sorted by timestamp');
    const split = window !== undefined && splitAtTouch !== undefined && rule.touches(window, t) && splitAtTouch(item);
    if (window !== undefined && !split && rule.joins(window, t)) {
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

/**
 * The items that join their session only by touching it: under Flink, an item at exactly the
 * session's end, i.e. the previous item + gap (TimeWindow.intersects: a.start <= b.end, so
 * [t, t + gap) and [t + gap, t + 2·gap) merge). None under the other engines.
 *
 * These are the only places where even a perfect watermark can split a session of the exact
 * answer, and Flink really does split it there. EventTimeTrigger fires [t, t + gap) once
 * window.maxTimestamp() = t + gap − 1 <= watermark, and the perfect watermark reaches t + gap − 1
 * ("nothing at or before it is still to come") while the item at t + gap still is. With allowed
 * lateness 0 WindowOperator clears the window at the same watermark (its cleanup time is
 * maxTimestamp + allowedLateness) and retires it from the MergingWindowSet, so the item, which is
 * not late, opens a new session. With allowed lateness >= 1 ms the fired window's state is still
 * there, and the item merges into it as in the exact answer. The exact answer stays what a batch
 * run gives; the property tests say that a perfect watermark reproduces it up to these splits.
 */
export function touchPoints<T extends Timed>(sorted: readonly T[], gapMs: number, semantics: Semantics): T[] {
  const rule = sessionRule(semantics, gapMs);
  const out: T[] = [];
  let window: Window | undefined;
  for (const item of sorted) {
    const t = item.timestamp;
    if (window !== undefined && rule.joins(window, t)) {
      if (rule.touches(window, t)) out.push(item);
      window = { start: window.start, end: Math.max(window.end, rule.open(t).end) };
    } else {
      window = rule.open(t);
    }
  }
  return out;
}
