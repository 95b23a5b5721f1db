/** Navigation over one timeline: what the reducer asks when it jumps or moves the selection. */
import type { Nav } from './state.js';
import { countLess } from './search.js';
import type { Timeline } from './timeline.js';
import { rowVisibleAt } from './timeline/lookups.js';

/** Said when the run has none: the UI never pretends. */
export const NO_FAILURES = 'no failures in this run: the trace has no fault, failure or restart';
export const NO_CHECKPOINTS = 'no checkpoints in this run: the trace has no checkpoint or savepoint';

/** The cursor after the next (or previous) step in `steps` relative to the cursor, so that step is the latest shown. */
export function jumpInSteps(steps: readonly number[], cursor: number, direction: 1 | -1): number | undefined {
  if (direction === 1) {
    const step = steps[countLess(steps, cursor)];
    return step === undefined ? undefined : step + 1;
  }
  const step = steps[countLess(steps, cursor - 1) - 1];
  return step === undefined ? undefined : step + 1;
}

export function timelineNav(tl: Timeline): Nav {
  return {
    total: tl.steps,
    keys: tl.keys,
    jump(target, cursor, direction) {
      switch (target) {
        case 'pane':
          return jumpInSteps(tl.kinds.panes, cursor, direction) ?? (direction === 1 ? 'no more panes after this point' : 'no earlier pane');
        case 'failure':
          return tl.kinds.failures.length === 0 ? NO_FAILURES : (jumpInSteps(tl.kinds.failures, cursor, direction) ?? (direction === 1 ? 'no more failures after this point' : 'no earlier failure'));
        case 'checkpoint':
          return tl.kinds.checkpoints.length === 0
            ? NO_CHECKPOINTS
            : (jumpInSteps(tl.kinds.checkpoints, cursor, direction) ?? (direction === 1 ? 'no more checkpoints after this point' : 'no earlier checkpoint'));
      }
    },
    neighbourWindow(cursor, current, delta) {
      return neighbour(
        tl.rows.map((r) => r.id),
        (i) => {
          const row = tl.rows[i];
          return row !== undefined && rowVisibleAt(row, cursor);
        },
        current === null ? undefined : tl.rowById.get(current),
        delta,
      );
    },
  };
}

/** The next id in `delta` direction that is shown, from `from` (or from the edge when undefined). */
export function neighbour(ids: readonly string[], shown: (i: number) => boolean, from: number | undefined, delta: 1 | -1): string | null {
  const start = from === undefined ? (delta === 1 ? -1 : ids.length) : from;
  for (let i = start + delta; i >= 0 && i < ids.length; i += delta) if (shown(i)) return ids[i] ?? null;
  // At the edge: stay on the current one if it is shown, else take the first shown from the other side.
  if (from !== undefined && shown(from)) return ids[from] ?? null;
  for (let i = delta === 1 ? ids.length - 1 : 0; i >= 0 && i < ids.length; i -= delta) if (shown(i)) return ids[i] ?? null;
  return null;
}
