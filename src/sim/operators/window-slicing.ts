/**
 * The window operator's sliding windows under stream slicing (slice-store.ts, sliced-windows.ts):
 * an element goes into one slice of its key, opening the windows it is the first element of, and
 * into the accumulators of its key's materialized windows. The window operator keeps the windows'
 * lifecycle (timers, firing, clearing); this part keeps where their content lives.
 */
import type { StreamRecord } from '../model/record.js';
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { Layout } from '../windows/layout.js';
import { type FixedWindows, lastWindowStart } from '../windows/fixed-windows.js';
import { type SliceTotal, emptySliceTotal } from './slice-store.js';
import {
  SlicedKey,
  firstWindowStart,
  insertByStart,
  openedRange,
  removeWindow,
  sliceWidthOf,
  slicingApplies,
} from './sliced-windows.js';
import { type WindowEntry, windowEntry } from './window-snapshot.js';
import { WindowState } from './window-state.js';

/** What the slicing part asks of the window operator. */
export interface SlicingOwner {
  /** The progress clock. */
  clock(): number;
  /** Whether the trace keeps entries (then every window an element belongs to is visited). */
  readonly detailed: boolean;
  /** A sliced window opened: count it, and register its fire and expiry timers, naming the key. */
  openSliced(sk: SlicedKey, fireAt: number, expireAt: number): void;
  /** Opens a window with its own accumulators (late data opened it), its timers registered. */
  openMaterialized(key: number, start: number, end: number): WindowState;
  /** Adds an element to a materialized window, asking its trigger. */
  addElement(ws: WindowState, rec: StreamRecord, now: number): void;
  /** The trace entry of an element assigned to a window whose content is in the slices. */
  traceSliced(key: number, window: Window, rec: StreamRecord, now: number): void;
  reportLate(rec: StreamRecord, windows: readonly Window[], late: number, allLate: boolean, now: number): void;
}

export class WindowSlicing {
  private readonly keys = new Map<number, SlicedKey>();
  private readonly total = emptySliceTotal();
  private readonly opened = { from: 0, to: 0 };
  private readonly lateBuf: Window[] = [];
  /** Stands in for a sliced window where code reads a WindowState: its firing, its snapshot entry. */
  readonly scratch = new WindowState(0, 0, 0, true);
  /** The key state the scratch window stands in for (set with it by firingSliced). */
  private scratchKey: SlicedKey | undefined;
  private magnitude = 0;
  /** fireAt(w) - w.start and expireAt(w) - w.start: the same for every window of the layout (timersAreShifts). */
  private readonly fireShift: number;
  private readonly expireShift: number;

  constructor(
    private readonly fixed: FixedWindows,
    /** The slice grid: gcd(size, every) wide, aligned like the windows. */
    private readonly grid: FixedWindows,
    /**
     * sum and avg combine slices in another order than elements arrived: exact only while every
     * partial sum is an exactly representable integer (see accepts).
     */
    private readonly sumsMatter: boolean,
    private readonly rules: EngineRules,
    private readonly latenessMs: number,
    private readonly owner: SlicingOwner,
  ) {
    const w = { start: 0, end: fixed.sizeMs };
    this.fireShift = rules.fireAt(w, undefined, latenessMs);
    this.expireShift = rules.expireAt(w, undefined, latenessMs);
  }

  /** The start of the window of a sliced timer at `time`. */
  startOf(kind: 'fire' | 'expire', time: number): number {
    return time - (kind === 'fire' ? this.fireShift : this.expireShift);
  }

  expireTimeOf(start: number): number {
    return start + this.expireShift;
  }

  windowAt(start: number): Window {
    return { start, end: start + this.fixed.sizeMs };
  }

  /**
   * The key's live slicing state. A timer names a SlicedKey that may have been forgotten and made
   * again since; then the one in the map is the live one (or none).
   */
  liveKey(sk: SlicedKey): SlicedKey | undefined {
    return sk.forgotten ? this.keys.get(sk.key) : sk;
  }

