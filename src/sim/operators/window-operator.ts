/**
 * The keyed window operator: assigns elements to windows, keeps per-key window state, and fires
 * panes as the trigger and the progress clock say. Its shape follows Flink's WindowOperator (assign,
 * drop if late, add, ask the trigger; timers fire windows and clear state) with Beam's pane
 * vocabulary (EARLY / ON_TIME / LATE, index, isLast) and accumulation modes. Where the engines
 * differ it asks the rule book (semantics/rules.ts).
 */
import type { KeyTable, StreamRecord } from '../model/record.js';
import type { Pane, PaneTiming } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { AggregateKind, Scenario, TriggerSpec } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { TraceSink } from '../trace/events.js';
import { type FixedWindows, assignStarts, lastWindowStart, windowEnd } from '../windows/fixed-windows.js';
import { sessionMerge } from '../windows/sessions.js';
import { onElement } from '../triggers/firing.js';
import { addToAcc, mergeAcc, resetAcc, resultOf } from './aggregate.js';
import { EventTimers, type TimerKind } from './event-timers.js';
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
import { type Retractable, WindowState } from './window-state.js';
import { type OperatorSnapshot, type WindowEntry, windowEntry, windowFromEntry } from './window-snapshot.js';
import { type TraceContext, traceCleared, traceLate, traceWindowed } from './window-trace.js';

export type FiringPhase = 'early' | 'late';

export interface WindowOperatorHost {
  /** Where panes go (the sink chained to this operator). */
  emit(pane: Pane, clock: number): void;
  /** Sets a processing-time timer that calls onProcessingTimer(ws, phase, firings) at `at`. */
  registerProcessingTimer(at: number, ws: WindowState, phase: FiringPhase, firings: number): void;
}

export interface WindowOperatorConfig {
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly keys: KeyTable;
  readonly task: number;
  readonly trace: TraceSink;
  readonly host: WindowOperatorHost;
  /**
   * Stream slicing for sliding windows (slice-store.ts), on by default where it applies
   * (sliced-windows.ts slicingApplies). Off keeps one accumulator per window: the reference the
   * slicing tests compare with. Either way the panes and the trace are the same.
   */
  readonly slicing?: boolean;
}

type Layout = { readonly kind: 'fixed'; readonly fixed: FixedWindows } | { readonly kind: 'session'; readonly gapMs: number };

export class WindowOperator {
  /** The progress clock: the combined input watermark, or Kafka Streams' stream time. */
  clock = -Infinity;
  private readonly fixedState = new Map<number, Map<number, WindowState>>();
  private readonly slicedState = new Map<number, SlicedKey>();
  private readonly sessionState = new Map<number, WindowState[]>();
  private readonly timers = new EventTimers();
  private readonly layout: Layout;
  private readonly aggregate: AggregateKind;
  private readonly trigger: TriggerSpec;
  private readonly latenessMs: number;
  private readonly sessionGapMs: number | undefined;
  /** Kafka Streams without suppress and Spark's update mode emit the updated row on every element. */
  private readonly emitsEveryUpdate: boolean;
  private readonly startsBuf: number[] = [];
  private readonly lateBuf: Window[] = [];
  private liveWindows = 0;
  /** The slice grid when the operator slices its windows, else undefined. */
  private sliceGrid: FixedWindows | undefined;
  /**
   * sum and avg combine slices in another order than elements arrived: exact only while every
   * partial sum is an exactly representable integer. The operator stops slicing at the first
   * element for which that could fail (unslice), so panes never differ from per-window sums.
   */
  private readonly sumsMatter: boolean;
  private magnitude = 0;
  private readonly sliceTotal = emptySliceTotal();
  private readonly opened = { from: 0, to: 0 };
  /** A reusable window for lateness probes, so that the per-element path allocates nothing. */
  private readonly probe = { start: 0, end: 0 };
  private readonly traceCx: TraceContext;
  /** Per key id, the fixed window its last element went to (a cache in front of fixedState). */
  private readonly recent: (WindowState | undefined)[] = [];
  /** Cleared sliced windows, for reuse (WindowState.reopenSliced). */
  private readonly recycled: WindowState[] = [];

