/**
 * The trace entries a window operator writes about elements and windows: an element assigned to a
 * window (event-accounting needs one per window the element belongs to), an element too late for a
 * window, a window cleared. Callers build them only when the sink keeps them (`trace.detailed`).
 */
import type { StreamRecord } from '../model/record.js';
import type { Window } from '../model/window.js';
import type { TraceSink } from '../trace/events.js';

export interface TraceContext {
  readonly trace: TraceSink;
  readonly task: number;
}

export function traceWindowed(
  cx: TraceContext,
  key: string,
  window: Window,
  late: boolean,
  rec: StreamRecord,
  watermark: number,
  now: number,
): void {
  cx.trace.emit({
    type: 'event-windowed',
    at: now,
    task: cx.task,
    ref: { partition: rec.entry.partition, offset: rec.entry.offset },
    key,
    value: rec.value,
    timestamp: rec.timestamp,
    window: { start: window.start, end: window.end },
    late,
    watermark,
  });
}

export function traceLate(
  cx: TraceContext,
  key: string,
  window: Window,
  disposition: 'dropped' | 'side-output',
  rec: StreamRecord,
  watermark: number,
  now: number,
): void {
  cx.trace.emit({
    type: 'event-late',
    at: now,
    task: cx.task,
    ref: { partition: rec.entry.partition, offset: rec.entry.offset },
    key,
    value: rec.value,
    eventTime: rec.entry.eventTime,
    arrivedAt: now,
    timestamp: rec.timestamp,
    window: { start: window.start, end: window.end },
    watermark,
    disposition,
  });
}

export function traceCleared(cx: TraceContext, key: string, window: Window, watermark: number, now: number): void {
  cx.trace.emit({
    type: 'window-cleared',
    at: now,
    task: cx.task,
    key,
    window: { start: window.start, end: window.end },
    watermark,
  });
}
