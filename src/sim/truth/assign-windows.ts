/**
 * Which fixed windows a timestamp belongs to: tumbling, sliding or global. Written from the
 * definitions, not from the engine's assigners, so the truth stays independent.
 */
import { assertNever } from '../kernel/assert.js';
import type { Window } from '../model/window.js';
import type { WindowSpec } from '../scenario/types.js';

export type FixedWindowSpec = Exclude<WindowSpec, { readonly type: 'session' }>;

/** The one window of the global windowing: all of time. */
export const GLOBAL_WINDOW: Window = { start: -Infinity, end: Infinity };

/** t mod m in [0, m), also for negative t (JavaScript's % keeps the dividend's sign). Exact on integers. */
function floorMod(t: number, m: number): number {
  return ((t % m) + m) % m;
}

/**
 * The largest start s <= t with s ≡ offset (mod period): floor((t − offset) / period) · period + offset,
 * computed with an exact modulo rather than a floating-point division.
 */
export function alignedStart(t: number, offsetMs: number, periodMs: number): number {
  return t - floorMod(t - offsetMs, periodMs);
}

/**
 * Every window [s, s + size) with s ≡ offset (mod every) and s <= t < s + size, in ascending order.
 * Negative starts ARE included (an event at t = 0 belongs to windows starting before 0), as in
 * Flink's SlidingEventTimeWindows, so every event has the same number of windows: size / every when
 * `every` divides `size`, otherwise floor or ceil of it depending on t.
 */
function slidingWindows(t: number, sizeMs: number, everyMs: number, offsetMs: number): Window[] {
  const windows: Window[] = [];
  for (let start = alignedStart(t, offsetMs, everyMs); start > t - sizeMs; start -= everyMs) {
    windows.push({ start, end: start + sizeMs });
  }
  return windows.reverse();
}

/** The windows of `spec` that hold timestamp `t`, ascending by start. */
export function assignFixedWindows(spec: FixedWindowSpec, t: number): Window[] {
  switch (spec.type) {
    case 'tumbling': {
      const start = alignedStart(t, spec.offsetMs, spec.sizeMs);
      return [{ start, end: start + spec.sizeMs }];
    }
    case 'sliding':
      return slidingWindows(t, spec.sizeMs, spec.everyMs, spec.offsetMs);
    case 'global':
      return [GLOBAL_WINDOW];
    default:
      return assertNever(spec, 'assignFixedWindows');
  }
}