  constructor(private readonly cfg: WindowOperatorConfig) {
    const s = cfg.scenario;
    this.aggregate = s.aggregate;
    this.trigger = s.trigger;
    this.latenessMs = s.allowedLatenessMs;
    this.layout = layoutOf(s);
    this.sessionGapMs = this.layout.kind === 'session' ? this.layout.gapMs : undefined;
    this.emitsEveryUpdate =
      (s.semantics === 'kafka-streams' && !s.suppress) || (s.semantics === 'spark' && s.outputMode === 'update');
    const l = this.layout;
    this.sliceGrid =
      l.kind === 'fixed' && cfg.slicing !== false && slicingApplies(l.fixed, s.trigger, this.emitsEveryUpdate)
        ? sliceWidthOf(l.fixed)
        : undefined;
    this.traceCx = { trace: cfg.trace, task: cfg.task };
    this.sumsMatter = s.aggregate === 'sum' || s.aggregate === 'avg';
  }

  /** Number of (key, window) states held: the operator's state size. */
  get openWindows(): number {
    return this.liveWindows;
  }

  /** The earliest event-time timer, for processing-time windows that the task drives by its clock. */
  nextTimer(): number {
    return this.timers.peek();
  }

  processElement(rec: StreamRecord, now: number): void {
    if (this.layout.kind === 'fixed') {
      if (this.sliceGrid && this.sumsMatter && !this.exactlySummable(rec.value)) this.unslice();
      if (this.sliceGrid) this.processSliced(rec, this.layout.fixed, this.sliceGrid, now);
      else this.processFixed(rec, this.layout.fixed, now);
    } else this.processSession(rec, this.layout.gapMs, now);
  }

  /** Moves the progress clock forward and fires and clears the windows it passes, in timestamp order. */
  advanceClock(clock: number, now: number): void {
    if (clock < this.clock) return;
    this.clock = clock;
    while (this.timers.popDue(clock, (time, kind, ws) => this.onEventTimer(time, kind, ws, now))) {
      // Each call handles one timestamp; loop until none is due.
    }
  }

  onProcessingTimer(ws: WindowState, phase: FiringPhase, firings: number, now: number): void {
    // A timer set for a pane that has since fired, or for a window that is gone, is stale.
    if (ws.cleared || ws.firings !== firings || ws.pane.count === 0) return;
    if ((phase === 'late') !== ws.onTimePassed) return;
    this.fire(ws, phase === 'early' ? 'EARLY' : 'LATE', now, false);
  }

  /** The state a checkpoint stores: every open window, deep-copied. */
  snapshot(keyGroupOf: (key: string) => number): OperatorSnapshot {
    const windows: WindowEntry[] = [];
    const add = (ws: WindowState) => {
      const key = this.keyName(ws.key);
      windows.push(windowEntry(ws, key, keyGroupOf(key), ws.sliced ? this.combined(ws) : undefined));
    };
    for (const perKey of this.fixedState.values()) for (const ws of perKey.values()) add(ws);
    for (const sk of this.slicedState.values()) for (const ws of sk.windows) add(ws);
    for (const sessions of this.sessionState.values()) for (const ws of sessions) add(ws);
    return { clock: this.clock, windows };
  }

  /**
   * Restores windows from a snapshot (only the entries this task owns), re-registering their
   * event-time timers and re-arming pending processing-time firings. The operator's watermark is
   * restored too: Flink restarts it at Long.MIN_VALUE, which lets replayed late records reopen
   * windows that had already closed; keeping it makes a replay after recovery produce exactly the
   * output of the failure-free run, which is what exactly-once promises to the reader.
   */
  restore(snapshot: OperatorSnapshot, owns: (entry: WindowEntry) => boolean, now: number): number {
    this.clock = Math.max(this.clock, snapshot.clock);
    this.recent.length = 0;
    let restored = 0;
    for (const e of snapshot.windows) {
      if (!owns(e)) continue;
      // A restored window keeps its content in its own accumulators, sliced or not.
      const ws = windowFromEntry(this.cfg.keys.intern(e.key), e);
      this.insert(ws);
      this.liveWindows++;
      this.registerTimers(ws);
      ws.onTimePassed = ws.onTimePassed || e.onTimePassed;
      if (e.processingTimer) {
        ws.processingTimerAt = Math.max(now, e.processingTimer.at);
        ws.processingTimerPhase = e.processingTimer.phase;
        this.cfg.host.registerProcessingTimer(ws.processingTimerAt, ws, e.processingTimer.phase, ws.firings);
      }
      restored++;
    }
    return restored;
  }

