/** Window specs for generated scenarios: tumbling, sliding (a slide that divides the size), session and global. */
import fc from 'fast-check';
import type { WindowSpec } from '../../src/sim/scenario/types.js';
import { positiveDurationMs } from './durations.js';

export type WindowType = WindowSpec['type'];

export const ALL_WINDOWS: readonly WindowType[] = ['tumbling', 'sliding', 'session', 'global'];

/** Divisors n of sizeMs with 1 <= n <= 10: the slide sizeMs / n divides the size, and an event has n windows. */
export function slideDivisors(sizeMs: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= 10; n++) if (sizeMs % n === 0) out.push(n);
  return out;
}

export interface WindowDraw {
  readonly type: WindowType;
  /** 1–30 s, whole seconds or any millisecond. */
  readonly sizeMs: number;
  /** Picks the slide among slideDivisors(sizeMs). */
  readonly slidePick: number;
  /** Reduced modulo the size (tumbling) or the slide (sliding); mostly 0. */
  readonly offsetMs: number;
}

export function windowDraw(types: readonly WindowType[]): fc.Arbitrary<WindowDraw> {
  return fc.record({
    type: fc.constantFrom(...types),
    sizeMs: positiveDurationMs(1000, 30_000),
    slidePick: fc.nat({ max: 9 }),
    offsetMs: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 29_999 }), weight: 1 }),
  });
}

export function toWindow(d: WindowDraw): WindowSpec {
  switch (d.type) {
    case 'tumbling':
      return { type: 'tumbling', sizeMs: d.sizeMs, offsetMs: d.offsetMs % d.sizeMs };
    case 'sliding': {
      const divisors = slideDivisors(d.sizeMs);
      const n = divisors[d.slidePick % divisors.length] ?? 1;
      const everyMs = d.sizeMs / n;
      return { type: 'sliding', sizeMs: d.sizeMs, everyMs, offsetMs: d.offsetMs % everyMs };
    }
    case 'session':
      return { type: 'session', gapMs: d.sizeMs };
    case 'global':
      return { type: 'global' };
  }
}
