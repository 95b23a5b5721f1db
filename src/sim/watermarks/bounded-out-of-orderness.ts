import type { EngineRules } from '../semantics/rules.js';
import type { WatermarkGenerator } from './generator.js';

/**
 * Flink's WatermarkStrategy.forBoundedOutOfOrderness(B): track the largest timestamp seen and, every
 * auto-watermark interval, emit maxSeen − B − 1 (Flink) or maxSeen − B (Beam's limited-delay policy,
 * Spark's withWatermark); the rule book decides. forMonotonousTimestamps is the case B = 0.
 */
export class BoundedOutOfOrderness implements WatermarkGenerator {
  readonly periodic = true;
  private maxSeen = -Infinity;

  constructor(private readonly rules: EngineRules, private readonly boundMs: number) {}

  onEvent(timestamp: number): undefined {
    if (timestamp > this.maxSeen) this.maxSeen = timestamp;
    return undefined;
  }

  onPeriodicEmit(): number {
    return this.maxSeen === -Infinity ? -Infinity : this.rules.boundedWatermark(this.maxSeen, this.boundMs);
  }
}
