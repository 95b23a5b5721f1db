/** Watermark strategies for generated scenarios: the ones that need neither markers nor a timeline. */
import fc from 'fast-check';
import type { WatermarkSpec } from '../../src/sim/scenario/types.js';
import { durationMs } from './durations.js';

/** The watermark strategies a generated scenario can use (punctuated and scripted need markers or a timeline). */
export type WatermarkType = 'perfect' | 'bounded-out-of-orderness' | 'monotonous' | 'percentile';

export const ALL_WATERMARKS: readonly WatermarkType[] = ['perfect', 'bounded-out-of-orderness', 'monotonous', 'percentile'];

export interface WatermarkDraw {
  readonly type: WatermarkType;
  readonly maxDelayMs: number;
  readonly intervalMs: number;
  readonly percentile: number;
  readonly sample: number;
}

export function watermarkDraw(types: readonly WatermarkType[]): fc.Arbitrary<WatermarkDraw> {
  return fc.record({
    type: fc.constantFrom(...types),
    maxDelayMs: durationMs(10_000),
    intervalMs: fc.constantFrom(200, 50, 100, 1000),
    percentile: fc.integer({ min: 1, max: 99 }),
    sample: fc.integer({ min: 1, max: 50 }),
  });
}

export function toWatermark(d: WatermarkDraw): WatermarkSpec {
  switch (d.type) {
    case 'perfect':
      return { type: 'perfect', intervalMs: d.intervalMs };
    case 'bounded-out-of-orderness':
      return { type: 'bounded-out-of-orderness', maxDelayMs: d.maxDelayMs, intervalMs: d.intervalMs };
    case 'monotonous':
      return { type: 'monotonous', intervalMs: d.intervalMs };
    case 'percentile':
      return { type: 'percentile', percentile: d.percentile, sample: d.sample, intervalMs: d.intervalMs };
  }
}
