/**
 * Which timestamp the windows use, per time domain (SEMANTICS.md, "Time").
 */
import { assertNever } from '../kernel/assert.js';
import type { LogEntry } from '../model/record.js';
import type { TimeDomain } from '../scenario/types.js';

/**
 * - event time: the time the event carries;
 * - ingestion time: the append time, because the source reads an entry as soon as it is appended
 *   and stamps it then;
 * - processing time: the window operator's clock when the entry reaches it, which is the append
 *   time plus the one network hop from the source (`channelDelayMs`). The truth assumes no
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
