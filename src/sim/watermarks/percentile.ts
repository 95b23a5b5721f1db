import type { EngineRules } from '../semantics/rules.js';
import type { WatermarkGenerator } from './generator.js';

/**
 * A heuristic watermark (Streaming Systems ch. 3, MillWheel's approach): from the delays seen
 * recently (processing time − event time), assume that `percentile` per cent of data arrives within
 * the p-th percentile delay, and claim completeness up to now − that delay. Fast when the delay
 * distribution is steady; the remaining tail becomes late data.
 */
export class PercentileWatermark implements WatermarkGenerator {
  readonly periodic = true;
  private readonly delays: Float64Array;
  private filled = 0;
  private next = 0;

  constructor(private readonly rules: EngineRules, private readonly percentile: number, sample: number) {
    this.delays = new Float64Array(sample);
  }

  onEvent(timestamp: number, now: number): undefined {
    this.delays[this.next] = now - timestamp;
    this.next = (this.next + 1) % this.delays.length;
    if (this.filled < this.delays.length) this.filled++;
    return undefined;
  }

  onPeriodicEmit(now: number): number {
    if (this.filled === 0) return -Infinity;
    const sorted = this.delays.slice(0, this.filled).sort();
    // Nearest-rank percentile: the smallest delay at or above p per cent of the sample.
    const rank = Math.max(0, Math.ceil((this.percentile / 100) * this.filled) - 1);
    const delay = sorted[rank] ?? 0;
    return this.rules.completeBefore(now - delay);
  }
}
