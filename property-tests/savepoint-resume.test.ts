/**
 * Resuming from a savepoint loses nothing and counts nothing twice: a job that takes a savepoint at
 * offsets O, written to the savepoint format and read back, then resumed (at another source and
 * window parallelism and a longer allowed lateness, changes the compatibility check allows) and run to the
 * end, leaves a reader with the same final result for every key and window as the uninterrupted
 * run. The reader sees what a Kappa upgrade gives it: the panes each window task of the first job
 * emitted before it snapshotted its state for the savepoint, then the resumed job's panes.
 *
 * The watermark is the perfect one, under the watermark-driven rule books (Flink, Beam): a
 * heuristic watermark's generator keeps no state in a savepoint (as in Flink), so after a resume it
 * can judge lateness differently, which is a real difference and not a restore bug. Flink's session
 * windows are left out for the reason perfect-watermark.test.ts gives.
 *
 * A second property holds the decoder to its promise: a savepoint file cut short, with a character
 * changed, or with any field given another value (and signed again, so the checks behind the
 * checksum are reached) is refused with one SavepointError line, or decodes to state that the
 * engine restores without an error. Never a crash, never a half-read state.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConsumerView, type Held } from '../src/sim/checkers/consumer-view.js';
import { sameValue } from '../src/sim/checkers/values.js';
import { runEngine } from '../src/sim/engines/run.js';
import { checkCompatibility, offsetMismatch } from '../src/sim/savepoint/compatibility.js';
import { checksumOf } from '../src/sim/savepoint/checksum.js';
import { decodeSavepoint, SavepointError } from '../src/sim/savepoint/decode.js';
import { encodeSavepoint, savepointDocument } from '../src/sim/savepoint/encode.js';
import { startPointOf } from '../src/sim/savepoint/resume.js';
import { NO_FAULT_TOLERANCE, type Scenario } from '../src/sim/scenario/types.js';
import type { TraceEvent } from '../src/sim/trace/events.js';
import { exampleScenario, row, rowsOf, scenarioArb } from './arbitraries.js';
import { resultId } from './laws.js';
import { checkProperty } from './replay.js';

const perfect = { watermarks: ['perfect'], semantics: ['flink', 'beam'], emptySourceTasks: false } as const;
const flinkSessions = (s: Scenario): boolean => s.semantics === 'flink' && s.window.type === 'session';

interface Draw {
  readonly scenario: Scenario;
  /** Where in the span of arrival times the savepoint is taken, as a fraction. */
  readonly at: number;
  readonly windowParallelism: number;
  readonly sourceParallelism: number;
  readonly extraLatenessMs: number;
}

const drawArb: fc.Arbitrary<Draw> = fc.record({
  scenario: scenarioArb(perfect).filter((s) => !flinkSessions(s)),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  windowParallelism: fc.integer({ min: 1, max: 4 }),
  sourceParallelism: fc.integer({ min: 1, max: 3 }),
  extraLatenessMs: fc.constantFrom(0, 1000, 30_000),
});

/** What a reader holds per (key, window) after the panes and session merges of `entries`, in order: its results. */
function readerFinals(s: Scenario, entries: readonly TraceEvent[], held = new Map<string, Held>()): Map<string, Held> {
  const view = new ConsumerView(s.accumulation, s.aggregate);
  for (const e of entries) {
    if (e.type === 'pane-fired' && e.pane.retraction !== true) {
      const id = resultId(e.pane.key, e.pane.window);
      held.set(id, view.receive(held.get(id), e.pane));
    } else if (e.type === 'windows-merged') {
      // The merged sessions are results no more: what the reader held for them moves to the new one.
      const ids = [...new Set([e.into, ...e.from].map((w) => resultId(e.key, w)))];
      const merged = view.merge(ids.flatMap((id) => held.get(id) ?? []));
      for (const id of ids) held.delete(id);
      if (merged !== undefined) held.set(resultId(e.key, e.into), merged);
    }
  }
  return held;
}

/** The first job's output up to the savepoint: each window task's entries before its snapshot for `id`. */
function beforeSnapshot(trace: readonly TraceEvent[], id: number): TraceEvent[] {
  const snapshotted = new Set<number>();
  const out: TraceEvent[] = [];
  for (const e of trace) {
    if (e.type === 'checkpoint-snapshot' && e.id === id) snapshotted.add(e.task);
    else if ((e.type === 'pane-fired' || e.type === 'windows-merged') && !snapshotted.has(e.task)) out.push(e);
  }
  return out;
}

/**
 * Beam sessions (gap 2 s, discarding, early 1 s after the first element): k0 at 5000 and 6000 both
 * arrive at 23000 and merge into [5000, 8000); the savepoint is taken at 23000. The merge made the
 * early timer of [5000, 7000) stale, so the uninterrupted run fires no early pane at 24000, but the
 * snapshot keeps the window's processingTimerAt and the resumed job re-arms it and fires an EARLY
 * pane of 2. k0 at 7662 (arrival 24001) then merges everything into [5000, 9662), whose final result
 * is 3 either way: the results agree, the panes on the way differ (window-operator.ts snapshot).
 */
const STALE_SESSION_TIMER: Draw = {
  scenario: exampleScenario([row('k0', 0, 5000, 23000), row('k0', 0, 7662, 24001), row('k0', 0, 6000, 23000)], {
    semantics: 'beam',
    window: { type: 'session', gapMs: 2000 },
    accumulation: 'discarding',
    trigger: { early: { type: 'after-first-element', delayMs: 1000 }, late: { type: 'count', count: 1 } },
  }),
  at: 0,
  windowParallelism: 1,
  sourceParallelism: 1,
  extraLatenessMs: 0,
};