  private insert(ws: WindowState): void {
    if (this.sliceGrid) {
      const sk = this.slicedKey(ws.key);
      insertByStart(sk.windows, ws);
      insertByStart(sk.materialized, ws);
      return;
    }
    if (this.layout.kind === 'fixed') {
      let perKey = this.fixedState.get(ws.key);
      if (perKey === undefined) {
        perKey = new Map();
        this.fixedState.set(ws.key, perKey);
      }
      perKey.set(ws.start, ws);
      return;
    }
    let sessions = this.sessionState.get(ws.key);
    if (sessions === undefined) {
      sessions = [];
      this.sessionState.set(ws.key, sessions);
    }
    let at = 0;
    while (at < sessions.length && (sessions[at] as WindowState).start < ws.start) at++;
    sessions.splice(at, 0, ws);
  }

  private processFixed(rec: StreamRecord, fixed: FixedWindows, now: number): void {
    const key = rec.entry.key;
    const n = assignStarts(fixed, rec.timestamp, this.startsBuf);
    let perKey: Map<number, WindowState> | undefined;
    let late = 0;
    for (let i = 0; i < n; i++) {
      const start = this.startsBuf[i] as number;
      // Most elements of a key go to the window its previous element went to.
      let ws = this.recent[key];
      if (ws !== undefined && ws.start === start && ws.key === key && !ws.cleared) {
        this.addElement(ws, rec, now);
        continue;
      }
      perKey ??= this.fixedState.get(key);
      ws = perKey?.get(start);
      if (ws === undefined) {
        const w = { start, end: windowEnd(fixed, start) };
        // Flink WindowOperator.isWindowLate / Beam's droppable-element check, via the rule book.
        if (this.clock >= this.cfg.rules.expireAt(w, undefined, this.latenessMs)) {
          this.lateBuf[late++] = w;
          continue;
        }
        if (perKey === undefined) {
          perKey = new Map();
          this.fixedState.set(rec.entry.key, perKey);
        }
        ws = this.createWindow(rec.entry.key, w.start, w.end);
        perKey.set(start, ws);
      }
      this.recent[key] = ws;
      this.addElement(ws, rec, now);
    }
    if (late > 0) this.reportLate(rec, late, late === n, now);
  }

  /**
   * An element under stream slicing: it goes into one slice (opening the windows it is the first
   * of), and into the accumulators of the windows of its key that are materialized. The trace, when
   * kept, still says which windows the element belongs to, one entry per window, in the order the
   * per-window path writes them.
   */
  private processSliced(rec: StreamRecord, fixed: FixedWindows, grid: FixedWindows, now: number): void {
    const t = rec.timestamp;
    const every = fixed.everyMs;
    const hi = lastWindowStart(fixed, t);
    const lo = firstWindowStart(fixed, t);
    // Expiry grows with a window's start, so the windows too late for the element are the earliest.
    let live = lo;
    while (live <= hi && this.expired(live, fixed.sizeMs)) live += every;
    let sk = this.slicedState.get(rec.entry.key);
    // A window can be expired and still open for one element: Kafka Streams moves stream time before
    // the element and closes windows after it.
    if (live <= hi || (sk !== undefined && holdsSliced(sk, lo, hi, every))) {
      sk ??= this.slicedKey(rec.entry.key);
      this.addToSlice(sk, rec, fixed, grid, live);
    }
    if (this.cfg.trace.detailed) {
      this.traceAssigned(rec, sk, lo, hi, fixed, now);
      return;
    }
    const m = sk?.materialized;
    if (m === undefined || m.length === 0) return;
    for (let i = m.length - 1; i >= 0; i--) {
      const ws = m[i] as WindowState;
      if (ws.start <= t && t < ws.end) this.addElement(ws, rec, now);
    }
  }

