/**
 * The state of one key's window inside the window operator: its bounds, the running aggregate of
 * everything it holds (`total`), the part that arrived since the last firing (`pane`), and where it
 * stands in its life: before the on-time moment, after it (late phase), or cleared.
 */
import type { Window } from '../model/window.js';
import { type Acc, addToAcc, emptyAcc } from './aggregate.js';

export interface Retractable {
  readonly window: Window;
  readonly value: number;
  readonly count: number;
  readonly index: number;
}

export class WindowState implements Window {
  total: Acc;
  pane: Acc;
  /** Latest event and ingestion time behind `total` and behind `pane`, for latency. */
  maxEventTime = -Infinity;
  maxIngestionTime = -Infinity;
  paneMaxEventTime = -Infinity;
  paneMaxIngestionTime = -Infinity;
  /** Index of the next pane, per key and window (Beam PaneInfo.index). */
  nextIndex = 0;
  /** The progress clock has passed the window's fire time: further data is late (if still allowed). */
  onTimePassed = false;
  cleared = false;
  /**
   * The content is still in the key's slices (stream slicing, slice-store.ts): `total` and `pane`
   * are empty until the window is materialized at its on-time firing.
   */
  sliced: boolean;
  /** Bumped on every firing, so a processing-time timer set for an earlier pane knows it is stale. */
  firings = 0;
  /** The clock values at which this window's fire and expiry timers are registered. */
  fireAt = 0;
  expireAt = 0;
  /** What the last pane said, for accumulating-and-retracting output. */
  lastEmitted: Retractable | undefined;
  /** Panes of sessions merged into this one that a retracting consumer must withdraw. */
  pendingRetractions: Retractable[] | undefined;
  /** The processing-time firing this window waits for, if any (kept so a restore can re-arm it). */
  processingTimerAt: number | undefined;
  processingTimerPhase: 'early' | 'late' = 'early';

  /** A sliced window starts with the shared empty accumulators: it allocates its own only if it is materialized. */
  constructor(public key: number, public start: number, public end: number, sliced = false) {
    this.sliced = sliced;
    this.total = sliced ? SLICED : emptyAcc();
    this.pane = sliced ? SLICED : emptyAcc();
  }

  /** Folds an element into the total and the pane, and the latest event and ingestion time behind them. */
  add(value: number, eventTime: number, ingestionTime: number): void {
    addToAcc(this.total, value);
    addToAcc(this.pane, value);
    if (eventTime > this.maxEventTime) this.maxEventTime = eventTime;
    if (eventTime > this.paneMaxEventTime) this.paneMaxEventTime = eventTime;
    if (ingestionTime > this.maxIngestionTime) this.maxIngestionTime = ingestionTime;
    if (ingestionTime > this.paneMaxIngestionTime) this.paneMaxIngestionTime = ingestionTime;
  }

  /**
   * Makes this state stand for a fresh sliced window. The slicing part keeps one such scratch state
   * for the windows whose content is in the slices (they have no state of their own) while one
   * fires or is written to a snapshot; nothing may keep a reference to it.
   */
  reopenSliced(key: number, start: number, end: number): void {
    this.key = key;
    this.start = start;
    this.end = end;
    this.total = SLICED;
    this.pane = SLICED;
    this.maxEventTime = -Infinity;
    this.maxIngestionTime = -Infinity;
    this.paneMaxEventTime = -Infinity;
    this.paneMaxIngestionTime = -Infinity;
    this.nextIndex = 0;
    this.onTimePassed = false;
    this.cleared = false;
    this.sliced = true;
    this.firings = 0;
    this.fireAt = 0;
    this.expireAt = 0;
    this.lastEmitted = undefined;
    this.pendingRetractions = undefined;
    this.processingTimerAt = undefined;
    this.processingTimerPhase = 'early';
  }
}

/** The accumulators of every sliced window, which no element reaches: frozen, so a stray write throws. */
const SLICED: Acc = Object.freeze(emptyAcc());
