/**
 * The rules where Flink, Beam, Spark Structured Streaming and Kafka Streams differ
 * (SEMANTICS.md, "Where the engines' rules differ"). The window operator asks these questions and
 * never hard-codes one engine's answer; the scenario's `semantics` picks the rule book.
 *
 * Convention: every rule answers in terms of the operator's progress clock, which is the watermark
 * for Flink, Beam and Spark, and stream time (the largest timestamp seen) for Kafka Streams.
 */
import type { Semantics } from '../model/semantics.js';
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import { assertNever } from '../kernel/assert.js';

export interface EngineRules {
  readonly semantics: Semantics;
  /** What advances the window operator's clock. */
  readonly progressClock: 'watermark' | 'stream-time';
  /** Bounded out-of-orderness watermark from the largest timestamp seen and the bound. */
  boundedWatermark(maxSeen: number, boundMs: number): number;
  /** The watermark that says "every timestamp < t has arrived", in this engine's convention. */
  completeBefore(t: number): number;
  /** The smallest clock value at which the window's on-time (final) result is due. */
  fireAt(w: Window, sessionGapMs: number | undefined, latenessMs: number): number;
  /** The smallest clock value at which the window's state is gone and its data is too late. */
  expireAt(w: Window, sessionGapMs: number | undefined, latenessMs: number): number;
  /** Do two session windows of a key merge? */
  sessionsMerge(a: Window, b: Window, gapMs: number): boolean;
  /** The window a lone element at `t` opens, before merging. */
  sessionOf(t: number, gapMs: number): Window;
  /** Is an on-time pane emitted when the window holds nothing new (or nothing at all)? */
  readonly emitsEmptyOnTimePane: boolean;
  /** How an operator with several inputs combines their watermarks. */
  readonly combineInputs: 'min' | 'max';
  /** Does a bounded input's end send the watermark to +∞ and flush every window? */
  readonly flushesAtEndOfInput: boolean;
}

/**
 * Flink. Watermark W means "no more elements with timestamp <= W", hence maxSeen − B − 1
 * (BoundedOutOfOrdernessWatermarks.onPeriodicEmit). EventTimeTrigger fires when
 * window.maxTimestamp() <= watermark; WindowOperator.isWindowLate drops when
 * maxTimestamp + allowedLateness <= watermark. Sessions merge when they overlap or touch
 * (TimeWindow.intersects uses <=). A purged (empty) window does not emit (contents == null).
 */
const flink: EngineRules = {
  semantics: 'flink',
  progressClock: 'watermark',
  boundedWatermark: (maxSeen, b) => maxSeen - b - 1,
  completeBefore: (t) => t - 1,
  fireAt: (w) => w.end - 1,
  expireAt: (w, _gap, l) => w.end - 1 + l,
  sessionsMerge: (a, b) => a.start <= b.end && b.start <= a.end,
  sessionOf: (t, gap) => ({ start: t, end: t + gap }),
  emitsEmptyOnTimePane: false,
  combineInputs: 'min',
  flushesAtEndOfInput: true,
};

/**
 * Beam. Watermark W means "no more elements with timestamp < W". AfterWatermark.pastEndOfWindow
 * fires once the watermark passes maxTimestamp (W >= end); a window is garbage-collected, and later
 * data dropped, when maxTimestamp + allowedLateness < W. Sessions merge only when they overlap
 * (IntervalWindow.intersects is strict). OnTimeBehavior.FIRE_ALWAYS emits the on-time pane even
 * when empty. Watermark from a delay bound: KafkaIO's CustomTimestampPolicyWithLimitedDelay,
 * maxEventTime − maxDelay.
 */
const beam: EngineRules = {
  semantics: 'beam',
  progressClock: 'watermark',
  boundedWatermark: (maxSeen, b) => maxSeen - b,
  completeBefore: (t) => t,
  fireAt: (w) => w.end,
  expireAt: (w, _gap, l) => w.end + l,
  sessionsMerge: (a, b) => a.start < b.end && b.start < a.end,
  sessionOf: (t, gap) => ({ start: t, end: t + gap }),
  emitsEmptyOnTimePane: true,
  combineInputs: 'min',
  flushesAtEndOfInput: true,
};

/**
 * Spark Structured Streaming. withWatermark(col, delay): watermark = max event time seen − delay,
 * computed over all partitions together (so the combine is max, not min; the perfect watermark,
 * a minimum, is the exception: rulesForScenario), applied at the next
 * trigger. Window state ending at T is finalised and evicted only when watermark > T (strict), which
 * is also when later data for it is dropped; there is no allowed lateness beyond the delay. A query
 * over a finite input does not advance the watermark past its data: the last windows never emit
 * in append mode.
 */
