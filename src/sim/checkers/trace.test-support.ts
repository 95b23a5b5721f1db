/**
 * Test support: builders for hand-written traces. Each builder fills the fields a checker does not
 * read with plain defaults (task 0, at 0), so a test shows only what it is about.
 */
import type { Pane, PaneTiming } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { EventRef, TraceEvent } from '../trace/events.js';

export const ref = (offset: number, partition = 0): EventRef => ({ partition, offset });
export const win = (start: number, end: number): Window => ({ start, end });

export function ingested(r: EventRef, key: string, value: number, eventTime: number, appendTime = eventTime): TraceEvent {
  return { type: 'event-ingested', at: appendTime, task: 0, ref: r, key, value, eventTime, appendTime };
}

export function filtered(r: EventRef): TraceEvent {
  return { type: 'event-filtered', at: 0, ref: r };
}

export function windowed(r: EventRef, key: string, value: number, timestamp: number, window: Window, task = 0): TraceEvent {
  return { type: 'event-windowed', at: 0, task, ref: r, key, value, timestamp, window, late: false, watermark: -Infinity };
}

export function late(
  r: EventRef,
  key: string,
  value: number,
  timestamp: number,
  window: Window,
  disposition: 'dropped' | 'side-output' = 'dropped',
  watermark = 0,
): TraceEvent {
  return { type: 'event-late', at: 0, task: 0, ref: r, key, value, eventTime: timestamp, arrivedAt: 0, timestamp, window, watermark, disposition };
}

export interface PaneOptions {
  readonly index?: number;
  readonly count?: number;
  readonly timing?: PaneTiming;
  readonly retraction?: true;
}

export function fired(key: string, window: Window, value: number, options: PaneOptions = {}): TraceEvent {
  const pane: Pane = {
    key,
    window,
    value,
    timing: options.timing ?? 'ON_TIME',
    index: options.index ?? 0,
    isLast: false,
    emittedAt: 0,
    count: options.count ?? 1,
    maxEventTime: 0,
    maxIngestionTime: 0,
    ...(options.retraction === true ? { retraction: true } : {}),
  };
  return { type: 'pane-fired', at: 0, task: 0, pane, watermark: 0 };
}

export function watermark(value: number, scope: 'partition' | 'source' | 'operator' = 'operator', id = 0): TraceEvent {
  return { type: 'watermark-advanced', at: 0, scope, id, watermark: value };
}

export function merged(key: string, from: readonly Window[], into: Window): TraceEvent {
  return { type: 'windows-merged', at: 0, task: 0, key, from, into };
}

export function cleared(key: string, window: Window): TraceEvent {
  return { type: 'window-cleared', at: 0, task: 0, key, window, watermark: 0 };
}

export function snapshot(id: number, task = 0): TraceEvent {
  return { type: 'checkpoint-snapshot', at: 0, id, task, alignmentMs: 0, windows: 0, inFlightRecords: 0, unaligned: false };
}

export function restarted(fromCheckpoint: number | null): TraceEvent {
  return { type: 'job-restarted', at: 0, fromCheckpoint, offsets: [], restoredWindows: 0, inFlightRecords: 0 };
}