  private addToSlice(sk: SlicedKey, rec: StreamRecord, fixed: FixedWindows, grid: FixedWindows, live: number): void {
    const slices = sk.slices;
    const x = lastWindowStart(grid, rec.timestamp);
    let i = slices.find(x);
    if (i < 0) {
      i = -i - 1;
      slices.insert(i, x);
      const r = openedRange(fixed, slices, i, live, this.opened);
      // Latest first, as assignStarts orders them: timers sharing a timestamp fire in this order.
      for (let start = r.to; start >= r.from; start -= fixed.everyMs) {
        if (sk.windowAt(start) !== undefined) continue; // restored from a snapshot
        const ws = this.createWindow(sk.key, start, start + fixed.sizeMs, true);
        insertByStart(sk.windows, ws);
        // Opened by late (but allowed) data: its first pane is a late one, kept per window.
        if (ws.onTimePassed) this.materialize(ws);
      }
    }
    slices.add(i, rec.value, rec.entry.eventTime, rec.ingestionTime);
  }

  /** The per-window trace entries and the late ones, for a sliced element. */
  private traceAssigned(rec: StreamRecord, sk: SlicedKey | undefined, lo: number, hi: number, fixed: FixedWindows, now: number): void {
    let late = 0;
    let n = 0;
    for (let start = hi; start >= lo; start -= fixed.everyMs) {
      n++;
      const ws = sk?.windowAt(start);
      // Every window the element belongs to that is not expired is open by now.
      if (ws === undefined) this.lateBuf[late++] = { start, end: start + fixed.sizeMs };
      else if (ws.sliced) traceWindowed(this.traceCx, this.keyName(ws.key), ws, false, rec, this.clock, now);
      else this.addElement(ws, rec, now);
    }
    if (late > 0) this.reportLate(rec, late, late === n, now);
  }

  /** Flink WindowOperator.isWindowLate / Beam's droppable-element check, via the rule book. */
  private expired(start: number, sizeMs: number): boolean {
    this.probe.start = start;
    this.probe.end = start + sizeMs;
    return this.clock >= this.cfg.rules.expireAt(this.probe, undefined, this.latenessMs);
  }

  private slicedKey(key: number): SlicedKey {
    let sk = this.slicedState.get(key);
    if (sk === undefined) {
      sk = new SlicedKey(key);
      this.slicedState.set(key, sk);
    }
    return sk;
  }

  private combined(ws: WindowState): SliceTotal {
    const sk = this.slicedState.get(ws.key);
    if (sk === undefined) throw new Error(`window operator: sliced window [${ws.start}, ${ws.end}) has no slices`);
    return sk.slices.combine(ws.start, ws.end, this.sliceTotal);
  }

  /**
   * Moves a sliced window's content into its own accumulators, at its on-time firing: from then on
   * its panes differ from its total, and late elements are added to it directly.
   */
  private materialize(ws: WindowState): void {
    this.fillFromSlices(ws);
    insertByStart(this.slicedKey(ws.key).materialized, ws);
  }

  private fillFromSlices(ws: WindowState): void {
    const c = this.combined(ws);
    ws.total = { count: c.count, sum: c.sum, min: c.min, max: c.max };
    ws.pane = { count: c.count, sum: c.sum, min: c.min, max: c.max };
    ws.maxEventTime = ws.paneMaxEventTime = c.maxEventTime;
    ws.maxIngestionTime = ws.paneMaxIngestionTime = c.maxIngestionTime;
    ws.sliced = false;
  }

  private exactlySummable(value: number): boolean {
    this.magnitude += Math.abs(value);
    return Number.isInteger(value) && this.magnitude <= Number.MAX_SAFE_INTEGER;
  }

  /** Gives every window its own accumulators and goes on without slicing, for good. */
  private unslice(): void {
    for (const [key, sk] of this.slicedState) {
      const perKey = new Map<number, WindowState>();
      for (const ws of sk.windows) {
        if (ws.sliced) this.fillFromSlices(ws);
        perKey.set(ws.start, ws);
      }
      this.fixedState.set(key, perKey);
    }
    this.slicedState.clear();
    this.sliceGrid = undefined;
  }

