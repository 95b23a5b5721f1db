/**
 * The UI's state and its reducer: `(state, action) → state`, pure, tested without a terminal. The
 * cursor indexes a finished, deterministic run (see timeline.ts), so playing, stepping and jumping
 * — forward or back — only move the cursor. Real time reaches the reducer only as `tick` actions
 * carrying the elapsed milliseconds, sent by the playback controller (playback.ts).
 */
import { assertNever } from '../../sim/kernel/assert.js';

/** Playback speeds in steps per second. Beyond 64× for traces of 10⁵ entries, which 64 steps/s would take half an hour to play. */
export const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;
export const DEFAULT_SPEED_INDEX = 3;

export type JumpTarget = 'pane' | 'failure' | 'checkpoint' | 'start' | 'end';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

export type Overlay = 'intro' | 'help' | null;

export interface UiState {
  /** Steps applied, 0 … nav.total. */
  readonly cursor: number;
  readonly playing: boolean;
  readonly speedIndex: number;
  /** Elapsed real time not yet turned into steps, in milliseconds × steps per second. */
  readonly carry: number;
  /** The selected window, by keyWindowId, or null to explain the current step. */
  readonly selected: string | null;
  /** Index into nav.keys, or -1 for every key. */
  readonly keyFilter: number;
  readonly size: TerminalSize;
  readonly overlay: Overlay;
  /** A one-line answer to the last key, such as "no failures in this run". */
  readonly notice: string | null;
  /** Set when the user asked to leave; the app unmounts. */
  readonly quit: boolean;
}

export type Action =
  | { readonly type: 'toggle-play' }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'tick'; readonly elapsedMs: number }
  | { readonly type: 'step'; readonly delta: number }
  | { readonly type: 'jump'; readonly target: JumpTarget; readonly direction: 1 | -1 }
  | { readonly type: 'speed'; readonly delta: 1 | -1 }
  | { readonly type: 'select'; readonly delta: 1 | -1 }
  | { readonly type: 'clear-selection' }
  | { readonly type: 'cycle-key' }
  | { readonly type: 'resize'; readonly size: TerminalSize }
  | { readonly type: 'help' }
  | { readonly type: 'dismiss' }
  /** A key bound to nothing: it only closes the intro or the help. */
  | { readonly type: 'other-key' }
  | { readonly type: 'quit' };

/** What the reducer may ask about the run it navigates (a single timeline, or a comparison's shared clock). */
export interface Nav {
  readonly total: number;
  readonly keys: readonly string[];
  /**
   * The cursor that shows the next (direction 1) or previous (-1) `target` as the latest applied
   * step, or a sentence saying why there is none.
   */
  jump(target: Exclude<JumpTarget, 'start' | 'end'>, cursor: number, direction: 1 | -1): number | string;
  /** The window after (or before) `current` among those shown at the cursor, by keyWindowId. */
  neighbourWindow(cursor: number, current: string | null, delta: 1 | -1): string | null;
}

export function initialState(nav: Nav, size: TerminalSize, options: { readonly intro?: boolean; readonly cursor?: number } = {}): UiState {
  return {
    cursor: clamp(options.cursor ?? 0, 0, nav.total),
    playing: false,
    speedIndex: DEFAULT_SPEED_INDEX,
    carry: 0,
    selected: null,
    keyFilter: nav.keys.length === 1 ? 0 : -1,
    size,
    overlay: options.intro === true ? 'intro' : null,
    notice: null,
    quit: false,
  };
}

export const speedOf = (s: UiState): number => SPEEDS[s.speedIndex] ?? 1;

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function moveTo(s: UiState, cursor: number): UiState {
  return { ...s, cursor, playing: false, carry: 0 };
}

export function reduce(nav: Nav, state: UiState, action: Action): UiState {
  // Any key but a tick clears the last notice; the intro goes at the first key.
  const s: UiState =
    action.type === 'tick' || action.type === 'resize'
      ? state
      : { ...state, notice: null, overlay: state.overlay === 'intro' || (state.overlay === 'help' && action.type !== 'help') ? null : state.overlay };
  switch (action.type) {
    case 'toggle-play':
      return reduce(nav, s, { type: s.playing ? 'pause' : 'play' });
    case 'play':
      if (nav.total === 0) return { ...s, notice: 'nothing to play: the run has no trace entries' };
      // Playing from the end starts again from the beginning.
      return { ...s, playing: true, carry: 0, cursor: s.cursor >= nav.total ? 0 : s.cursor };
    case 'pause':
      return { ...s, playing: false, carry: 0 };
    case 'tick':
      return tick(nav, s, action.elapsedMs);
    case 'step':
      return moveTo(s, clamp(s.cursor + action.delta, 0, nav.total));
    case 'jump':
      return jump(nav, s, action.target, action.direction);
    case 'speed':
      return { ...s, speedIndex: clamp(s.speedIndex + action.delta, 0, SPEEDS.length - 1), carry: 0 };
    case 'select': {
      const selected = nav.neighbourWindow(s.cursor, s.selected, action.delta);
      return selected === null ? { ...s, notice: 'no windows yet: step forward first' } : { ...s, selected };
    }
    case 'clear-selection':
      return { ...s, selected: null };
    case 'cycle-key': {
      if (nav.keys.length === 0) return { ...s, notice: 'no keys yet' };
      const next = s.keyFilter + 1;
      return { ...s, keyFilter: next >= nav.keys.length ? -1 : next };
    }
    case 'resize':
      return action.size.columns === s.size.columns && action.size.rows === s.size.rows ? s : { ...s, size: action.size };
    case 'help':
      return { ...s, overlay: state.overlay === 'help' ? null : 'help' };
    case 'dismiss':
      return state.overlay !== null ? s : { ...s, selected: null };
    case 'other-key':
      return s;
    case 'quit':
      return { ...s, playing: false, quit: true };
    default:
      return assertNever(action, 'reduce');
  }
}

/** Turns elapsed real time into steps at the current speed; stops at the end. */
function tick(nav: Nav, s: UiState, elapsedMs: number): UiState {
  if (!s.playing || elapsedMs <= 0) return s;
  const carry = s.carry + Math.round(elapsedMs) * speedOf(s);
  const steps = Math.floor(carry / 1000);
  if (steps === 0) return { ...s, carry };
  const cursor = Math.min(nav.total, s.cursor + steps);
  if (cursor >= nav.total) return { ...s, cursor: nav.total, playing: false, carry: 0 };
  return { ...s, cursor, carry: carry - steps * 1000 };
}

function jump(nav: Nav, s: UiState, target: JumpTarget, direction: 1 | -1): UiState {
  switch (target) {
    case 'start':
      return moveTo(s, 0);
    case 'end':
      return moveTo(s, nav.total);
    case 'pane':
    case 'failure':
    case 'checkpoint': {
      const to = nav.jump(target, s.cursor, direction);
      return typeof to === 'string' ? { ...s, notice: to } : moveTo(s, to);
    }
    default:
      return assertNever(target, 'jump');
  }
}
