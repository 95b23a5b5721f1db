/**
 * A watermark generator estimates, for one source partition, how complete its data is. It mirrors
 * Flink's WatermarkGenerator: `onEvent` sees every timestamp and may emit at once (punctuated);
 * `onPeriodicEmit` runs every auto-watermark interval of processing time (periodic).
 * Both return a candidate watermark or MIN when there is nothing to say yet; the caller keeps the
 * partition's watermark monotone, so a generator may return a smaller value without harm.
 */
import type { LogCursor } from '../sources/log.js';

export interface WatermarkGenerator {
  /** Called for each record with its windowing timestamp; returns a watermark to emit now, or undefined. */
  onEvent(timestamp: number, now: number, marker: boolean): number | undefined;
  /** Called every interval; returns the current estimate. */
  onPeriodicEmit(now: number): number;
  /** Periodic generators need the interval timer; punctuated and scripted ones do not. */
  readonly periodic: boolean;
}

/** What a generator may know about its partition beyond the records: only the oracle uses the cursor. */
export interface PartitionView {
  readonly cursor: LogCursor;
}
