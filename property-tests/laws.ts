/**
 * Laws: reusable assertions over a checked run, and helpers that read the trace and the panes the
 * way a downstream reader would. Each law reads only what a run hands back (trace, panes, truth,
 * check), never the engine's insides, and fails with a message that names the key, window or event.
 *
 * The laws are written from SEMANTICS.md, not from the checkers, so that a checker bug and an
 * engine bug cannot hide each other; where a law restates a checker verdict it says so.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Pane } from '../src/sim/model/pane.js';
import type { Window } from '../src/sim/model/window.js';
import type { CheckResult } from '../src/sim/checkers/check-run.js';
import { buildReport } from '../src/sim/report/report.js';
import { simulate, type CheckedRun } from '../src/sim/report/simulate.js';
import type { AggregateKind, Scenario } from '../src/sim/scenario/types.js';
import type { EventRef, TraceEvent } from '../src/sim/trace/events.js';
import type { Truth, TruthEvent } from '../src/sim/truth/exact-answer.js';
import { Accumulator } from '../src/sim/truth/aggregate.js';
import { sessionize, touchPoints } from '../src/sim/truth/sessions.js';

// ---------------------------------------------------------------------------------------------
// ids and printing

export const refId = (r: EventRef): string => `${r.partition}:${r.offset}`;
const bound = (n: number): string => (n === Infinity ? '+∞' : n === -Infinity ? '-∞' : String(n));
export const windowText = (w: Window): string => `[${bound(w.start)}, ${bound(w.end)})`;
export const resultId = (key: string, w: Window): string => `${key}@${windowText(w)}`;

/** The whole report of a run, as `streamsim run --json` would print it. */
export function reportJson(checked: CheckedRun): string {
  return JSON.stringify(buildReport(checked));
}

// ---------------------------------------------------------------------------------------------
// laws as properties

/** A property over scenarios: simulate each one and hold the run to every law given. */
export function runLaw(arb: fc.Arbitrary<Scenario>, ...laws: ((run: CheckedRun, s: Scenario) => void)[]): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(arb, (s) => {
    const run = simulate(s);
    for (const law of laws) law(run, s);
  });
}

