import type { WatermarkSpec } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { LogCursor } from '../sources/log.js';
import { assertNever } from '../kernel/assert.js';
import { BoundedOutOfOrderness } from './bounded-out-of-orderness.js';
import type { WatermarkGenerator } from './generator.js';
import { PercentileWatermark } from './percentile.js';
import { PerfectWatermark } from './perfect.js';
import { Punctuated } from './punctuated.js';

/** A generator with no opinion: the scripted strategy, moved only by the timeline's watermark steps. */
const silent: WatermarkGenerator = {
  periodic: false,
  onEvent: () => undefined,
  onPeriodicEmit: () => -Infinity,
};

export function createWatermarkGenerator(spec: WatermarkSpec, rules: EngineRules, cursor: LogCursor): WatermarkGenerator {
  switch (spec.type) {
    case 'bounded-out-of-orderness':
      return new BoundedOutOfOrderness(rules, spec.maxDelayMs);
    case 'monotonous':
      return new BoundedOutOfOrderness(rules, 0);
    case 'punctuated':
      return new Punctuated(rules, spec.maxDelayMs);
    case 'perfect':
      return new PerfectWatermark(rules, cursor);
    case 'percentile':
      return new PercentileWatermark(rules, spec.percentile, spec.sample);
    case 'scripted':
      return silent;
    default:
      return assertNever(spec, 'createWatermarkGenerator');
  }
}

/** The auto-watermark interval of a periodic strategy (Flink's pipeline.auto-watermark-interval, default 200 ms). */
export function emitIntervalMs(spec: WatermarkSpec): number | undefined {
  switch (spec.type) {
    case 'bounded-out-of-orderness':
    case 'monotonous':
    case 'perfect':
    case 'percentile':
      return spec.intervalMs;
    case 'punctuated':
    case 'scripted':
      return undefined;
    default:
      return assertNever(spec, 'emitIntervalMs');
  }
}

export function idleTimeoutMs(spec: WatermarkSpec): number | undefined {
  return spec.type === 'scripted' ? undefined : spec.idleTimeoutMs;
}
