/**
 * Firing a window: the pane it emits, in Beam's vocabulary (timing EARLY / ON_TIME / LATE, index,
 * isLast) and under the scenario's accumulation mode (Streaming Systems ch. 2): discarding emits
 * what arrived since the last pane, accumulating the window's total, accumulating-and-retracting
 * the total after withdrawing what it said before.
 */
import type { Accumulation, Pane, PaneTiming } from '../model/pane.js';
import type { AggregateKind } from '../scenario/types.js';
import { resetAcc, resultOf } from './aggregate.js';
import type { SliceTotal } from './slice-store.js';
import type { Retractable, WindowState } from './window-state.js';

export interface PaneSink {
  emit(pane: Pane, clock: number): void;
}

export class PaneEmitter {
  constructor(
    private readonly aggregate: AggregateKind,
    private readonly mode: Accumulation,
    private readonly sink: PaneSink,
    private readonly keyName: (id: number) => string,
  ) {}

  /**
   * Emits a pane of `ws` at processing time `now` and progress clock `clock`. A sliced window
   * passes its slices combined (`sliced`): it fires once, on time, and is cleared in the same
   * advance, so its pane is its total in every mode and nothing reads what it said afterwards.
   */
  fire(ws: WindowState, timing: PaneTiming, now: number, clock: number, isLast: boolean, sliced: SliceTotal | undefined): void {
    const mode = this.mode;
    const discarding = mode === 'discarding';
    const content = sliced ?? (discarding ? ws.pane : ws.total);
    const value = resultOf(this.aggregate, content) ?? 0;
    const window = { start: ws.start, end: ws.end };
    const key = this.keyName(ws.key);
    const index = ws.nextIndex++;
    if (mode === 'accumulating-retracting') this.emitRetractions(ws, key, index, timing, now, clock);
    this.sink.emit(
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
      clock,
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
  private emitRetractions(ws: WindowState, key: string, index: number, timing: PaneTiming, now: number, clock: number): void {
    const old: Retractable[] = ws.pendingRetractions ?? [];
    if (ws.lastEmitted) old.push(ws.lastEmitted);
    ws.pendingRetractions = undefined;
    for (const r of old) {
      this.sink.emit(
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
        clock,
      );
    }
  }
}