/** Same scenario, same seed: byte-identical reports. */
export function assertDeterministic(s: Scenario, seed?: number): string {
  const options = seed === undefined ? {} : { seed };
  const first = reportJson(simulate(s, options));
  const second = reportJson(simulate(s, options));
  if (first !== second) {
    let at = 0;
    while (at < first.length && first[at] === second[at]) at++;
    assert.fail(`two runs of the same scenario (seed ${seed ?? s.seed}) differ from character ${at}:\n  ${first.slice(Math.max(0, at - 80), at + 80)}\n  ${second.slice(Math.max(0, at - 80), at + 80)}`);
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// watermarks

/** Watermarks never go backwards: per (scope, id), each `watermark-advanced` is >= the one before. */
export function assertWatermarksMonotone(trace: readonly TraceEvent[]): void {
  const last = new Map<string, { watermark: number; index: number }>();
  trace.forEach((e, index) => {
    if (e.type !== 'watermark-advanced') return;
    const id = `${e.scope} ${e.id}`;
    const before = last.get(id);
    if (before !== undefined && e.watermark < before.watermark) {
      assert.fail(`watermark of ${id} went back from ${before.watermark} (trace #${before.index}) to ${e.watermark} (trace #${index}, at ${e.at} ms)`);
    }
    last.set(id, { watermark: e.watermark, index });
  });
}

/** The checker agrees: no watermark violation. */
export function assertCheckerSeesNoWatermarkRegression(check: CheckResult): void {
  assert.deepEqual(check.watermarkViolations, [], 'the watermark checker reports regressions');
}

// ---------------------------------------------------------------------------------------------
// events

/**
 * Every ingested event is accounted for, and the totals add up:
 * windowed + filtered + late-dropped + side-output + mixed = events = the log's size.
 */
export function assertEveryEventAccounted(check: CheckResult, logSize: number): void {
  const t = check.accounting.totals;
  const unaccounted = check.accounting.events.filter((e) => e.outcome === 'unaccounted');
  assert.deepEqual(unaccounted, [], `${unaccounted.length} events unaccounted`);
  assert.equal(t.unaccounted, 0, 'totals.unaccounted');
  assert.equal(check.summary.unaccounted, 0, 'summary.unaccounted');
  assert.equal(t.neverIngested, 0, 'events of the log never ingested');
  assert.equal(t.events, logSize, 'distinct events ingested vs the log');
  assert.equal(t.windowed + t.filtered + t.lateDropped + t.sideOutput + t.mixed, t.events, `outcomes do not add up: ${JSON.stringify(t)}`);
  assert.equal(check.summary.events, t.events, 'summary.events');
}

/** No event met a late check at all. */
export function assertNoLateEvents(trace: readonly TraceEvent[]): void {
  const late = trace.filter((e) => e.type === 'event-late');
  assert.deepEqual(late, [], `${late.length} event-late entries`);
}

// ---------------------------------------------------------------------------------------------
// panes and results

/** The checker's verdicts: no wrong and no duplicated pane. */
export function assertNoWrongPanes(check: CheckResult): void {
  const bad = check.panes.filter((p) => p.verdict === 'wrong' || p.verdict === 'duplicated');
  assert.deepEqual(
    bad.map((v) => ({ verdict: v.verdict, key: v.pane.key, window: windowText(v.pane.window), value: v.pane.value, index: v.pane.index, consumer: v.consumerValue, truth: v.truthValue, seen: v.seenValue })),
    [],
    'wrong or duplicated panes',
  );
}

/** Every truth window's final value the reader holds equals the truth. */
export function assertFinalResultsCorrect(check: CheckResult): void {
  const s = check.summary;
  assert.deepEqual(
    { missing: check.missing.map((m) => `${resultId(m.key, m.window)} ${m.reason}`), incomplete: check.incomplete.map((m) => `${resultId(m.key, m.window)} ${m.finalValue} ≠ ${m.truthValue}`) },
    { missing: [], incomplete: [] },
    `${s.finalCorrect} of ${s.truthWindows} final results correct`,
  );
  assert.equal(s.finalCorrect, s.truthWindows);
}

/** Panes grouped by (key, window), in emission order. */
export function panesByResult(panes: readonly Pane[]): Map<string, Pane[]> {
  const out = new Map<string, Pane[]>();
  for (const p of panes) {
    const id = resultId(p.key, p.window);
    const list = out.get(id);
    if (list === undefined) out.set(id, [p]);
    else list.push(p);
  }
  return out;
}

/** The last non-retraction pane's value per (key, window). */
export function lastValues(panes: readonly Pane[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of panes) if (p.retraction !== true) out.set(resultId(p.key, p.window), p.value);
  return out;
}

/** Σ of pane values per (key, window), retractions negated (only meaningful for count and sum). */
export function signedSums(panes: readonly Pane[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of panes) {
    const id = resultId(p.key, p.window);
    out.set(id, (out.get(id) ?? 0) + (p.retraction === true ? -p.value : p.value));
  }
  return out;
}

/**
 * What a reader holds at the end, per (key, window): a value pane sets it, a retraction of the
 * value held withdraws it (a merged-away session leaves nothing behind). For accumulating output.
 */
export function heldAtEnd(panes: readonly Pane[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of panes) {
    const id = resultId(p.key, p.window);
    if (p.retraction !== true) out.set(id, p.value);
    else if (out.get(id) === p.value) out.delete(id);
  }
  return out;
}

/** The truth as a map from (key, window) to value. */
export function truthValues(truth: Truth): Map<string, number> {
  return new Map(truth.windows.map((w) => [resultId(w.key, w.window), w.value]));
}

/** Aggregates are equal: exactly for count, sum, min and max; within 1e-9 relative for avg. */
export function sameAggregate(kind: AggregateKind, a: number, b: number): boolean {
  if (kind !== 'avg') return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Two result maps hold the same (key, window)s with the same values. */
export function assertSameResults(kind: AggregateKind, actual: ReadonlyMap<string, number>, expected: ReadonlyMap<string, number>, what: string): void {
  const problems: string[] = [];
  for (const [id, want] of expected) {
    const got = actual.get(id);
    if (got === undefined) problems.push(`${id}: missing, expected ${want}`);
    else if (!sameAggregate(kind, got, want)) problems.push(`${id}: ${got}, expected ${want}`);
  }
  for (const [id, got] of actual) if (!expected.has(id)) problems.push(`${id}: ${got}, not expected at all`);
  assert.deepEqual(problems.sort(), [], what);
}

/**
 * What a reader holds at the end of a session run for its outermost windows, the others being
 * inside one of them: a session that fired, then merged into a larger one, with no retraction to
 * withdraw it (Flink keeps a fired window's state for the allowed lateness). The values are the
 * checker's reader's (consumer-view.ts), which adds discarding panes up, also across a merge; a
 * retraction of the value held withdraws it.
 */
function outermostHeldAtEnd(check: CheckResult): Map<string, { pane: Pane; value: number }> {
  const held = new Map<string, { pane: Pane; value: number }>();
  for (const v of check.panes) {
    const id = resultId(v.pane.key, v.pane.window);
    if (v.pane.retraction !== true) held.set(id, { pane: v.pane, value: v.consumerValue });
    else if (held.get(id)?.value === v.pane.value) held.delete(id);
  }
  const all = [...held.values()].map((h) => h.pane);
  const inside = (p: Pane): boolean =>
    all.some((q) => q !== p && q.key === p.key && q.window.start <= p.window.start && p.window.end <= q.window.end);
  return new Map([...held].filter(([, h]) => !inside(h.pane)));
}

/** The truth's kept events per key, sorted as the truth sorts them (timestamp, partition, offset). */
function keptEventsByKey(truth: Truth): Map<string, TruthEvent[]> {
  const byKey = new Map<string, TruthEvent[]>();
  for (const e of truth.events) {
    if (!e.kept) continue;
    const list = byKey.get(e.key);
    if (list === undefined) byKey.set(e.key, [e]);
    else list.push(e);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.timestamp - b.timestamp || a.ref.partition - b.ref.partition || a.ref.offset - b.ref.offset);
  return byKey;
}

/** Does any session of the exact answer hold a touch point (only Flink's can: truth/sessions.ts touchPoints)? */
export function hasTouchPoints(r: CheckedRun): boolean {
  const s = r.run.scenario;
  if (s.window.type !== 'session') return false;
  const gapMs = s.window.gapMs;
  return [...keptEventsByKey(r.truth).values()].some((list) => touchPoints(list, gapMs, s.semantics).length > 0);
}

/**
 * The exact answer, with those of its Flink sessions split that the run's final results split at a
 * touch point (truth/sessions.ts touchPoints: an element exactly gap after the one before it). A
 * watermark that never makes data late can still fire [t, t + gap) before the element at t + gap
 * arrives, and with no allowed lateness Flink clears it, so the element opens a new session.
 */
function truthSplitAt(r: CheckedRun, gapMs: number, starts: ReadonlySet<string>): Map<string, number> {
  const s = r.run.scenario;
  const out = new Map<string, number>();
  for (const [key, list] of keptEventsByKey(r.truth)) {
    for (const session of sessionize(list, gapMs, s.semantics, (e) => starts.has(`${key}@${e.timestamp}`))) {
      const acc = new Accumulator();
      for (const e of session.items) acc.add(e.value);
      const value = acc.result(s.aggregate);
      if (value !== null) out.set(resultId(key, session.window), value);
    }
  }
  return out;
}

/**
 * Session windows: the reader's outermost results equal the exact answer up to splits at touch
 * points (the others are earlier panes of sessions that merged later). Any other difference from
 * the truth fails: a missing, extra or differently bounded session, or a wrong value.
 */
export function assertFinalSessionsUpToTouchSplits(r: CheckedRun, what: string): void {
  const s = r.run.scenario;
  if (s.window.type !== 'session') throw new Error('assertFinalSessionsUpToTouchSplits: a session scenario expected');
  const outer = outermostHeldAtEnd(r.check);
  const starts = new Set([...outer.values()].map(({ pane }) => `${pane.key}@${pane.window.start}`));
  assertSameResults(s.aggregate, new Map([...outer].map(([id, h]) => [id, h.value])), truthSplitAt(r, s.window.gapMs, starts), what);
}