  materializedAt(key: number, start: number): WindowState | undefined {
    return this.keys.get(key)?.materializedAt(start);
  }

  /**
   * The scratch window standing for a sliced window at its on-time firing, when it expires in the
   * same advance (allowed lateness 0): it fires from its slices and is never materialized.
   */
  firingSliced(sk: SlicedKey, start: number): WindowState {
    const ws = this.scratch;
    this.scratchKey = sk;
    ws.reopenSliced(sk.key, start, start + this.fixed.sizeMs);
    ws.fireAt = start + this.fireShift;
    ws.expireAt = start + this.expireShift;
    return ws;
  }

  /** A sliced window that stays open for allowed lateness after its on-time firing: its own accumulators from now on. */
  materializeSliced(key: number, start: number): WindowState {
    const sk = this.keyState(key);
    const ws = this.standIn(key, start);
    this.fillFromSlices(ws);
    sk.sliced.remove(start);
    insertByStart(sk.materialized, ws);
    return ws;
  }

  /** Clears a sliced window of the live key state `sk` at its expiry. */
  releaseSliced(sk: SlicedKey, start: number): void {
    sk.sliced.remove(start);
    this.forget(sk, start);
  }

  /**
   * Whether slicing stays exact with this value. False at the first value that could make a sum
   * of slices differ from the per-window sum (a fraction, or magnitudes past 2^53): the operator
   * then gives every window its own accumulators (unslice) before adding it.
   */
  accepts(value: number): boolean {
    if (!this.sumsMatter) return true;
    this.magnitude += Math.abs(value);
    return Number.isInteger(value) && this.magnitude <= Number.MAX_SAFE_INTEGER;
  }

  /**
   * An element: into one slice, and into the key's materialized windows. The trace, when kept,
   * still gets one entry per window the element belongs to, in the order of the per-window path.
   */
  process(rec: StreamRecord, now: number): void {
    const fixed = this.fixed;
    const t = rec.timestamp;
    const every = fixed.everyMs;
    const hi = lastWindowStart(fixed, t);
    const lo = firstWindowStart(fixed, t);
    // Expiry grows with a window's start, so the windows too late for the element are the earliest.
    let live = lo;
    while (live <= hi && this.expired(live)) live += every;
    let sk = this.keys.get(rec.entry.key);
    // A window can be expired and still open for one element: Kafka Streams moves stream time before
    // the element and closes windows after it.
    if (live <= hi || (sk !== undefined && holdsSliced(sk, lo, hi, every))) {
      sk ??= this.keyState(rec.entry.key);
      this.addToSlice(sk, rec, live);
    }
    if (this.owner.detailed) {
      this.traceAssigned(rec, sk, lo, hi, now);
      return;
    }
    const m = sk?.materialized;
    if (m === undefined || m.length === 0) return;
    for (let i = m.length - 1; i >= 0; i--) {
      const ws = m[i] as WindowState;
      if (ws.start <= t && t < ws.end) this.owner.addElement(ws, rec, now);
    }
  }

  /** A sliced window's content: its slices combined (in a buffer the next call overwrites). */
  combined(ws: WindowState): SliceTotal {
    const sk = this.keys.get(ws.key);
    if (sk === undefined) throw new Error(`window operator: sliced window [${ws.start}, ${ws.end}) has no slices`);
    return sk.combine(ws.start, ws.end, this.total);
  }

  /**
   * What the on-time pane of a sliced window says. A key's sliced windows fire in start order:
   * KeySlices.slide answers them in amortized constant time.
   */
  paneContent(ws: WindowState): SliceTotal {
    // The scratch window of a firing knows its key's state already: no second lookup per window.
    const sk = ws === this.scratch && this.scratchKey?.key === ws.key ? this.scratchKey : this.keys.get(ws.key);
    if (sk === undefined) throw new Error(`window operator: sliced window [${ws.start}, ${ws.end}) has no slices`);
    return sk.slide(ws.start, ws.end, this.total);
  }


