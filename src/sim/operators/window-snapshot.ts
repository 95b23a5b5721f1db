/**
 * A window operator's state as plain data: what a checkpoint or savepoint holds (Flink's keyed
 * state per key group plus its timers, which are rebuilt from the windows). Keys are stored by name
 * with their key group, so a savepoint can be restored at another parallelism.
 */
import type { Acc } from './aggregate.js';
import type { Retractable } from './window-state.js';

export interface WindowEntry {
  readonly key: string;
  readonly keyGroup: number;
  readonly start: number;
  readonly end: number;
  readonly total: Acc;
  readonly pane: Acc;
  readonly maxEventTime: number;
  readonly maxIngestionTime: number;
  readonly paneMaxEventTime: number;
  readonly paneMaxIngestionTime: number;
  readonly nextIndex: number;
  readonly onTimePassed: boolean;
  readonly lastEmitted: Retractable | null;
  readonly pendingRetractions: readonly Retractable[];
  /** A processing-time firing the window was waiting for, re-armed on restore. */
  readonly processingTimer: { readonly at: number; readonly phase: 'early' | 'late' } | null;
}

export interface OperatorSnapshot {
  /** The operator's watermark (or stream time) when the snapshot was taken. */
  readonly clock: number;
  readonly windows: readonly WindowEntry[];
}

/** A rough size in bytes of a snapshot, for checkpoint size figures: a window entry is about 160 bytes in a heap state backend. */
export function snapshotBytes(windows: number, inFlightRecords: number): number {
  return windows * 160 + inFlightRecords * 64;
}
