import type { EngineRules } from '../semantics/rules.js';
import type { LogCursor } from '../sources/log.js';
import type { WatermarkGenerator } from './generator.js';

/**
 * The perfect watermark of Streaming Systems (ch. 3): it knows exactly which data is still to come,
 * so it is as far ahead as it can be without ever making data late. Only a simulator can build it:
 * it asks the log for the smallest event time not yet read. It is the yardstick heuristic
 * watermarks are measured against. Valid for the event-time domain.
 */
export class PerfectWatermark implements WatermarkGenerator {
  readonly periodic = true;

  constructor(private readonly rules: EngineRules, private readonly cursor: LogCursor) {}

  onEvent(): undefined {
    return undefined;
  }

  onPeriodicEmit(): number {
    const pending = this.cursor.minPendingEventTime();
    return pending === Infinity ? Infinity : this.rules.completeBefore(pending);
  }
}