function partitionsOf(s: Scenario): number {
  return s.input.kind === 'events' ? s.input.partitions : 1;
}

function valuesOf(held: ReadonlyMap<string, Held>): Map<string, number> {
  return new Map([...held].filter(([, h]) => !Number.isNaN(h.value)).map(([id, h]) => [id, h.value]));
}

test('savepoint resume: a resumed job leaves the reader with the final results of the uninterrupted run', (t) => {
  checkProperty(
    fc.property(drawArb, ({ scenario, at, windowParallelism, sourceParallelism, extraLatenessMs }) => {
      const arrivals = rowsOf(scenario).map((r) => r.arrivalTime);
      if (arrivals.length === 0) return;
      const first = Math.min(...arrivals);
      const last = Math.max(...arrivals);
      const atMs = first + Math.floor(at * (last - first + 1));
      const job: Scenario = { ...scenario, faultTolerance: { ...NO_FAULT_TOLERANCE, savepointsAtMs: [atMs] } };
      const whole = runEngine('native', job);
      const savepoint = whole.savepoints[0];
      // A savepoint needs a running job: none is taken once every task has finished.
      if (savepoint === undefined) return;
      const doc = decodeSavepoint(encodeSavepoint(savepointDocument(job, savepoint)), 'property.json').document;
      const upgraded: Scenario = {
        ...scenario,
        // No more source tasks than partitions, as the scenarios drawn here (emptySourceTasks: false).
        parallelism: { source: Math.min(sourceParallelism, partitionsOf(scenario)), window: windowParallelism },
        allowedLatenessMs: scenario.allowedLatenessMs + extraLatenessMs,
      };
      assert.deepEqual(checkCompatibility(doc, upgraded).mismatches, []);
      const resumed = runEngine('native', upgraded, { fromSavepoint: startPointOf(doc) });
      const expected = valuesOf(readerFinals(scenario, whole.trace));
      const actual = valuesOf(readerFinals(scenario, resumed.trace, readerFinals(scenario, beforeSnapshot(whole.trace, savepoint.id))));
      const differing = [...new Set([...expected.keys(), ...actual.keys()])]
        .filter((id) => !sameValue(actual.get(id) ?? null, expected.get(id) ?? null))
        .map((id) => `${id}: resumed ${actual.get(id)}, uninterrupted ${expected.get(id)}`);
      assert.deepEqual(differing, [], `savepoint ${savepoint.id} at ${atMs} (offsets ${JSON.stringify(savepoint.offsets)})`);
    }),
    { file: import.meta.url, test: t, examples: [[STALE_SESSION_TIMER]] },
  );
});

/** Every path to a value in a JSON tree. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
  return [path, ...children.flatMap(([k, v]) => pathsOf(v, [...path, k]))];
}

function replaced(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head as string | number] = replaced(copy[head as string | number], rest, value);
  return copy;
}

test('savepoint decoding: a file cut short, a flipped character or any value in any field is refused with a SavepointError, never a crash', (t) => {
  // Three events on partition 0: the CLI's offset check (savepoints.ts checkOffsets) counts them from the log.
  const scenario = { ...exampleScenario([row('k0', 3, 500, 600), row('k1', 4, 700, 800), row('k0', 5, 1500, 1600)]), faultTolerance: { ...NO_FAULT_TOLERANCE, savepointsAtMs: [900] } };
  const savepoint = runEngine('native', scenario).savepoints[0];
  assert.ok(savepoint, 'the fixture takes a savepoint');
  const text = encodeSavepoint(savepointDocument(scenario, savepoint));
  const json = JSON.parse(text) as Record<string, unknown>;
  const paths = pathsOf(json).filter((p) => p[0] !== 'checksum');
  const valueAt = (path: readonly (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], json);
  // Numbers and flags changed to other plausible ones pass the schema more often, and reach the restore.
  const numeric = paths.filter((p) => typeof valueAt(p) === 'number' || typeof valueAt(p) === 'boolean');
  const signed = (path: readonly (string | number)[], value: unknown): string => {
    const edited = replaced(json, path, value) as Record<string, unknown>;
    if (edited === null || typeof edited !== 'object' || Array.isArray(edited)) return JSON.stringify(edited);
    const { checksum: _checksum, ...body } = edited;
    return JSON.stringify({ ...body, checksum: checksumOf(body) });
  };
  const outcome = (candidate: string): void => {
    try {
      // Whatever decodes restores without an error: the checks leave no state the engine cannot take.
      const doc = decodeSavepoint(candidate, 'fuzz.json').document;
      const fits = checkCompatibility(doc, scenario).mismatches.length === 0 && offsetMismatch(doc, (p) => (p === 0 ? 3 : 0)) === undefined;
      if (fits) runEngine('native', scenario, { fromSavepoint: startPointOf(doc) });
    } catch (error) {
      if (!(error instanceof SavepointError)) throw error;
      assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    }
  };
  checkProperty(
    fc.property(
      fc.oneof(
        fc.nat({ max: text.length - 1 }).map((n) => text.slice(0, n)),
        fc.tuple(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
        fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, value]) => signed(path, value)),
        fc.tuple(fc.constantFrom(...numeric), fc.oneof(fc.integer({ min: -3, max: 200_000 }), fc.boolean())).map(([path, value]) => signed(path, value)),
      ),
      outcome,
    ),
    { file: import.meta.url, test: t },
  );
});
