import type { EngineRules } from '../semantics/rules.js';
import type { LogCursor } from '../sources/log.js';
import type { WatermarkGenerator } from './generator.js';

/**
 * The perfect watermark of Streaming Systems (ch. 3): it knows exactly which data is still to come,
 * so it is as far ahead as it can be without ever making data late. Only a simulator can build it:
 * it asks the log for the smallest event time not yet read. It is the yardstick heuristic
 * watermarks are measured against. Valid for the event-time domain.
 *
 * Its value is the rule book's "complete before p" for the smallest pending event time p: p − 1
 * under Flink, whose watermark W promises no more elements with timestamp <= W. That is the exact
 * promise, and it says nothing about windows: under Flink rules a session [t, t + gap) fires at
 * W = t + gap − 1 (EventTimeTrigger, maxTimestamp <= W) while an element at t + gap, which would
 * touch and merge with it (TimeWindow.intersects), may still be to come. Flink then splits the
 * session, and so does streamsim: holding the oracle back by one more millisecond for sessions would
 * hide what Flink does with a watermark that is right (truth/sessions.ts touchPoints).
 * Under Spark rules the partitions' values are combined by min, not max (rules.ts rulesForScenario).
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
