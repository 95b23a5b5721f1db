/**
 * Which timestamp the windows use, per time domain (SEMANTICS.md, "Time").
 */
import { assertNever } from '../kernel/assert.js';
import type { LogEntry } from '../model/record.js';
import type { Scenario, TimeDomain } from '../scenario/types.js';

/**
 * Network hops from the source to the window operator: the keyed shuffle, plus one forward hop per
 * filter or map when chaining is off (each then runs as a task of its own, Flink's
 * disableOperatorChaining()); chained operators add none.
 */
export function hopsToWindow(scenario: Pick<Scenario, 'chaining' | 'pipeline'>): number {
  if (scenario.chaining !== false) return 1;
  return 1 + (scenario.pipeline.filter ? 1 : 0) + (scenario.pipeline.map ? 1 : 0);
}

/**
 * - event time: the time the event carries;
 * - ingestion time: the append time, because the source reads an entry as soon as it is appended
 *   and stamps it then;
 * - processing time: the window operator's clock when the entry reaches it, which is the append
 *   time plus the network hops from the source (`channelDelayMs`, the delay of all of them). The truth assumes no
 *   queueing; an engine that queues (backpressure) will disagree, and the checkers show it.
 */
export function windowingTimestamp(domain: TimeDomain, entry: LogEntry, channelDelayMs: number): number {
  switch (domain) {
    case 'event-time':
      return entry.eventTime;
    case 'ingestion-time':
      return entry.appendTime;
    case 'processing-time':
      return entry.appendTime + channelDelayMs;
    default:
      return assertNever(domain, 'windowingTimestamp');
  }
}
