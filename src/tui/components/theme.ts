/**
 * Paints tones with chalk at the colour level the terminal allows. At level 0 (NO_COLOR, a pipe, a
 * test) chalk writes no escape codes at all, so every tone must also read from its glyph alone.
 * Ink's own chalk does not look at NO_COLOR, which is why the UI passes its colours through here.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { createContext } from 'react';
import type { Line, Tone } from '../model/text.js';

export interface Theme {
  readonly level: 0 | 1 | 2 | 3;
  paint(line: Line): string;
}

function styles(c: ChalkInstance): Record<Tone, (s: string) => string> {
  return {
    plain: (s) => s,
    dim: c.gray,
    bold: c.bold,
    title: c.bold.cyan,
    key: c.bold,
    selected: c.inverse.bold,
    onTime: c.green,
    lateAllowed: c.yellow,
    dropped: c.red.bold,
    sideOutput: c.magenta,
    filtered: c.gray,
    inFlight: c.white,
    watermark: c.cyan,
    boundary: c.gray,
    early: c.blue,
    onTimePane: c.whiteBright.bold,
    latePane: c.magenta,
    good: c.green,
    warn: c.yellow,
    bad: c.red.bold,
    now: c.inverse,
  };
}

export function createTheme(level: 0 | 1 | 2 | 3): Theme {
  const c = new Chalk({ level });
  const s = styles(c);
  return {
    level,
    paint: (line) => line.map((segment) => (segment.text === '' ? '' : s[segment.tone](segment.text))).join(''),
  };
}

/** No colour: what the tests read, and what NO_COLOR asks for. */
export const PLAIN_THEME = createTheme(0);

export const ThemeContext = createContext<Theme>(PLAIN_THEME);
