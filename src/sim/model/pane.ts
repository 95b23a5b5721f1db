import type { Window } from './window.js';

/**
 * Pane timing as Beam's PaneInfo.Timing names it: EARLY before the watermark passes the end of
 * the window, ON_TIME for the one firing when it does, LATE for firings after that.
 */
export type PaneTiming = 'EARLY' | 'ON_TIME' | 'LATE';

export type Accumulation = 'discarding' | 'accumulating' | 'accumulating-retracting';

export interface Pane {
  readonly key: string;
  readonly window: Window;
  /** The aggregate this pane carries (for a retraction, the value being withdrawn). */
  readonly value: number;
  readonly timing: PaneTiming;
  /** 0, 1, 2 … per key and window, as Beam's PaneInfo.index. */
  readonly index: number;
  /** True when the engine knows no further pane can follow for this key and window. */
  readonly isLast: boolean;
  /** Processing time at which the pane left the window operator. */
  readonly emittedAt: number;
  /** Number of elements aggregated in this pane's value. */
  readonly count: number;
  /** Set on the withdrawal a retracting pane sends before its new value. */
  readonly retraction?: true;
  /** The largest event time among the elements behind the value; for event-time latency. */
  readonly maxEventTime: number;
  /** The largest ingestion time among the elements behind the value; for processing-time latency. */
  readonly maxIngestionTime: number;
}
