/** A seeded generator input for generated scenarios: rate, partitions, keys and their distribution, disorder. */
import fc from 'fast-check';
import type { Disorder, GeneratorSpec, KeyDistribution } from '../../src/sim/scenario/types.js';
import { positiveDurationMs } from './durations.js';
import { KEYS_MAX, VALUE_LIMIT } from './events.js';

export interface GeneratorDraw {
  readonly events: number;
  readonly ratePerSec: number;
  readonly partitions: number;
  readonly keys: number;
  readonly distribution: 'uniform' | 'zipf' | 'hot-key';
  readonly disorder: 'none' | 'uniform' | 'heavy-tailed';
  readonly maxDelayMs: number;
}

export function generatorDraw(): fc.Arbitrary<GeneratorDraw> {
  return fc.record({
    events: fc.integer({ min: 50, max: 300 }),
    ratePerSec: fc.integer({ min: 5, max: 200 }),
    partitions: fc.integer({ min: 1, max: 3 }),
    keys: fc.integer({ min: 2, max: KEYS_MAX }),
    distribution: fc.constantFrom<GeneratorDraw['distribution']>('uniform', 'zipf', 'hot-key'),
    disorder: fc.constantFrom<GeneratorDraw['disorder']>('none', 'uniform', 'heavy-tailed'),
    maxDelayMs: positiveDurationMs(1, 10_000),
  });
}

export function toGenerator(d: GeneratorDraw): GeneratorSpec {
  const keyDistribution: KeyDistribution =
    d.distribution === 'uniform'
      ? { type: 'uniform' }
      : d.distribution === 'zipf'
        ? { type: 'zipf', exponent: 1.1 }
        : { type: 'hot-key', shareNumerator: 1, shareDenominator: 2 };
  const disorder: Disorder =
    d.disorder === 'none'
      ? { type: 'none' }
      : d.disorder === 'uniform'
        ? { type: 'uniform', maxDelayMs: d.maxDelayMs }
        : { type: 'heavy-tailed', baseDelayMs: d.maxDelayMs, stragglerNumerator: 1, stragglerDenominator: 10, alpha: 1.5, maxDelayMs: 4 * d.maxDelayMs };
  return {
    events: d.events,
    ratePerSec: d.ratePerSec,
    startMs: 0,
    partitions: d.partitions,
    keys: d.keys,
    keyDistribution,
    valueMin: 0,
    valueMax: VALUE_LIMIT,
    disorder,
  };
}