  private processSession(rec: StreamRecord, gapMs: number, now: number): void {
    const rules = this.cfg.rules;
    const key = rec.entry.key;
    let sessions = this.sessionState.get(key);
    if (sessions === undefined) {
      sessions = [];
      this.sessionState.set(key, sessions);
    }
    const proto = rules.sessionOf(rec.timestamp, gapMs);
    const m = sessionMerge(rules, gapMs, sessions, proto);
    // Flink checks the merged window for lateness (isWindowLate(actualWindow)) before adding.
    if (this.clock >= rules.expireAt(m.span, gapMs, this.latenessMs)) {
      this.lateBuf[0] = m.span;
      this.reportLate(rec, 1, true, now);
      return;
    }
    let ws: WindowState;
    if (m.count === 0) {
      ws = this.createWindow(key, m.span.start, m.span.end);
      let at = 0;
      while (at < sessions.length && (sessions[at] as WindowState).start < ws.start) at++;
      sessions.splice(at, 0, ws);
    } else {
      ws = this.mergeSessions(sessions, m.first, m.count, m.span, now);
    }
    this.addElement(ws, rec, now);
  }

  private mergeSessions(sessions: WindowState[], first: number, count: number, span: Window, now: number): WindowState {
    const target = sessions[first] as WindowState;
    if (count === 1 && target.start === span.start && target.end === span.end) return target;
    const from: Window[] = [];
    const retractions: Retractable[] = target.pendingRetractions ?? [];
    for (let i = first; i < first + count; i++) {
      const ws = sessions[i] as WindowState;
      from.push({ start: ws.start, end: ws.end });
      if (ws.lastEmitted) retractions.push(ws.lastEmitted);
      if (ws !== target) {
        if (ws.pendingRetractions) retractions.push(...ws.pendingRetractions);
        mergeAcc(target.total, ws.total);
        mergeAcc(target.pane, ws.pane);
        target.maxEventTime = Math.max(target.maxEventTime, ws.maxEventTime);
        target.maxIngestionTime = Math.max(target.maxIngestionTime, ws.maxIngestionTime);
        target.paneMaxEventTime = Math.max(target.paneMaxEventTime, ws.paneMaxEventTime);
        target.paneMaxIngestionTime = Math.max(target.paneMaxIngestionTime, ws.paneMaxIngestionTime);
        target.nextIndex = Math.max(target.nextIndex, ws.nextIndex);
        ws.cleared = true;
        this.liveWindows--;
      }
    }
    sessions.splice(first + 1, count - 1);
    // The merged span is a new window: it has emitted nothing yet, and withdraws what its parts said.
    target.start = span.start;
    target.end = span.end;
    target.lastEmitted = undefined;
    target.pendingRetractions = retractions.length > 0 ? retractions : undefined;
    target.firings++;
    this.registerTimers(target);
    if (this.cfg.trace.detailed) {
      this.cfg.trace.emit({ type: 'windows-merged', at: now, task: this.cfg.task, key: this.keyName(target.key), from, into: span });
    }
    return target;
  }

  private createWindow(key: number, start: number, end: number, sliced = false): WindowState {
    const old = sliced ? this.recycled.pop() : undefined;
    if (old) old.reopenSliced(key, start, end);
    const ws = old ?? new WindowState(key, start, end, sliced);
    this.liveWindows++;
    this.registerTimers(ws);
    return ws;
  }

  private registerTimers(ws: WindowState): void {
    const rules = this.cfg.rules;
    ws.fireAt = rules.fireAt(ws, this.sessionGapMs, this.latenessMs);
    ws.expireAt = rules.expireAt(ws, this.sessionGapMs, this.latenessMs);
    // A window whose fire time the clock has already passed was opened by late (but allowed) data.
    ws.onTimePassed = this.clock >= ws.fireAt;
    if (!ws.onTimePassed) this.timers.register(ws.fireAt, 'fire', ws);
    this.timers.register(ws.expireAt, 'expire', ws);
  }

