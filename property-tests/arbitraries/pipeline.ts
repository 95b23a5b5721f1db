/** A map and a filter for generated scenarios, or none. */
import fc from 'fast-check';
import type { PipelineSpec } from '../../src/sim/scenario/types.js';
import { VALUE_LIMIT } from './events.js';

export interface PipelineDraw {
  readonly on: boolean;
  readonly multiply: number;
  readonly add: number;
  readonly valueMin: number;
  readonly valueSpan: number;
  readonly keyParity: 'any' | 'even' | 'odd';
}

export function pipelineDraw(enabled: boolean): fc.Arbitrary<PipelineDraw> {
  return fc.record({
    on: enabled ? fc.boolean() : fc.constant(false),
    multiply: fc.integer({ min: 1, max: 3 }),
    add: fc.integer({ min: -5, max: 5 }),
    valueMin: fc.integer({ min: 0, max: VALUE_LIMIT - 1 }),
    valueSpan: fc.integer({ min: 1, max: VALUE_LIMIT }),
    keyParity: fc.constantFrom<'any' | 'even' | 'odd'>('any', 'even', 'odd'),
  });
}

export function toPipeline(d: PipelineDraw): PipelineSpec {
  if (!d.on) return {};
  return {
    map: { multiply: d.multiply, add: d.add },
    filter: { valueMin: d.valueMin, valueMax: d.valueMin + d.valueSpan, ...(d.keyParity === 'any' ? {} : { keyParity: d.keyParity }) },
  };
}
