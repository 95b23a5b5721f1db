import type { PaneRecord, Timeline } from '../timeline.js';
import { prefixPercentiles } from '../order-stats.js';

/**
 * Latency of each pane that carries data (SEMANTICS.md, "Latency, as benchmarks define it"):
 * event-time latency = emittedAt − the latest event time behind the value; processing-time
 * latency = emittedAt − the latest ingestion time. Retractions and empty panes carry no data.
 */
export function latencyIndex(panes: readonly PaneRecord[]): Timeline['latency'] {
  const steps: number[] = [];
  const eventTime: number[] = [];
  const processingTime: number[] = [];
  for (const p of panes) {
    const pane = p.pane;
    if (pane.retraction === true || pane.count === 0) continue;
    const et = pane.emittedAt - pane.maxEventTime;
    const pt = pane.emittedAt - pane.maxIngestionTime;
    if (!Number.isFinite(et) || !Number.isFinite(pt)) continue;
    steps.push(p.step);
    eventTime.push(et);
    processingTime.push(pt);
  }
  return { steps, eventTime: prefixPercentiles(eventTime), processingTime: prefixPercentiles(processingTime) };
}
