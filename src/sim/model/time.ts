/**
 * Simulated time. All times are integer milliseconds; event time and processing time are
 * different clocks (Streaming Systems ch. 1), so they are branded apart and a mix-up fails to compile.
 */
export type EventTime = number & { readonly __clock: 'event' };
export type ProcTime = number & { readonly __clock: 'processing' };

export const eventTime = (ms: number): EventTime => ms as EventTime;
export const procTime = (ms: number): ProcTime => ms as ProcTime;

/**
 * The watermark before anything is known, and the watermark that closes every window (Flink's
 * Long.MIN_VALUE and Long.MAX_VALUE; Beam's BoundedWindow.TIMESTAMP_MIN/MAX_VALUE). Infinity keeps
 * comparisons exact and prints as "-∞" / "+∞" in the text trace and as null in JSON.
 */
export const MIN_WATERMARK = -Infinity as EventTime;
export const END_OF_TIME = Infinity as EventTime;

/** Formats milliseconds as a clock time (HH:MM:SS or HH:MM:SS.mmm), the form scenario files accept. */
export function formatClock(ms: number): string {
  if (ms === Infinity) return '+∞';
  if (ms === -Infinity) return '-∞';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const m = rest % 60;
  const h = (rest - m) / 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${sign}${pad(h)}:${pad(m)}:${pad(s)}`;
  return millis === 0 ? base : `${base}.${pad(millis, 3)}`;
}
