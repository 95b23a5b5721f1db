/**
 * The keyed window operator: assigns elements to windows, keeps per-key window state, and fires
 * panes as the trigger and the progress clock say. Its shape follows Flink's WindowOperator (assign,
 * drop if late, add, ask the trigger; timers fire windows and clear state) with Beam's pane
 * vocabulary (EARLY / ON_TIME / LATE, index, isLast) and accumulation modes. Where the engines
 * differ it asks the rule book (semantics/rules.ts).
 *
 * Around this kernel: window-state.ts (one window's state), event-timers.ts (its event-time
 * timers), pane-emitter.ts (firing under the accumulation modes), window-slicing.ts (sliding
 * windows kept as slices, on by default where exact), window-snapshot.ts (checkpoint entries),
 * window-trace.ts (the trace entries it writes), session-windows.ts (merging session windows),
 * fixed-window-table.ts (fixed windows per key), late-data.ts (the lateness decision).
 */
import type { StreamRecord } from '../model/record.js';
import type { PaneTiming } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { AggregateKind, TriggerSpec } from '../scenario/types.js';
import { type FixedWindows, assignStarts, windowEnd } from '../windows/fixed-windows.js';
import { type Layout, layoutOf } from '../windows/layout.js';
import { sessionMerge } from '../windows/sessions.js';
import { resultOf } from './aggregate.js';
import { paneOnElement, paneOnProcessingTimer } from './element-trigger.js';
import { EventTimers, type TimerKind } from './event-timers.js';
import { FixedWindowTable } from './fixed-window-table.js';
import { isWindowLate, reportLate } from './late-data.js';
import { PaneEmitter } from './pane-emitter.js';
import type { FiringPhase, WindowOperatorConfig } from './window-operator-host.js';
import { SessionWindows } from './session-windows.js';
import type { SliceTotal } from './slice-store.js';
import type { SlicedKey } from './sliced-windows.js';
import { WindowState } from './window-state.js';
import { type WindowSlicing, slicingFor } from './window-slicing.js';
import { type OperatorSnapshot, type WindowEntry, ownEntries, restoreWindows } from './window-snapshot.js';
import { type TraceContext, traceCleared, traceWindowed } from './window-trace.js';

export type { FiringPhase, WindowOperatorConfig, WindowOperatorHost } from './window-operator-host.js';

export class WindowOperator {
  /** The progress clock: the combined input watermark, or Kafka Streams' stream time. */
  clock = -Infinity;
  private readonly fixedState = new FixedWindowTable();
  private readonly sessionState = new SessionWindows();
  /** A timer names a window state, or under slicing the key of a sliced window its timestamp identifies. */
  private readonly timers = new EventTimers<WindowState | SlicedKey>();
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
  /** Where sliding windows keep their content under stream slicing; undefined without it. */
  private slicing: WindowSlicing | undefined;
  /** What names the windows of sliced timers: the slicing part, kept after slicing stops (unslice). */
  private readonly slicedTimers: WindowSlicing | undefined;
  private readonly panes: PaneEmitter;
  private readonly traceCx: TraceContext;
  /** Per key id, the fixed window its last element went to (a cache in front of fixedState). */
  private readonly recent: (WindowState | undefined)[] = [];

