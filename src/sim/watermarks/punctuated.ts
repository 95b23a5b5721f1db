import type { EngineRules } from '../semantics/rules.js';
import type { WatermarkGenerator } from './generator.js';

/**
 * A punctuated generator (Flink's WatermarkGenerator that emits from onEvent): only marker events
 * move the watermark, to the bounded value maxSeen − B (− 1 under Flink) at the moment the marker
 * passes. Between markers the watermark stands still however much data flows.
 */
export class Punctuated implements WatermarkGenerator {
  readonly periodic = false;
  private maxSeen = -Infinity;

  constructor(private readonly rules: EngineRules, private readonly boundMs: number) {}

  onEvent(timestamp: number, _now: number, marker: boolean): number | undefined {
    if (timestamp > this.maxSeen) this.maxSeen = timestamp;
    return marker ? this.rules.boundedWatermark(this.maxSeen, this.boundMs) : undefined;
  }

  onPeriodicEmit(): number {
    return -Infinity;
  }
}