const spark: EngineRules = {
  semantics: 'spark',
  progressClock: 'watermark',
  boundedWatermark: (maxSeen, b) => maxSeen - b,
  completeBefore: (t) => t,
  fireAt: (w) => w.end + 1,
  expireAt: (w) => w.end + 1,
  sessionsMerge: (a, b) => a.start < b.end && b.start < a.end,
  sessionOf: (t, gap) => ({ start: t, end: t + gap }),
  emitsEmptyOnTimePane: false,
  combineInputs: 'max',
  flushesAtEndOfInput: false,
};

/**
 * Kafka Streams. No watermark: stream time is the largest record timestamp seen and moves only when
 * records arrive. KStreamWindowAggregate drops a record for a window once
 * streamTime >= windowEnd + grace (the code's rule; the docs say >). suppress(untilWindowCloses)
 * emits when that close time is reached. Session windows are inclusive [first, last]; here they are
 * held as [first, last + 1) and a new record merges when it lies within `gap` of either end.
 *
 * Sessions close in two steps one millisecond apart ⚑. suppress(untilWindowCloses) takes gap +
 * grace as its suppress duration (GraphGraceSearchUtil) and emits a session once
 * last <= streamTime − gap − grace (KTableSuppressProcessor: minTimestamp <= expiryTime), so the
 * result is due at last + gap + grace. KStreamSessionWindowAggregate drops a record only when
 * mergedWindow.end() < streamTime − grace − gap, so it still accepts records at that stream time
 * and expires the session at last + gap + grace + 1. streamsim keeps the session's state until then,
 * as the aggregator's rule asks. (The session store itself, with retention gap + grace, keeps only
 * sessions ending after streamTime − retention, InMemorySessionStore.removeExpiredSegments, so
 * without a record cache in front of it a record in that millisecond may start a new session
 * instead of merging: not modelled.)
 */
const kafkaStreams: EngineRules = {
  semantics: 'kafka-streams',
  progressClock: 'stream-time',
  boundedWatermark: (maxSeen) => maxSeen,
  completeBefore: (t) => t,
  fireAt: (w, gap, l) => (gap === undefined ? w.end + l : w.end - 1 + gap + l),
  expireAt: (w, gap, l) => (gap === undefined ? w.end + l : w.end + gap + l),
  sessionsMerge: (a, b, gap) => a.start <= b.end - 1 + gap && b.start <= a.end - 1 + gap,
  sessionOf: (t) => ({ start: t, end: t + 1 }),
  emitsEmptyOnTimePane: false,
  combineInputs: 'max',
  flushesAtEndOfInput: false,
};

/**
 * The rule book a run of `scenario` follows: its engine's, with one change for the oracle.
 *
 * Spark has one watermark per stream, taken over all its partitions together (EventTimeWatermarkExec
 * tracks the largest event time of every partition; the driver's WatermarkTracker turns it into
 * max − delay). streamsim keeps a generator per partition and gets Spark's single value by combining
 * them with the aggregate the estimate is built from: max, for max event time − delay. The perfect
 * watermark is built from the smallest pending event time instead, so its value over all
 * partitions is the minimum of the partitions' values: combined by max, the most advanced partition
 * (and +∞ once any partition is exhausted) would carry the watermark past the others' pending data
 * and make it late, which an oracle never does. So under the perfect watermark every input is
 * combined by min, which is also what carries it safely in line with the records through the
 * channels (Flink's StatusWatermarkValve). spark.sql.streaming.multipleWatermarkPolicy is a
 * different knob: it combines the watermarks of several input streams, of which a scenario has one.
 */
export function rulesForScenario(scenario: Pick<Scenario, 'semantics' | 'watermark'>): EngineRules {
  const rules = rulesFor(scenario.semantics);
  // Kafka Streams' windows follow stream time, whatever the watermarks do: nothing to change there.
  if (scenario.watermark.type !== 'perfect' || rules.combineInputs === 'min' || rules.progressClock !== 'watermark') return rules;
  return { ...rules, combineInputs: 'min' };
}

export function rulesFor(semantics: Semantics): EngineRules {
  switch (semantics) {
    case 'flink':
      return flink;
    case 'beam':
      return beam;
    case 'spark':
      return spark;
    case 'kafka-streams':
      return kafkaStreams;
    default:
      return assertNever(semantics, 'rulesFor');
  }
}
