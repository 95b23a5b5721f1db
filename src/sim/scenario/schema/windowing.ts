/**
 * The windowing part of a scenario, in the Dataflow model's three questions: which windows (the
 * window assigner), how complete the data is (the watermark strategy), and when to emit (the
 * trigger's early and late firings).
 */
import { z } from 'zod';
import { assertNever } from '../../kernel/assert.js';
import { WATERMARK_DEFAULTS, WINDOW_DEFAULTS } from '../defaults.js';
import { exactlyOne, mapping, nonNegativeDuration, number, positiveDuration, positiveInteger } from '../fields.js';
import type { FiringSpec, WatermarkSpec, WindowSpec } from '../types.js';

export const windowSchema = z.discriminatedUnion(
  'type',
  [
    mapping({ type: z.literal('tumbling'), size: positiveDuration(), offset: nonNegativeDuration().optional() }),
    mapping({ type: z.literal('sliding'), size: positiveDuration(), every: positiveDuration(), offset: nonNegativeDuration().optional() }),
    mapping({ type: z.literal('session'), gap: positiveDuration() }),
    mapping({ type: z.literal('global') }),
  ],
  { error: 'a mapping such as { type: tumbling, size: 2m }' },
).transform((w): WindowSpec => {
  switch (w.type) {
    case 'tumbling':
      return { type: 'tumbling', sizeMs: w.size, offsetMs: w.offset ?? WINDOW_DEFAULTS.offsetMs };
    case 'sliding':
      return { type: 'sliding', sizeMs: w.size, everyMs: w.every, offsetMs: w.offset ?? WINDOW_DEFAULTS.offsetMs };
    case 'session':
      return { type: 'session', gapMs: w.gap };
    case 'global':
      return { type: 'global' };
    default:
      return assertNever(w, 'window');
  }
});

const interval = () => positiveDuration().optional();
const idleTimeout = () => positiveDuration().optional();

/** idleTimeout absent means no idleness detection (Flink without withIdleness): the key stays absent. */
function idleness(idleTimeoutMs: number | undefined): { idleTimeoutMs?: number } {
  return idleTimeoutMs === undefined ? {} : { idleTimeoutMs };
}

const percentileValue = () => number('a percentile in (0, 100), e.g. 95', (p) => p > 0 && p < 100);

export const watermarkSchema = z.discriminatedUnion(
  'type',
  [
    mapping({ type: z.literal('perfect'), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('bounded-out-of-orderness'), maxDelay: nonNegativeDuration(), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('monotonous'), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('punctuated'), maxDelay: nonNegativeDuration().optional(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('percentile'), percentile: percentileValue(), sample: positiveInteger().optional(), interval: interval(), idleTimeout: idleTimeout() }),
    mapping({ type: z.literal('scripted') }),
  ],
  { error: 'a mapping such as { type: bounded-out-of-orderness, maxDelay: 5s }' },
).transform((w): WatermarkSpec => {
  switch (w.type) {
    case 'perfect':
      return { type: 'perfect', intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'bounded-out-of-orderness':
      return { type: 'bounded-out-of-orderness', maxDelayMs: w.maxDelay, intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'monotonous':
      return { type: 'monotonous', intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs, ...idleness(w.idleTimeout) };
    case 'punctuated':
      return { type: 'punctuated', maxDelayMs: w.maxDelay ?? WATERMARK_DEFAULTS.punctuatedMaxDelayMs, ...idleness(w.idleTimeout) };
    case 'percentile':
      return {
        type: 'percentile',
        percentile: w.percentile,
        sample: w.sample ?? WATERMARK_DEFAULTS.percentileSample,
        intervalMs: w.interval ?? WATERMARK_DEFAULTS.intervalMs,
        ...idleness(w.idleTimeout),
      };
    case 'scripted':
      return { type: 'scripted' };
    default:
      return assertNever(w, 'watermark');
  }
});

const FIRINGS = ['afterFirstElement', 'every', 'count'] as const;

const firingSchema = mapping(
  { afterFirstElement: positiveDuration().optional(), every: positiveDuration().optional(), count: positiveInteger().optional() },
  'a firing: { afterFirstElement: 1m }, { every: 1m } or { count: 1 }',
)
  .superRefine(exactlyOne(FIRINGS))
  .transform((f): FiringSpec => {
    if (f.afterFirstElement !== undefined) return { type: 'after-first-element', delayMs: f.afterFirstElement };
    // `every` fires at aligned periods of processing time (Beam's alignedTo), hence the name.
    if (f.every !== undefined) return { type: 'aligned', everyMs: f.every };
    return { type: 'count', count: f.count ?? 1 };
  });

export const triggerSchema = mapping({ early: firingSchema.optional(), late: firingSchema.optional() }, 'a mapping with early and/or late firings');
