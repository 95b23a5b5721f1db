/**
 * Early and late firings (Beam's AfterWatermark.pastEndOfWindow().withEarlyFirings(..).withLateFirings(..)):
 * each phase repeats its sub-trigger forever. Like Flink's Trigger, these functions keep no state
 * of their own: they look at the pane and answer "fire now", "set a processing-time timer", or
 * nothing.
 */
import type { FiringSpec } from '../scenario/types.js';
import { assertNever } from '../kernel/assert.js';

export type FiringDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'fire' }
  | { readonly kind: 'timer'; readonly at: number };

const NONE: FiringDecision = { kind: 'none' };
const FIRE: FiringDecision = { kind: 'fire' };

/**
 * Decides after an element joined a pane that now holds `paneCount` elements.
 * - count n: AfterPane.elementCountAtLeast(n) fires as the n-th element arrives.
 * - after-first-element d: AfterProcessingTime.pastFirstElementInPane().plusDelayOf(d): the first
 *   element of a pane sets a timer d later.
 * - aligned p: AfterProcessingTime.pastFirstElementInPane().alignedTo(p): the first element sets a
 *   timer at the next multiple of p strictly after now.
 */
export function onElement(spec: FiringSpec | undefined, paneCount: number, now: number): FiringDecision {
  if (spec === undefined) return NONE;
  switch (spec.type) {
    case 'count':
      return paneCount >= spec.count ? FIRE : NONE;
    case 'after-first-element':
      return paneCount === 1 ? { kind: 'timer', at: now + spec.delayMs } : NONE;
    case 'aligned':
      return paneCount === 1 ? { kind: 'timer', at: nextAligned(now, spec.everyMs) } : NONE;
    default:
      return assertNever(spec, 'onElement');
  }
}

export function nextAligned(now: number, everyMs: number): number {
  return Math.floor(now / everyMs) * everyMs + everyMs;
}
