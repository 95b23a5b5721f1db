/**
 * One key's sliding windows under stream slicing (slice-store.ts): the windows that exist, the
 * slices their content lives in, and the windows whose content is kept per window instead.
 *
 * A window's content stays in its slices while it is in its first pane (before the on-time firing,
 * with no early trigger, every pane equals the window's total). Once it fires on time and stays
 * open for allowed lateness, or when it is opened by late data, or restored from a snapshot, its
 * content is materialized into its own accumulators and late elements are added to it directly,
 * so late firings, accumulation modes and retractions work exactly as without slicing.
 *
 * Which windows an element opens follows from the slices: an unexpired window exists exactly when
 * one of its slices holds an element (each element opened the unexpired windows it belonged to, and
 * the clock never goes back), so only an element that starts a new slice can open windows, and only
 * those its neighbouring non-empty slices do not share.
 */
import type { TriggerSpec } from '../scenario/types.js';
import { type FixedWindows, lastWindowStart } from '../windows/fixed-windows.js';
import { KeySlices } from './slice-store.js';
import { StartQueue } from './start-queue.js';
import type { WindowState } from './window-state.js';

/**
 * A key's slicing state. It is its own KeySlices (non-empty slices, sorted by start) rather than
 * holding one: a firing visits another key each time, and one object less is one cache miss less.
 */
export class SlicedKey extends KeySlices {
  /** Set when the slicing part drops the key (no window left); a new SlicedKey stands for it after. */
  forgotten = false;
  /**
   * The starts of the open windows whose content is in the slices, sorted: such a window is only
   * its start (a timer names it by key and timestamp), so opening and clearing it allocates nothing.
   */
  readonly sliced = new StartQueue();
  /** The open windows with their own accumulators (materialized or restored), sorted by start. */
  readonly materialized: WindowState[] = [];

  constructor(readonly key: number) {
    super();
  }

  hasSliced(start: number): boolean {
    return this.sliced.has(start);
  }

  materializedAt(start: number): WindowState | undefined {
    const i = indexOfStart(this.materialized, start);
    return i >= 0 ? this.materialized[i] : undefined;
  }

  get size(): number {
    return this.sliced.size + this.materialized.length;
  }
}

/** The index of the window starting at `start` in a list sorted by start, or -1. */
function indexOfStart(list: readonly WindowState[], start: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = (list[mid] as WindowState).start;
    if (s < start) lo = mid + 1;
    else if (s > start) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Slicing pays when an element belongs to several windows and a window's pane before its on-time
 * firing is all it holds: sliding windows with size > every, no early firings, and not an engine
 * that emits an update per element (Kafka Streams without suppress, Spark's update mode).
 */
export function slicingApplies(f: FixedWindows, trigger: TriggerSpec, emitsEveryUpdate: boolean): boolean {
  return (
    Number.isFinite(f.sizeMs) &&
    f.sizeMs > f.everyMs &&
    Number.isInteger(f.sizeMs) &&
    Number.isInteger(f.everyMs) &&
    Number.isInteger(f.offsetMs) &&
    trigger.early === undefined &&
    !emitsEveryUpdate
  );
}

/** The slice width: every window start and end is a multiple of it (plus the offset). */
export function sliceWidthOf(f: FixedWindows): FixedWindows {
  let a = f.sizeMs;
  let b = f.everyMs;
  while (b !== 0) [a, b] = [b, a % b];
  return { sizeMs: a, everyMs: a, offsetMs: f.offsetMs };
}

/** The start of the earliest window containing t (the latest is lastWindowStart). */
export function firstWindowStart(f: FixedWindows, t: number): number {
  return lastWindowStart(f, t - f.sizeMs) + f.everyMs;
}

/**
 * The starts [from, to] of the windows a new slice opens (from > to: none): those containing the
 * slice at `index` that are not expired (start >= firstLive) and share no slice with its non-empty
 * neighbours, since every unexpired window containing a neighbour exists already.
 */
export function openedRange(
  f: FixedWindows,
  slices: KeySlices,
  index: number,
  firstLive: number,
  out: { from: number; to: number },
): { from: number; to: number } {
  const x = slices.startAt(index);
  let from = Math.max(firstWindowStart(f, x), firstLive);
  let to = lastWindowStart(f, x);
  if (index > 0) from = Math.max(from, lastWindowStart(f, slices.startAt(index - 1)) + f.everyMs);
  if (index + 1 < slices.length) to = Math.min(to, firstWindowStart(f, slices.startAt(index + 1)) - f.everyMs);
  out.from = from;
  out.to = to;
  return out;
}

/** Inserts `ws` into a list sorted by start (materialized windows mostly arrive in start order). */
export function insertByStart(list: WindowState[], ws: WindowState): void {
  let at = list.length;
  while (at > 0 && (list[at - 1] as WindowState).start > ws.start) at--;
  list.splice(at, 0, ws);
}

export function removeWindow(list: WindowState[], ws: WindowState): void {
  // Windows are cleared in start order: the one to remove is nearly always the first.
  if (list[0] === ws) {
    list.shift();
    return;
  }
  const at = indexOfStart(list, ws.start);
  if (at >= 0 && list[at] === ws) list.splice(at, 1);
  else if (list.includes(ws)) list.splice(list.indexOf(ws), 1);
}