  /** A restored window: its content came with it. */
  insert(ws: WindowState): void {
    insertByStart(this.keyState(ws.key).materialized, ws);
  }

  /** Forgets a cleared window with its own accumulators. */
  release(ws: WindowState): void {
    const sk = this.keys.get(ws.key);
    if (sk === undefined) return;
    removeWindow(sk.materialized, ws);
    this.forget(sk, ws.start);
  }

  /** Snapshot entries of every open window, key by key, by start within a key. */
  entries(keyName: (id: number) => string, keyGroupOf: (key: string) => number): WindowEntry[] {
    const out: WindowEntry[] = [];
    for (const sk of this.keys.values()) {
      const name = keyName(sk.key);
      const group = keyGroupOf(name);
      let m = 0;
      for (const start of sk.sliced) {
        for (; m < sk.materialized.length && (sk.materialized[m] as WindowState).start < start; m++) {
          out.push(windowEntry(sk.materialized[m] as WindowState, name, group, undefined));
        }
        const ws = this.firingSliced(sk, start);
        out.push(windowEntry(ws, name, group, this.combined(ws)));
      }
      for (; m < sk.materialized.length; m++) out.push(windowEntry(sk.materialized[m] as WindowState, name, group, undefined));
    }
    return out;
  }

  /**
   * Gives every window its own accumulators and hands them over, key by key, for good;
   * `converted` sees each window that had its content in the slices.
   */
  unslice(converted: (ws: WindowState) => void): Map<number, Map<number, WindowState>> {
    const out = new Map<number, Map<number, WindowState>>();
    for (const [key, sk] of this.keys) {
      const perKey = new Map<number, WindowState>();
      for (const start of sk.sliced) {
        const ws = this.standIn(key, start);
        this.fillFromSlices(ws);
        converted(ws);
        perKey.set(start, ws);
      }
      for (const ws of sk.materialized) perKey.set(ws.start, ws);
      out.set(key, perKey);
    }
    for (const sk of this.keys.values()) sk.forgotten = true;
    this.keys.clear();
    return out;
  }

  /** A window state for a sliced window, in the state its timers say (its content still in the slices). */
  private standIn(key: number, start: number): WindowState {
    const ws = new WindowState(key, start, start + this.fixed.sizeMs, true);
    ws.fireAt = start + this.fireShift;
    ws.expireAt = start + this.expireShift;
    return ws;
  }

  /**
   * After a window of the key closed: drops the slices that only it and earlier (closed) windows
   * covered (a slice's windows start at or before it, and expire in start order), and the key
   * once it has no window left.
   */
  private forget(sk: SlicedKey, start: number): void {
    if (sk.size === 0) {
      this.keys.delete(sk.key);
      sk.forgotten = true;
    }
    else sk.evictBefore(start + this.fixed.everyMs);
  }

  private addToSlice(sk: SlicedKey, rec: StreamRecord, live: number): void {
    const fixed = this.fixed;
    const slices = sk;
    const x = lastWindowStart(this.grid, rec.timestamp);
    let i = slices.find(x);
    if (i < 0) {
      i = -i - 1;
      slices.insert(i, x);
      const r = openedRange(fixed, slices, i, live, this.opened);
      // Latest first, as assignStarts orders them: timers sharing a timestamp fire in this order.
      for (let start = r.to; start >= r.from; start -= fixed.everyMs) {
        if (sk.materializedAt(start) !== undefined) continue; // restored from a snapshot
        const fireAt = start + this.fireShift;
        if (this.owner.clock() >= fireAt) {
          // Opened by late (but allowed) data: its first pane is a late one, kept per window.
          insertByStart(sk.materialized, this.owner.openMaterialized(sk.key, start, start + fixed.sizeMs));
        } else {
          sk.sliced.insert(start);
          this.owner.openSliced(sk, fireAt, start + this.expireShift);
        }
      }
    }
    slices.add(i, rec.value, rec.entry.eventTime, rec.ingestionTime);
  }

