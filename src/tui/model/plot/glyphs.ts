/**
 * How the plot marks things: a glyph and a tone per event fate, and a tone, bar and mark per pane
 * timing. Glyphs differ by shape as well as colour, so the plot reads without colour (NO_COLOR).
 */
import type { PointFate } from '../timeline.js';
import type { Tone } from '../text.js';

export const FATE_GLYPH: Readonly<Record<PointFate, { readonly ch: string; readonly tone: Tone; readonly label: string }>> = {
  'in-flight': { ch: '○', tone: 'inFlight', label: 'in flight' },
  filtered: { ch: '·', tone: 'filtered', label: 'filtered' },
  'on-time': { ch: '●', tone: 'onTime', label: 'on time' },
  'late-allowed': { ch: '▲', tone: 'lateAllowed', label: 'late, allowed' },
  'side-output': { ch: '⊘', tone: 'sideOutput', label: 'late, side output' },
  dropped: { ch: '✕', tone: 'dropped', label: 'dropped' },
};

export const TIMING_TONE = { EARLY: 'early', ON_TIME: 'onTimePane', LATE: 'latePane' } as const satisfies Record<string, Tone>;
/** Pane bars differ by timing in shape as well as colour: ┄ early, ═ on time, ─ late. */
export const TIMING_BAR = { EARLY: '┄', ON_TIME: '═', LATE: '─' } as const;
/** With several keys, whose panes fire together, a mark per pane: □ early, ■ on time, ▪ late. */
export const TIMING_MARK = { EARLY: '□', ON_TIME: '■', LATE: '▪' } as const;

/** When several panes mark one cell, ON_TIME shows over LATE over EARLY. */
export const TIMING_RANK = { EARLY: 0, LATE: 1, ON_TIME: 2 } as const;