  private addElement(ws: WindowState, rec: StreamRecord, now: number): void {
    addToAcc(ws.total, rec.value);
    addToAcc(ws.pane, rec.value);
    const et = rec.entry.eventTime;
    if (et > ws.maxEventTime) ws.maxEventTime = et;
    if (et > ws.paneMaxEventTime) ws.paneMaxEventTime = et;
    if (rec.ingestionTime > ws.maxIngestionTime) ws.maxIngestionTime = rec.ingestionTime;
    if (rec.ingestionTime > ws.paneMaxIngestionTime) ws.paneMaxIngestionTime = rec.ingestionTime;
    if (this.cfg.trace.detailed) traceWindowed(this.traceCx, this.keyName(ws.key), ws, ws.onTimePassed, rec, this.clock, now);
    if (this.emitsEveryUpdate) {
      this.fire(ws, this.clock >= ws.end ? 'LATE' : 'EARLY', now, false);
      return;
    }
    const phase: FiringPhase = ws.onTimePassed ? 'late' : 'early';
    const spec = phase === 'late' ? this.trigger.late : this.trigger.early;
    if (spec === undefined) return;
    const decision = onElement(spec, ws.pane.count, now);
    if (decision.kind === 'fire') this.fire(ws, phase === 'late' ? 'LATE' : 'EARLY', now, false);
    else if (decision.kind === 'timer') {
      ws.processingTimerAt = decision.at;
      ws.processingTimerPhase = phase;
      this.cfg.host.registerProcessingTimer(decision.at, ws, phase, ws.firings);
    }
  }

  private onEventTimer(time: number, kind: TimerKind, ws: WindowState, now: number): void {
    if (ws.cleared) return;
    if (kind === 'fire') {
      if (ws.fireAt !== time || ws.onTimePassed) return;
      ws.onTimePassed = true;
      // A window that stays open for allowed lateness keeps its late panes per window. One that
      // expires at this clock is cleared in this same advance, before any element: it fires from
      // its slices and is never materialized.
      if (ws.sliced && ws.expireAt > this.clock) this.materialize(ws);
      if (!this.emitsEveryUpdate) this.fireOnTime(ws, now);
      return;
    }
    if (ws.expireAt !== time) return;
    this.clear(ws, now);
  }

  /** The on-time pane, unless the rule book says an empty window stays silent (Flink) . */
  private fireOnTime(ws: WindowState, now: number): void {
    const sliced = ws.sliced ? this.combined(ws) : undefined;
    const content = sliced ?? (this.cfg.scenario.accumulation === 'discarding' ? ws.pane : ws.total);
    const isLast = ws.expireAt <= this.clock;
    if (content.count === 0 && !(this.cfg.rules.emitsEmptyOnTimePane && resultOf(this.aggregate, content) !== undefined)) return;
    this.fire(ws, 'ON_TIME', now, isLast, sliced);
  }

  /**
   * Clears the window (Flink: the cleanup timer at maxTimestamp + allowed lateness). Beam's
   * ClosingBehavior.FIRE_IF_NON_EMPTY first emits a final pane for data the late trigger had not
   * yet fired; Flink simply purges.
   */
  private clear(ws: WindowState, now: number): void {
    if (ws.pane.count > 0 && ws.onTimePassed && !this.emitsEveryUpdate && this.cfg.rules.emitsEmptyOnTimePane) {
      this.fire(ws, 'LATE', now, true);
    }
    ws.cleared = true;
    this.liveWindows--;
    if (this.sliceGrid) {
      this.clearSliced(ws);
      // Fired from its slices and now expired: its timers have all been popped, and no processing
      // timer was ever set for it (only a materialized window gets them).
      if (ws.sliced && this.recycled.length < 4096) this.recycled.push(ws);
    } else if (this.layout.kind === 'fixed') {
      const perKey = this.fixedState.get(ws.key);
      perKey?.delete(ws.start);
      if (perKey?.size === 0) this.fixedState.delete(ws.key);
    } else {
      const sessions = this.sessionState.get(ws.key);
      const at = sessions ? sessions.indexOf(ws) : -1;
      if (sessions && at >= 0) sessions.splice(at, 1);
      if (sessions?.length === 0) this.sessionState.delete(ws.key);
    }
    if (this.cfg.trace.detailed) traceCleared(this.traceCx, this.keyName(ws.key), ws, this.clock, now);
  }

  /** Removes a cleared window, and the slices that only it and earlier (cleared) windows covered. */
  private clearSliced(ws: WindowState): void {
    const sk = this.slicedState.get(ws.key);
    if (sk === undefined) return;
    removeWindow(sk.windows, ws);
    if (sk.materialized.length > 0) removeWindow(sk.materialized, ws);
    if (sk.windows.length === 0) this.slicedState.delete(ws.key);
    // A slice's windows start at or before it, and expire in start order: the ones starting before
    // the next window's start are covered by no open window now.
    else if (this.layout.kind === 'fixed') sk.slices.evictBefore(ws.start + this.layout.fixed.everyMs);
  }

