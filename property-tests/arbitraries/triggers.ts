/** Triggers for generated scenarios: an optional early firing (count, after the first element, aligned) and a late count. */
import fc from 'fast-check';
import type { FiringSpec, TriggerSpec } from '../../src/sim/scenario/types.js';
import { positiveDurationMs } from './durations.js';

export type EarlyType = 'none' | 'count' | 'after-first-element' | 'aligned';

export interface TriggerDraw {
  readonly early: EarlyType;
  readonly earlyCount: number;
  readonly earlyDelayMs: number;
  readonly earlyEveryMs: number;
  readonly lateCount: number;
}

export function triggerDraw(early: boolean): fc.Arbitrary<TriggerDraw> {
  return fc.record({
    early: early ? fc.constantFrom<EarlyType>('none', 'count', 'after-first-element', 'aligned') : fc.constant<EarlyType>('none'),
    earlyCount: fc.integer({ min: 1, max: 5 }),
    earlyDelayMs: positiveDurationMs(1, 5000),
    earlyEveryMs: positiveDurationMs(1000, 10_000),
    lateCount: fc.integer({ min: 1, max: 3 }),
  });
}

/** The default late firing: every late element fires once more (SCENARIO_DEFAULTS.lateFiring). */
export const DEFAULT_LATE_FIRING: FiringSpec = { type: 'count', count: 1 };

export function toTrigger(d: TriggerDraw): TriggerSpec {
  const late: FiringSpec = { type: 'count', count: d.lateCount };
  switch (d.early) {
    case 'none':
      return { late };
    case 'count':
      return { early: { type: 'count', count: d.earlyCount }, late };
    case 'after-first-element':
      return { early: { type: 'after-first-element', delayMs: d.earlyDelayMs }, late };
    case 'aligned':
      return { early: { type: 'aligned', everyMs: d.earlyEveryMs }, late };
  }
}
