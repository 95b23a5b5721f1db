/**
 * The distinct windows each key received panes for, to find an emitted window that overlaps a
 * missing one in O(log n): windows sorted by start with a running maximum of their ends.
 */
import type { Window } from '../model/window.js';
import { sameWindow } from '../model/window.js';
import type { PaneVerdict } from './pane-classification.js';
import { lowerBound } from './lower-bound.js';
import { keyWindowId } from '../truth/ids.js';

interface KeyWindows {
  readonly windows: readonly Window[];
  readonly starts: Float64Array;
  /** maxEnd[i] = the largest end among windows[0 … i]. */
  readonly maxEnd: Float64Array;
}

/** How far back from the last candidate to look for an example to name. */
const EXAMPLE_SCAN = 16;

export class PaneWindows {
  private readonly byKey = new Map<string, KeyWindows>();

  constructor(verdicts: readonly PaneVerdict[]) {
    const grouped = new Map<string, Map<string, Window>>();
    for (const { pane } of verdicts) {
      if (pane.retraction === true) continue;
      let windows = grouped.get(pane.key);
      if (windows === undefined) grouped.set(pane.key, (windows = new Map()));
      windows.set(keyWindowId(pane.key, pane.window), pane.window);
    }
    for (const [key, map] of grouped) {
      const windows = [...map.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const maxEnd = new Float64Array(windows.length);
      windows.forEach((w, i) => (maxEnd[i] = Math.max(w.end, i === 0 ? -Infinity : (maxEnd[i - 1] ?? -Infinity))));
      this.byKey.set(key, { windows, starts: Float64Array.from(windows, (w) => w.start), maxEnd });
    }
  }

  /**
   * A window of `key` with a pane, other than `window`, that overlaps it; null when none does.
   * The example named is the nearest by start that can be found cheaply, else the one that
   * holds the running maximum.
   */
  overlapping(key: string, window: Window): Window | null {
    const slot = this.byKey.get(key);
    if (slot === undefined) return null;
    // Candidates start before window.end; one overlaps iff its end is after window.start.
    const candidates = lowerBound(slot.starts, window.end);
    if (candidates === 0 || (slot.maxEnd[candidates - 1] ?? -Infinity) <= window.start) return null;
    for (let i = candidates - 1; i >= Math.max(0, candidates - EXAMPLE_SCAN); i--) {
      const w = slot.windows[i];
      if (w !== undefined && w.end > window.start && !sameWindow(w, window)) return w;
    }
    const holder = slot.windows.find((w, i) => i < candidates && w.end > window.start && !sameWindow(w, window));
    return holder ?? null;
  }
}