  /**
   * Emits a pane. A sliced window (`sliced`: its slices combined) fires once, on time, and is
   * cleared in the same advance: its pane is its total in every mode, and nothing reads what it
   * said afterwards.
   */
  private fire(ws: WindowState, timing: PaneTiming, now: number, isLast: boolean, sliced?: SliceTotal): void {
    if (ws.sliced) sliced ??= this.combined(ws);
    const mode = this.cfg.scenario.accumulation;
    const discarding = mode === 'discarding';
    const content = sliced ?? (discarding ? ws.pane : ws.total);
    const value = resultOf(this.aggregate, content) ?? 0;
    const window = { start: ws.start, end: ws.end };
    const key = this.keyName(ws.key);
    const index = ws.nextIndex++;
    if (mode === 'accumulating-retracting') this.emitRetractions(ws, key, index, timing, now);
    this.cfg.host.emit(
      {
        key,
        window,
        value,
        timing,
        index,
        isLast,
        emittedAt: now,
        count: content.count,
        maxEventTime: sliced ? sliced.maxEventTime : discarding ? ws.paneMaxEventTime : ws.maxEventTime,
        maxIngestionTime: sliced ? sliced.maxIngestionTime : discarding ? ws.paneMaxIngestionTime : ws.maxIngestionTime,
      },
      this.clock,
    );
    if (!ws.sliced) {
      ws.lastEmitted = { window, value, count: content.count, index };
      resetAcc(ws.pane);
    }
    ws.processingTimerAt = undefined;
    ws.paneMaxEventTime = -Infinity;
    ws.paneMaxIngestionTime = -Infinity;
    ws.firings++;
  }

  /** Accumulating and retracting (Streaming Systems ch. 2): withdraw what was said before the new value. */
  private emitRetractions(ws: WindowState, key: string, index: number, timing: PaneTiming, now: number): void {
    const old: Retractable[] = ws.pendingRetractions ?? [];
    if (ws.lastEmitted) old.push(ws.lastEmitted);
    ws.pendingRetractions = undefined;
    for (const r of old) {
      this.cfg.host.emit(
        {
          key,
          window: r.window,
          value: r.value,
          timing,
          index: r.index,
          isLast: false,
          emittedAt: now,
          count: r.count,
          retraction: true,
          maxEventTime: ws.maxEventTime,
          maxIngestionTime: ws.maxIngestionTime,
        },
        this.clock,
      );
    }
  }

  private reportLate(rec: StreamRecord, late: number, allLate: boolean, now: number): void {
    // Flink sends an element to the late side output only when every window it belongs to was late
    // (isSkippedElement && isElementLate); a partly late element is just dropped from those windows.
    const disposition = allLate && this.cfg.scenario.lateData === 'side-output' ? 'side-output' : 'dropped';
    if (!this.cfg.trace.detailed) return;
    const key = this.keyName(rec.entry.key);
    for (let i = 0; i < late; i++) traceLate(this.traceCx, key, this.lateBuf[i] as Window, disposition, rec, this.clock, now);
  }

  private keyName(id: number): string {
    return this.cfg.keys.name(id);
  }
}

function layoutOf(s: Scenario): Layout {
  const w = s.window;
  switch (w.type) {
    case 'tumbling':
      return { kind: 'fixed', fixed: { sizeMs: w.sizeMs, everyMs: w.sizeMs, offsetMs: w.offsetMs } };
    case 'sliding':
      return { kind: 'fixed', fixed: { sizeMs: w.sizeMs, everyMs: w.everyMs, offsetMs: w.offsetMs } };
    case 'global':
      // The global window [-∞, +∞): one fixed window no timestamp leaves.
      return { kind: 'fixed', fixed: { sizeMs: Infinity, everyMs: Infinity, offsetMs: 0 } };
    case 'session':
      return { kind: 'session', gapMs: w.gapMs };
  }
}

/** Whether one of the key's windows starting in [lo, hi] still keeps its content in the slices. */
function holdsSliced(sk: SlicedKey, lo: number, hi: number, every: number): boolean {
  for (let start = lo; start <= hi; start += every) if (sk.windowAt(start)?.sliced === true) return true;
  return false;
}
