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
import type { Truth } from '../src/sim/truth/exact-answer.js';

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
