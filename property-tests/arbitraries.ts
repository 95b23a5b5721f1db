/**
 * Arbitraries for small normalized Scenarios (src/sim/scenario/types.ts), built directly as
 * objects rather than YAML, for the property tests beside this file.
 *
 * How to run and replay
 * ---------------------
 *   npx tsc -p . && node --test dist/property-tests/<name>.test.js     one property
 *   npm run test:props   (node scripts/run-tests.mjs props)            all of them, once built
 *   FC_NUM_RUNS=500 node scripts/run-tests.mjs props                   more runs per property (default 100)
 * A failing property prints fast-check's report (the shrunk counterexample, its seed and path)
 * and the command that replays it:
 *   FC_SEED=<seed> FC_PATH="<path>" node --enable-source-maps --test dist/property-tests/<name>.test.js
 * FC_SEED alone replays the whole run; with FC_PATH it goes straight to the shrunk counterexample.
 * replay.ts reads these variables and passes { numRuns, seed, path } to fast-check.
 *
 * Shrinking
 * ---------
 * Every arbitrary draws a record of primitives (integers, constants) and maps it to a Scenario
 * in one pure step (`toScenario`), so fast-check shrinks the primitives: fewer events, smaller
 * times, key k0, partition 0, the first window type, the first semantics in the list. Cross-field
 * rules (Spark has no triggers and no allowed lateness; Kafka Streams has no triggers and is
 * accumulating) are applied in that same map, never by filtering, so no draw is wasted.
 *
 * Constraints
 * -----------
 * `ScenarioConstraints` narrows the space for a property (only perfect watermarks, only tumbling
 * windows…); every field has a documented default, and the default is the whole space below.
 *
 * The pieces live in arbitraries/, one a part of the scenario: durations, events, windows,
 * watermarks, triggers, pipeline, settings (and toScenario), generator, failures. This file is
 * the public surface the properties import from.
 */
import fc from 'fast-check';
import type { Scenario } from '../src/sim/scenario/types.js';
import { eventsDraw, eventsInput, EVENTS_MAX, toRows, type EventRow } from './arbitraries/events.js';
import { generatorDraw, toGenerator } from './arbitraries/generator.js';
import { settingsDraw, toScenario, type ScenarioConstraints, type SettingsDraw } from './arbitraries/settings.js';

export { durationMs } from './arbitraries/durations.js';
export {
  DELAY_LIMIT_MS,
  EVENT_TIME_LIMIT_MS,
  EVENTS_MAX,
  KEYS_MAX,
  PARTITIONS_MAX,
  VALUE_LIMIT,
  eventDraw,
  eventsDraw,
  eventsInput,
  eventTimeMs,
  row,
  rowsOf,
  toRows,
  type EventDraw,
  type EventRow,
  type EventsDraw,
} from './arbitraries/events.js';
export { failureScheduleArb, faultToleranceArb, faultyScenarioArb, type FailureScheduleConstraints, type FaultToleranceDraw } from './arbitraries/failures.js';
export {
  ALL_ACCUMULATIONS,
  ALL_AGGREGATES,
  ALL_SEMANTICS,
  seedArb,
  settingsDraw,
  toScenario,
  type ScenarioConstraints,
  type SettingsDraw,
} from './arbitraries/settings.js';
export { DEFAULT_LATE_FIRING, toTrigger } from './arbitraries/triggers.js';
export { ALL_WATERMARKS, toWatermark, type WatermarkType } from './arbitraries/watermarks.js';
export { ALL_WINDOWS, slideDivisors, toWindow, type WindowType } from './arbitraries/windows.js';

/** A scenario over 0–40 explicit events with arrival times (input.kind 'events'). */
export function scenarioArb(c: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({ events: eventsDraw(c.maxEvents ?? EVENTS_MAX), settings: settingsDraw(c) })
    .map(({ events, settings }) => toScenario(eventsInput(toRows(events), events.partitions), settings));
}

/** A scenario over a seeded generator (input.kind 'generator'): 50–300 events, 2–4 keys, values in [0, 20). */
export function generatorScenarioArb(c: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({ generator: generatorDraw(), settings: settingsDraw(c) })
    .map(({ generator, settings }) => toScenario({ kind: 'generator', generator: toGenerator(generator) }, settings));
}

/** The same scenario with other settings, for properties that compare two runs. */
export function withSettings(s: Scenario, patch: Partial<Scenario>): Scenario {
  return { ...s, ...patch };
}

/** The settings of a hand-written example: Flink, 1 s tumbling count, perfect watermark, no early firings, parallelism 1. */
export const EXAMPLE_SETTINGS: SettingsDraw = {
  seed: 0,
  semantics: 'flink',
  window: { type: 'tumbling', sizeMs: 1000, slidePick: 0, offsetMs: 0 },
  aggregate: 'count',
  watermark: { type: 'perfect', maxDelayMs: 0, intervalMs: 200, percentile: 50, sample: 1 },
  trigger: { early: 'none', earlyCount: 1, earlyDelayMs: 1, earlyEveryMs: 1000, lateCount: 1 },
  latenessMs: 0,
  accumulation: 'accumulating',
  lateData: 'drop',
  sourceParallelism: 1,
  windowParallelism: 1,
  channelDelayMs: 0,
  pipeline: { on: false, multiply: 1, add: 0, valueMin: 0, valueSpan: 1, keyParity: 'any' },
  emptySourceTasks: true,
};

/**
 * A hand-written scenario for a known counterexample: one partition, Flink rules, tumbling 1 s,
 * count, perfect watermark, no early firings, everything else at its default; `patch` overrides.
 */
export function exampleScenario(rows: readonly EventRow[], patch: Partial<Scenario> = {}): Scenario {
  const partitions = rows.reduce((n, r) => Math.max(n, r.partition + 1), 1);
  const base = toScenario(eventsInput(rows, partitions), EXAMPLE_SETTINGS);
  return { ...base, ...patch };
}
