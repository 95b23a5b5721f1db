/**
 * Test support: small scenarios written inline, run through the real simulator, so the UI tests
 * read real traces. Each stands for one lesson the UI must show correctly.
 */
import { parseScenario } from '../sim/scenario/parse.js';
import { SCORES } from '../sim/scenario/parse.test-support.js';
import type { Scenario } from '../sim/scenario/types.js';
import { simulate, type CheckedRun } from '../sim/report/simulate.js';
import { buildTimeline, type Timeline } from './model/timeline.js';

/** Streaming Systems' team scores: two windows, an early and an on-time pane each, a scripted watermark. */
/** The issue's scores example (parse.test-support.ts), with a story and the concepts it covers for the UI to show. */
export const SCORES_YAML = `
${SCORES.replace(
  'semantics: beam\n',
  `story: |
  Two scores arrive for TeamX. An early trigger shows a speculative sum a minute after
  the first score; the watermark then closes each window.
covers: [event time, watermarks, early panes]
semantics: beam
`,
)}`;

/** Flink with one minute of allowed lateness: one event on time, one late but allowed, one dropped. */
export const LATE_YAML = `
name: late
description: Late data under Flink, allowed and dropped
semantics: flink
input:
  timeline:
    - { at: "12:00:30", events: [{ key: A, value: 1, eventTime: "12:00:10" }, { key: B, value: 10, eventTime: "12:00:20" }] }
    - { at: "12:01:00", watermark: "12:01:00" }
    - { at: "12:01:20", events: [{ key: A, value: 2, eventTime: "12:00:40" }] }
    - { at: "12:02:30", watermark: "12:02:30" }
    - { at: "12:02:40", events: [{ key: A, value: 4, eventTime: "12:00:50" }] }
    - { at: "12:03:00", watermark: end }
window: { type: tumbling, size: 1m }
aggregate: sum
watermark: { type: scripted }
allowedLateness: 1m
`;

/** A generated run with disorder: four partitions read by two source tasks, two window tasks; watermarks held back, late data. */
export const GENERATED_YAML = `
name: generated
description: Generated events with disorder
semantics: flink
seed: 7
input:
  generator:
    events: 400
    rate: 20
    partitions: 4
    keys: 3
    disorder: { uniform: 4s }
window: { type: tumbling, size: 5s }
aggregate: count
watermark: { type: bounded-out-of-orderness, maxDelay: 1s }
parallelism: { source: 2, window: 2 }
`;

export function scenarioOf(yaml: string): Scenario {
  return parseScenario(yaml, 'test.yaml', {
    readFile: () => {
      throw new Error('test scenarios read no files');
    },
    parseEventFile: () => [],
  });
}

export function checkedOf(yaml: string, seed?: number): CheckedRun {
  return simulate(scenarioOf(yaml), seed === undefined ? {} : { seed });
}

export function timelineOf(yaml: string): Timeline {
  return buildTimeline(checkedOf(yaml));
}

/** Lets ink and React settle after a write: effects run and the next frame is written. No timers involved. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
