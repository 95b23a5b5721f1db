/**
 * The rate profile of a generator: which event time the i-th generated event (counted over all
 * partitions) carries. Event times never decrease with i, which is what lets a generated log
 * stream in append order with a bounded buffer (see generated-log.ts).
 */

/** Optional bursts: `onMs` of event time at `burstRatePerSec`, then `offMs` at the base rate, repeating. */
export interface BurstOptions {
  readonly onMs: number;
  readonly offMs: number;
  readonly burstRatePerSec: number;
}

export interface RateProfileOptions {
  /** Event time of event 0. */
  readonly startMs: number;
  /** Events per second of event time, across all partitions. */
  readonly ratePerSec: number;
  readonly bursts?: BurstOptions;
}

function positiveFinite(x: number): boolean {
  return Number.isFinite(x) && x > 0;
}

/** Number of events a phase of `phaseMs` holds at `ratePerSec`: the j with floor(j*1000/rate) < phaseMs. */
function eventsInPhase(phaseMs: number, ratePerSec: number): number {
  return Math.ceil((phaseMs * ratePerSec) / 1000);
}

export class RateProfile {
  private readonly startMs: number;
  private readonly ratePerSec: number;
  private readonly burstRatePerSec: number;
  private readonly onMs: number;
  private readonly cycleMs: number;
  /** Events in the burst phase of a cycle, and in a whole cycle; 0 when there are no bursts. */
  private readonly onEvents: number;
  private readonly cycleEvents: number;

  constructor(options: RateProfileOptions) {
    const { startMs, ratePerSec, bursts } = options;
    if (!Number.isInteger(startMs)) throw new Error(`rateProfile: startMs must be an integer, got ${startMs}`);
    if (!positiveFinite(ratePerSec)) throw new Error(`rateProfile: ratePerSec must be a positive number, got ${ratePerSec}`);
    this.startMs = startMs;
    this.ratePerSec = ratePerSec;
    if (bursts === undefined) {
      this.burstRatePerSec = ratePerSec;
      this.onMs = 0;
      this.cycleMs = 0;
      this.onEvents = 0;
      this.cycleEvents = 0;
      return;
    }
    const { onMs, offMs, burstRatePerSec } = bursts;
    if (!Number.isInteger(onMs) || onMs <= 0) throw new Error(`rateProfile: bursts.onMs must be a positive integer, got ${onMs}`);
    if (!Number.isInteger(offMs) || offMs < 0) throw new Error(`rateProfile: bursts.offMs must be a non-negative integer, got ${offMs}`);
    if (!positiveFinite(burstRatePerSec)) {
      throw new Error(`rateProfile: bursts.burstRatePerSec must be a positive number, got ${burstRatePerSec}`);
    }
    this.burstRatePerSec = burstRatePerSec;
    this.onMs = onMs;
    this.cycleMs = onMs + offMs;
    this.onEvents = eventsInPhase(onMs, burstRatePerSec);
    this.cycleEvents = this.onEvents + eventsInPhase(offMs, ratePerSec);
  }

  /** Event time of global event index `i` (i ≥ 0). Non-decreasing in i. */
  eventTimeOf(i: number): number {
    if (this.cycleEvents === 0) return this.startMs + Math.floor((i * 1000) / this.ratePerSec);
    // Each cycle holds onEvents spaced at the burst rate from the cycle start, then the rest
    // spaced at the base rate from onMs; eventsInPhase keeps each phase inside its own interval.
    const cycle = Math.floor(i / this.cycleEvents);
    const j = i - cycle * this.cycleEvents;
    const cycleStart = this.startMs + cycle * this.cycleMs;
    if (j < this.onEvents) return cycleStart + Math.floor((j * 1000) / this.burstRatePerSec);
    return cycleStart + this.onMs + Math.floor(((j - this.onEvents) * 1000) / this.ratePerSec);
  }

  /**
   * The smallest index in [from, count) whose event time is ≥ t, or `count` when there is none.
   * A binary search over the monotone eventTimeOf, so skipping an idle interval costs O(log N).
   */
  firstIndexAtOrAfter(t: number, from: number, count: number): number {
    let lo = from;
    let hi = count;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.eventTimeOf(mid) >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
