/**
 * The window operator's sliding windows under stream slicing (slice-store.ts, sliced-windows.ts):
 * an element goes into one slice of its key, opening the windows it is the first element of, and
 * into the accumulators of its key's materialized windows. The window operator keeps the windows'
 * lifecycle (timers, firing, clearing); this part keeps where their content lives.
 */
import type { StreamRecord } from '../model/record.js';
import type { Window } from '../model/window.js';
import type { EngineRules } from '../semantics/rules.js';
import { type FixedWindows, lastWindowStart } from '../windows/fixed-windows.js';
import { type SliceTotal, emptySliceTotal } from './slice-store.js';
import { SlicedKey, firstWindowStart, insertByStart, openedRange, removeWindow } from './sliced-windows.js';
import type { WindowState } from './window-state.js';

/** What the slicing part asks of the window operator. */
export interface SlicingOwner {
  /** The progress clock. */
  clock(): number;
  /** Whether the trace keeps entries (then every window an element belongs to is visited). */
  readonly detailed: boolean;
  /** Opens a sliced window, its timers registered. */
  openWindow(key: number, start: number, end: number): WindowState;
  /** Adds an element to a materialized window, asking its trigger. */
  addElement(ws: WindowState, rec: StreamRecord, now: number): void;
  /** The trace entry of an element assigned to a window whose content is in the slices. */
  traceSliced(ws: WindowState, rec: StreamRecord, now: number): void;
  reportLate(rec: StreamRecord, windows: readonly Window[], late: number, allLate: boolean, now: number): void;
}

export class WindowSlicing {
  private readonly keys = new Map<number, SlicedKey>();
  private readonly total = emptySliceTotal();
  private readonly opened = { from: 0, to: 0 };
  /** A reusable window for lateness probes, so that the per-element path allocates nothing. */
  private readonly probe = { start: 0, end: 0 };
  private readonly lateBuf: Window[] = [];
  /** Cleared sliced windows, for reuse (WindowState.reopenSliced). */
  private readonly recycled: WindowState[] = [];
  private magnitude = 0;

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
  ) {}

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
    return sk.slices.combine(ws.start, ws.end, this.total);
  }

  /**
   * Moves a sliced window's content into its own accumulators: at its on-time firing when it stays
   * open for allowed lateness, or when late data opens it. From then on its panes differ from its
   * total, and late elements are added to it directly.
   */
  materialize(ws: WindowState): void {
    this.fillFromSlices(ws);
    insertByStart(this.keyState(ws.key).materialized, ws);
  }

  /** A restored window: its content came with it. */
  insert(ws: WindowState): void {
    const sk = this.keyState(ws.key);
    insertByStart(sk.windows, ws);
    insertByStart(sk.materialized, ws);
  }

  /** A recycled window state for the operator to reopen, if any. */
  reuse(): WindowState | undefined {
    return this.recycled.pop();
  }

  /** Forgets a cleared window, and the slices that only it and earlier (cleared) windows covered. */
  release(ws: WindowState): void {
    const sk = this.keys.get(ws.key);
    if (sk === undefined) return;
    removeWindow(sk.windows, ws);
    if (sk.materialized.length > 0) removeWindow(sk.materialized, ws);
    // A slice's windows start at or before it, and expire in start order: the slices starting
    // before the next window's start are covered by no open window now.
    if (sk.windows.length === 0) this.keys.delete(ws.key);
    else sk.slices.evictBefore(ws.start + this.fixed.everyMs);
    // Fired from its slices and now expired: its timers have all been popped, and no processing
    // timer was ever set for it (only a materialized window gets them).
    if (ws.sliced && this.recycled.length < 4096) this.recycled.push(ws);
  }

  /** Every open window, key by key, by start within a key. */
  *windows(): IterableIterator<WindowState> {
    for (const sk of this.keys.values()) yield* sk.windows;
  }

  /** Gives every window its own accumulators and hands them over, key by key, for good. */
  unslice(): Map<number, Map<number, WindowState>> {
    const out = new Map<number, Map<number, WindowState>>();
    for (const [key, sk] of this.keys) {
      const perKey = new Map<number, WindowState>();
      for (const ws of sk.windows) {
        if (ws.sliced) this.fillFromSlices(ws);
        perKey.set(ws.start, ws);
      }
      out.set(key, perKey);
    }
    this.keys.clear();
    return out;
  }

  private addToSlice(sk: SlicedKey, rec: StreamRecord, live: number): void {
    const fixed = this.fixed;
    const slices = sk.slices;
    const x = lastWindowStart(this.grid, rec.timestamp);
    let i = slices.find(x);
    if (i < 0) {
      i = -i - 1;
      slices.insert(i, x);
      const r = openedRange(fixed, slices, i, live, this.opened);
      // Latest first, as assignStarts orders them: timers sharing a timestamp fire in this order.
      for (let start = r.to; start >= r.from; start -= fixed.everyMs) {
        if (sk.windowAt(start) !== undefined) continue; // restored from a snapshot
        const ws = this.owner.openWindow(sk.key, start, start + fixed.sizeMs);
        insertByStart(sk.windows, ws);
        // Opened by late (but allowed) data: its first pane is a late one, kept per window.
        if (ws.onTimePassed) this.materialize(ws);
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
      const ws = sk?.windowAt(start);
      // Every window the element belongs to that is not expired is open by now.
      if (ws === undefined) this.lateBuf[late++] = { start, end: start + this.fixed.sizeMs };
      else if (ws.sliced) this.owner.traceSliced(ws, rec, now);
      else this.owner.addElement(ws, rec, now);
    }
    if (late > 0) this.owner.reportLate(rec, this.lateBuf, late, late === n, now);
  }

  /** Flink WindowOperator.isWindowLate / Beam's droppable-element check, via the rule book. */
  private expired(start: number): boolean {
    this.probe.start = start;
    this.probe.end = start + this.fixed.sizeMs;
    return this.owner.clock() >= this.rules.expireAt(this.probe, undefined, this.latenessMs);
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

/** Whether one of the key's windows starting in [lo, hi] still keeps its content in the slices. */
function holdsSliced(sk: SlicedKey, lo: number, hi: number, every: number): boolean {
  for (let start = lo; start <= hi; start += every) if (sk.windowAt(start)?.sliced === true) return true;
  return false;
}
