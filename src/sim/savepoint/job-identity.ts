/** The identity of a job as a savepoint records it (document.ts, JobIdentity), read off a scenario. */
import { assertNever } from '../kernel/assert.js';
import { DEFAULT_MAX_PARALLELISM } from '../operators/key-groups.js';
import type { Scenario } from '../scenario/types.js';
import { ACCUMULATOR_FIELDS, type JobIdentity } from './document.js';

export function identityOf(scenario: Scenario): JobIdentity {
  return {
    scenario: scenario.name,
    engine: 'native',
    semantics: scenario.semantics,
    timeDomain: scenario.timeDomain,
    window: scenario.window,
    aggregate: scenario.aggregate,
    // The window state keeps one accumulator of all four parts whatever the aggregate (aggregate.ts),
    // so the savepoint holds all four.
    accumulator: ACCUMULATOR_FIELDS,
    accumulation: scenario.accumulation,
    allowedLatenessMs: scenario.allowedLatenessMs,
    trigger: scenario.trigger,
    pipeline: scenario.pipeline,
    parallelism: scenario.parallelism,
    maxParallelism: DEFAULT_MAX_PARALLELISM,
    partitions: inputPartitions(scenario),
  };
}

/** Partitions of the scenario's source log. */
export function inputPartitions(scenario: Scenario): number {
  const input = scenario.input;
  switch (input.kind) {
    case 'timeline':
      return input.partitions;
    case 'generator':
      return input.generator.partitions;
    case 'events':
      return input.partitions;
    default:
      return assertNever(input, 'inputPartitions');
  }
}