  constructor(private readonly cfg: WindowOperatorConfig) {
    const s = cfg.scenario;
    this.aggregate = s.aggregate;
    this.trigger = s.trigger;
    this.latenessMs = s.allowedLatenessMs;
    this.layout = layoutOf(s);
    this.sessionGapMs = this.layout.kind === 'session' ? this.layout.gapMs : undefined;
    this.emitsEveryUpdate =
      (s.semantics === 'kafka-streams' && !s.suppress) || (s.semantics === 'spark' && s.outputMode === 'update');
    this.traceCx = { trace: cfg.trace, task: cfg.task };
    this.panes = new PaneEmitter(s.aggregate, s.accumulation, cfg.host, (id) => this.keyName(id));
    if (cfg.slicing !== false) {
      this.slicing = slicingFor(this.layout, s, cfg.rules, this.latenessMs, this.emitsEveryUpdate, {
        clock: () => this.clock,
        detailed: cfg.trace.detailed,
        openSliced: (sk, fireAt, expireAt) => {
          this.liveWindows++;
          this.timers.register(fireAt, 'fire', sk);
          if (!this.clearsAtFiring(fireAt, expireAt)) this.timers.register(expireAt, 'expire', sk);
        },
        openMaterialized: (key, start, end) => this.createWindow(key, start, end),
        addElement: (ws, rec, now) => this.addElement(ws, rec, now),
        traceSliced: (key, window, rec, now) => traceWindowed(this.traceCx, this.keyName(key), window, false, rec, this.clock, now),
        reportLate: (rec, windows, late, allLate, now) => this.reportLate(rec, windows, late, allLate, now),
      });
    }
    this.slicedTimers = this.slicing;
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
      const slicing = this.slicing;
      if (slicing !== undefined) {
        if (slicing.accepts(rec.value)) {
          slicing.process(rec, now);
          return;
        }
        this.unslice(slicing);
      }
      this.processFixed(rec, this.layout.fixed, now);
    } else this.processSession(rec, this.layout.gapMs, now);
  }

  /** Moves the progress clock forward and fires and clears the windows it passes, in timestamp order. */
  advanceClock(clock: number, now: number): void {
    if (clock < this.clock) return;
    this.clock = clock;
    while (this.timers.popDue(clock, (time, kind, entry) => this.onTimer(time, kind, entry, now))) {
      // Each call handles one timestamp; loop until none is due.
    }
  }

  onProcessingTimer(ws: WindowState, phase: FiringPhase, firings: number, now: number): void {
    const timing = paneOnProcessingTimer(ws, phase, firings);
    if (timing !== undefined) this.fire(ws, timing, now, false);
  }

  /** The state a checkpoint stores: every open window, deep-copied. */
  snapshot(keyGroupOf: (key: string) => number): OperatorSnapshot {
    const windows: WindowEntry[] = [];
    const keyName = (id: number) => this.keyName(id);
    ownEntries(this.fixedState.all(), keyName, keyGroupOf, windows);
    if (this.slicing) windows.push(...this.slicing.entries(keyName, keyGroupOf));
    ownEntries(this.sessionState.all(), keyName, keyGroupOf, windows);
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
    const open = (ws: WindowState) => {
      this.insert(ws);
      this.liveWindows++;
      this.registerTimers(ws);
    };
    return restoreWindows(snapshot, owns, this.cfg.keys, now, open, this.cfg.host);
  }

  private insert(ws: WindowState): void {
    if (this.slicing) {
      this.slicing.insert(ws);
      return;
    }
    if (this.layout.kind === 'fixed') this.fixedState.insert(ws);
    else this.sessionState.insert(ws);
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
      perKey ??= this.fixedState.of(key);
      ws = perKey?.get(start);
      if (ws === undefined) {
        const w = { start, end: windowEnd(fixed, start) };
        if (isWindowLate(this.cfg.rules, this.clock, w, undefined, this.latenessMs)) {
          this.lateBuf[late++] = w;
          continue;
        }
        ws = this.createWindow(key, w.start, w.end);
        perKey = this.fixedState.insert(ws);
      }
      this.recent[key] = ws;
      this.addElement(ws, rec, now);
    }
    if (late > 0) this.reportLate(rec, this.lateBuf, late, late === n, now);
  }

  private processSession(rec: StreamRecord, gapMs: number, now: number): void {
    const rules = this.cfg.rules;
    const key = rec.entry.key;
    const proto = rules.sessionOf(rec.timestamp, gapMs);
    const m = sessionMerge(rules, gapMs, this.sessionState.of(key), proto);
    // Flink checks the merged window for lateness (isWindowLate(actualWindow)) before adding.
    if (isWindowLate(rules, this.clock, m.span, gapMs, this.latenessMs)) {
      this.lateBuf[0] = m.span;
      this.reportLate(rec, this.lateBuf, 1, true, now);
      return;
    }
    let ws: WindowState;
    if (m.count === 0) {
      ws = this.createWindow(key, m.span.start, m.span.end);
      this.sessionState.insert(ws);
    } else {
      ws = this.mergeSessions(key, m.first, m.count, m.span, now);
    }
    this.addElement(ws, rec, now);
  }

  /** Merges sessions (SessionWindows.merge) and re-registers the timers of the merged span. */
  private mergeSessions(key: number, first: number, count: number, span: Window, now: number): WindowState {
    const merged = this.sessionState.merge(key, first, count, span);
    if (merged === undefined) return this.sessionState.of(key)[first] as WindowState;
    this.liveWindows -= merged.absorbed;
    this.registerTimers(merged.into);
    if (this.cfg.trace.detailed) {
      this.cfg.trace.emit({ type: 'windows-merged', at: now, task: this.cfg.task, key: this.keyName(key), from: merged.from, into: span });
    }
    return merged.into;
  }

  /**
   * Stops slicing for good (WindowSlicing.accepts): every window gets its own accumulators, and the
   * per-window path goes on with them.
   */
  private unslice(slicing: WindowSlicing): void {
    const unsliced = slicing.unslice((ws) => {
      // A sliced window cleared at its firing had no expiry timer: it needs one now.
      if (this.clearsAtFiring(ws.fireAt, ws.expireAt)) this.timers.register(ws.expireAt, 'expire', ws);
    });
    for (const [key, perKey] of unsliced) this.fixedState.adopt(key, perKey);
    this.slicing = undefined;
  }

  /**
   * A sliced window whose expiry is its fire time (no allowed lateness) is cleared as it fires
   * rather than by an expiry timer later in the same advance: nothing can tell the difference but
   * the order of window-cleared trace entries, so only when the trace keeps none. That saves
   * visiting every key a second time per timestamp.
   */
  private clearsAtFiring(fireAt: number, expireAt: number): boolean {
    return fireAt === expireAt && !this.cfg.trace.detailed;
  }

  /** What a pane of a sliced window says, its slices combined; undefined for a window with its own accumulators. */
  private slicedContent(ws: WindowState): SliceTotal | undefined {
    return ws.sliced && this.slicing ? this.slicing.paneContent(ws) : undefined;
  }

  private createWindow(key: number, start: number, end: number): WindowState {
    const ws = new WindowState(key, start, end);
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
    ws.add(rec.value, rec.entry.eventTime, rec.ingestionTime);
    if (this.cfg.trace.detailed) traceWindowed(this.traceCx, this.keyName(ws.key), ws, ws.onTimePassed, rec, this.clock, now);
    const timing = paneOnElement(ws, this.trigger, this.emitsEveryUpdate, this.clock, now, this.cfg.host);
    if (timing !== undefined) this.fire(ws, timing, now, false);
  }

  private onTimer(time: number, kind: TimerKind, entry: WindowState | SlicedKey, now: number): void {
    if (entry instanceof WindowState) this.onEventTimer(time, kind, entry, now);
    else this.onSlicedTimer(time, kind, entry, now);
  }

  private onEventTimer(time: number, kind: TimerKind, ws: WindowState, now: number): void {
    if (ws.cleared) return;
    if (kind === 'fire') {
      if (ws.fireAt !== time || ws.onTimePassed) return;
      ws.onTimePassed = true;
      if (!this.emitsEveryUpdate) this.fireOnTime(ws, now);
      return;
    }
    if (ws.expireAt !== time) return;
    this.clear(ws, now);
  }

  /**
   * A timer of a window opened under slicing, named by its key and timestamp. A window that stays
   * open for allowed lateness after its on-time firing gets its own accumulators for its late
   * panes; one that expires at this clock is cleared in this same advance, before any element, so
   * it fires from its slices and is never materialized.
   */
  private onSlicedTimer(time: number, kind: TimerKind, sk: SlicedKey, now: number): void {
    const namer = this.slicedTimers;
    if (namer === undefined) return;
    const start = namer.startOf(kind, time);
    const slicing = this.slicing;
    const live = slicing?.liveKey(sk);
    if (slicing === undefined || live === undefined || !live.hasSliced(start)) {
      // The window has its own accumulators by now (materialized at its firing, or slicing stopped).
      const ws = slicing ? slicing.materializedAt(sk.key, start) : this.fixedState.get(sk.key, start);
      if (ws !== undefined) this.onEventTimer(time, kind, ws, now);
      return;
    }
    if (kind === 'expire') {
      this.liveWindows--;
      slicing.releaseSliced(live, start);
      if (this.cfg.trace.detailed) traceCleared(this.traceCx, this.keyName(sk.key), slicing.windowAt(start), this.clock, now);
      return;
    }
    const ws = slicing.expireTimeOf(start) > this.clock ? slicing.materializeSliced(sk.key, start) : slicing.firingSliced(live, start);
    ws.onTimePassed = true;
    this.fireOnTime(ws, now);
    if (this.clearsAtFiring(time, slicing.expireTimeOf(start))) {
      this.liveWindows--;
      slicing.releaseSliced(live, start);
    }
  }

  /** The on-time pane, unless the rule book says an empty window stays silent (Flink) . */
  private fireOnTime(ws: WindowState, now: number): void {
    const sliced = this.slicedContent(ws);
    const content = sliced ?? (this.cfg.scenario.accumulation === 'discarding' ? ws.pane : ws.total);
    const isLast = ws.expireAt <= this.clock;
    if (content.count === 0 && !(this.cfg.rules.emitsEmptyOnTimePane && resultOf(this.aggregate, content) !== undefined)) return;
    this.panes.fire(ws, 'ON_TIME', now, this.clock, isLast, sliced);
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
    if (this.slicing) {
      this.slicing.release(ws);
    } else if (this.layout.kind === 'fixed') {
      this.fixedState.remove(ws);
    } else {
      this.sessionState.remove(ws);
    }
    if (this.cfg.trace.detailed) traceCleared(this.traceCx, this.keyName(ws.key), ws, this.clock, now);
  }

  private fire(ws: WindowState, timing: PaneTiming, now: number, isLast: boolean): void {
    this.panes.fire(ws, timing, now, this.clock, isLast, this.slicedContent(ws));
  }

  private reportLate(rec: StreamRecord, windows: readonly Window[], late: number, allLate: boolean, now: number): void {
    reportLate(this.traceCx, this.cfg.scenario.lateData, (id) => this.keyName(id), rec, windows, late, allLate, this.clock, now);
  }

  private keyName(id: number): string {
    return this.cfg.keys.name(id);
  }
}
