/**
 * Latency of results in simulated time, as streaming benchmarks define it (SEMANTICS.md, "Latency"):
 * event-time latency is output time − the event time of the latest event the result depends on;
 * processing-time latency is output time − its ingestion time. Percentiles come from an HDR
 * histogram (3 significant digits), so memory stays constant however many results there are.
 */
import hdr from 'hdr-histogram-js';
import type { Pane } from '../model/pane.js';

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export class LatencyRecorder {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    // One simulated year in ms is far beyond any scenario; larger values are clamped.
    highestTrackableValue: 365 * 24 * 3_600_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
  private maxSeen = 0;

  record(latencyMs: number): void {
    const v = Math.max(0, Math.min(Math.round(latencyMs), 365 * 24 * 3_600_000));
    if (v > this.maxSeen) this.maxSeen = v;
    this.histogram.recordValue(v);
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  summary(): LatencySummary | undefined {
    const h = this.histogram;
    if (h.totalCount === 0) return undefined;
    // An HDR bucket reports its highest equivalent value; never report above the true maximum.
    const at = (p: number) => Math.min(h.getValueAtPercentile(p), this.maxSeen);
    return { count: h.totalCount, p50: at(50), p90: at(90), p99: at(99), max: this.maxSeen, mean: Math.round(h.mean * 1000) / 1000 };
  }
}

/** Latency of every non-retraction pane, event-time and processing-time. */
export function paneLatencies(panes: Iterable<Pane>): { readonly eventTime: LatencySummary | undefined; readonly processingTime: LatencySummary | undefined } {
  const eventTime = new LatencyRecorder();
  const processingTime = new LatencyRecorder();
  for (const p of panes) {
    if (p.retraction || p.count === 0) continue;
    if (Number.isFinite(p.maxEventTime)) eventTime.record(p.emittedAt - p.maxEventTime);
    if (Number.isFinite(p.maxIngestionTime)) processingTime.record(p.emittedAt - p.maxIngestionTime);
  }
  return { eventTime: eventTime.summary(), processingTime: processingTime.summary() };
}
