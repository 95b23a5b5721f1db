/**
 * The playback controller: the one module of the UI that owns real time (house rule 1). While the
 * state says "playing" it sends the reducer a `tick` with the real milliseconds elapsed, about every
 * 50 ms, which also bounds the frame rate; the reducer turns them into steps at the chosen speed.
 * Tests pass their own TickSource and tick by hand, so no test sleeps.
 */
import { useEffect } from 'react';
import type { Action } from './model/state.js';

/** Starts calling `onTick(elapsedMs)`; returns the function that stops it. */
export type TickSource = (onTick: (elapsedMs: number) => void) => () => void;

export const FRAME_MS = 50;

export function realTimeTicks(frameMs = FRAME_MS): TickSource {
  return (onTick) => {
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      onTick(now - last);
      last = now;
    }, frameMs);
    return () => clearInterval(timer);
  };
}

/** One shared source, so the effect below does not restart on every render. */
export const REAL_TIME: TickSource = realTimeTicks();

export function usePlayback(playing: boolean, dispatch: (action: Action) => void, source: TickSource = REAL_TIME): void {
  useEffect(() => {
    if (!playing) return undefined;
    return source((elapsedMs) => dispatch({ type: 'tick', elapsedMs }));
  }, [playing, dispatch, source]);
}

/** A source driven by hand, for tests: `tick(ms)` delivers one tick to whoever listens. */
export interface ManualTicks extends TickSource {
  tick(elapsedMs: number): void;
  /** True while the app is playing and so listening for ticks. */
  readonly listening: boolean;
}

export function manualTicks(): ManualTicks {
  let listener: ((elapsedMs: number) => void) | undefined;
  const source: TickSource = (onTick) => {
    listener = onTick;
    return () => {
      if (listener === onTick) listener = undefined;
    };
  };
  return Object.defineProperties(source, {
    tick: { value: (elapsedMs: number) => listener?.(elapsedMs) },
    listening: { get: () => listener !== undefined },
  }) as ManualTicks;
}