  /** The per-window trace entries and the late ones, for a sliced element. */
  private traceAssigned(rec: StreamRecord, sk: SlicedKey | undefined, lo: number, hi: number, now: number): void {
    let late = 0;
    let n = 0;
    for (let start = hi; start >= lo; start -= this.fixed.everyMs) {
      n++;
      const window = { start, end: start + this.fixed.sizeMs };
      if (sk?.hasSliced(start) === true) {
        this.owner.traceSliced(sk.key, window, rec, now);
        continue;
      }
      const ws = sk?.materializedAt(start);
      // Every window the element belongs to that is not expired is open by now.
      if (ws === undefined) this.lateBuf[late++] = window;
      else this.owner.addElement(ws, rec, now);
    }
    if (late > 0) this.owner.reportLate(rec, this.lateBuf, late, late === n, now);
  }

  /**
   * Flink WindowOperator.isWindowLate / Beam's droppable-element check: the rule book's expiry,
   * which for fixed windows is a shift from the start (timersAreShifts), so no call per element.
   */
  private expired(start: number): boolean {
    return this.owner.clock() >= start + this.expireShift;
  }

  private keyState(key: number): SlicedKey {
    let sk = this.keys.get(key);
    if (sk === undefined) {
      sk = new SlicedKey(key);
      this.keys.set(key, sk);
    }
    return sk;
  }

  private fillFromSlices(ws: WindowState): void {
    const c = this.combined(ws);
    ws.total = { count: c.count, sum: c.sum, min: c.min, max: c.max };
    ws.pane = { count: c.count, sum: c.sum, min: c.min, max: c.max };
    ws.maxEventTime = ws.paneMaxEventTime = c.maxEventTime;
    ws.maxIngestionTime = ws.paneMaxIngestionTime = c.maxIngestionTime;
    ws.sliced = false;
  }
}

/**
 * The slicing part for the operator's layout, or undefined where slicing does not apply: only
 * fixed windows whose trigger and timers slicing can reproduce exactly (slicingApplies,
 * timersAreShifts).
 */
export function slicingFor(
  layout: Layout,
  s: Scenario,
  rules: EngineRules,
  latenessMs: number,
  emitsEveryUpdate: boolean,
  owner: SlicingOwner,
): WindowSlicing | undefined {
  if (layout.kind !== 'fixed') return undefined;
  const fixed = layout.fixed;
  if (!slicingApplies(fixed, s.trigger, emitsEveryUpdate) || !timersAreShifts(rules, fixed, latenessMs)) return undefined;
  const sumsMatter = s.aggregate === 'sum' || s.aggregate === 'avg';
  return new WindowSlicing(fixed, sliceWidthOf(fixed), sumsMatter, rules, latenessMs, owner);
}

/**
 * Sliced windows are named by their timers' timestamps, so the rule book's fire and expiry times
 * must be the window's start shifted by a constant (true of all four: end - 1, end, end + 1,
 * end + lateness for windows of one size).
 */
export function timersAreShifts(rules: EngineRules, fixed: FixedWindows, latenessMs: number): boolean {
  const a = { start: 0, end: fixed.sizeMs };
  const b = { start: 7 * fixed.everyMs, end: 7 * fixed.everyMs + fixed.sizeMs };
  return (
    rules.fireAt(b, undefined, latenessMs) - b.start === rules.fireAt(a, undefined, latenessMs) &&
    rules.expireAt(b, undefined, latenessMs) - b.start === rules.expireAt(a, undefined, latenessMs)
  );
}

/** Whether one of the key's windows starting in [lo, hi] still keeps its content in the slices. */
function holdsSliced(sk: SlicedKey, lo: number, hi: number, every: number): boolean {
  for (let start = lo; start <= hi; start += every) if (sk.hasSliced(start)) return true;
  return false;
}
