/** Keys to actions: a pure table, so the footer, the help and the tests agree with the app. */
import type { Key } from 'ink';
import type { Action } from './state.js';

/** Fifty steps for PgDn / PgUp: enough to cross a busy second of a generated run. */
export const PAGE_STEPS = 50;

export function keyToAction(input: string, key: Partial<Key>): Action | undefined {
  if (key.rightArrow) return { type: 'step', delta: 1 };
  if (key.leftArrow) return { type: 'step', delta: -1 };
  if (key.pageDown) return { type: 'step', delta: PAGE_STEPS };
  if (key.pageUp) return { type: 'step', delta: -PAGE_STEPS };
  if (key.home) return { type: 'jump', target: 'start', direction: -1 };
  if (key.end) return { type: 'jump', target: 'end', direction: 1 };
  if (key.downArrow) return { type: 'select', delta: 1 };
  if (key.upArrow) return { type: 'select', delta: -1 };
  if (key.escape) return { type: 'dismiss' };
  switch (input) {
    case ' ':
      return { type: 'toggle-play' };
    case 'n':
      return { type: 'jump', target: 'pane', direction: 1 };
    case 'N':
    case 'p':
      return { type: 'jump', target: 'pane', direction: -1 };
    case 'c':
      return { type: 'jump', target: 'checkpoint', direction: 1 };
    case 'C':
      return { type: 'jump', target: 'checkpoint', direction: -1 };
    case 'f':
      return { type: 'jump', target: 'failure', direction: 1 };
    case 'F':
      return { type: 'jump', target: 'failure', direction: -1 };
    case '+':
    case '=':
      return { type: 'speed', delta: 1 };
    case '-':
    case '_':
      return { type: 'speed', delta: -1 };
    case 'k':
      return { type: 'cycle-key' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    case 'g':
      return { type: 'jump', target: 'start', direction: -1 };
    case 'G':
      return { type: 'jump', target: 'end', direction: 1 };
    default:
      // Any other key closes the intro or the help, and does nothing else.
      return input !== '' ? { type: 'other-key' } : undefined;
  }
}

/**
 * Ink hands over keys that arrive together (fast typing, a paste, a terminal multiplexer) as one
 * string; each character is still one key press.
 */
export function keysToActions(input: string, key: Partial<Key>): Action[] {
  const chars = [...input];
  if (chars.length <= 1) {
    const action = keyToAction(input, key);
    return action === undefined ? [] : [action];
  }
  return chars.map((ch) => keyToAction(ch, {})).filter((a): a is Action => a !== undefined);
}
