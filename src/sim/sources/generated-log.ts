/**
 * A generated log: a PartitionedLog for a GeneratorSpec that streams its events instead of holding
 * them, so a run over 10^7 events needs memory for the events within one maximum delay, not for N.
 *
 * The generator numbers events 0 … N-1 over all partitions and deals them round-robin, as a Kafka
 * producer without keys spreads its sends: partition p gets the indices p, p+P, p+2P …. Index i has
 * the event time the rate profile gives it; its key, value and delay are drawn from the partition's
 * own streams (fork(`partition-${p}`) then 'keys', 'values', 'delay'), so partitions are
 * independent and a cursor's sequence depends only on the spec, the seed and the partition.
 */
import { Prng } from '../kernel/prng.js';
import type { KeyTable, LogEntry } from '../model/record.js';
import type { GeneratorSpec } from '../scenario/types.js';
import { compileDisorder, type DelayModel } from './disorder.js';
import { validateGeneratorSpec } from './generator-spec.js';
import { compileKeyDistribution, type KeyChooser } from './key-distributions.js';
import type { LogCursor, PartitionedLog } from './log.js';
import { PendingEvents } from './pending-events.js';
import { RateProfile } from './rate-profile.js';

/** What a generator compiles to once per log; its cursors share it and keep only their own position. */
interface GeneratorPlan {
  readonly eventCount: number;
  readonly partitions: number;
  readonly profile: RateProfile;
  readonly keyChooser: KeyChooser;
  /** Key index → interned id in the log's KeyTable. */
  readonly keyIds: Int32Array;
  readonly delays: DelayModel;
  readonly valueMin: number;
  readonly valueMax: number;
  /** 0 when the spec has no markers. */
  readonly markerEvery: number;
  readonly spec: GeneratorSpec;
}

/**
 * A cursor leaves a copy of itself (a mark) every MARK_EVERY offsets, and the log keeps the last
 * MARKS_KEPT per partition, so reopening at an offset (a restart from a checkpoint) resumes from the
 * nearest mark at or below it instead of regenerating the partition from offset 0. A checkpoint
 * is usually recent, so two marks cover it; memory stays bounded (two copies of the pending buffer
 * per partition), whatever the number of events.
 */
const MARK_EVERY = 1 << 16;
const MARKS_KEPT = 2;

function copyPrng(p: Prng): Prng {
  return new Prng(p.seed, p.state());
}

export class GeneratedLogCursor implements LogCursor {
  private pending = new PendingEvents();
  private keyPrng: Prng;
  private valuePrng: Prng;
  private delayPrng: Prng;
  /** Told of every MARK_EVERY-th offset read; the log keeps copies there. */
  onMark: ((cursor: GeneratedLogCursor) => void) | undefined;
  private readonly lagMs: number;
  private readonly idleFromMs: number;
  private readonly idleUntilMs: number;
  private readonly step: number;
  /** Global index of the next event to generate, and its event time (Infinity when none is left). */
  private nextIndex = 0;
  private nextEventTimeMs = Infinity;
  private generated = 0;
  private readCount = 0;
  /**
   * The append time generateAhead last returned, NaN when unknown. It holds until next() takes the
   * entry: only taking changes what comes first (a source task peeks several times per record).
   */
  private aheadMs = NaN;

  /** `prng` undefined: a copy in the making (copy() sets the streams and the position). */
  constructor(
    private readonly plan: GeneratorPlan,
    readonly partition: number,
    prng: Prng | undefined,
  ) {
    const streams = (prng ?? new Prng(0)).fork(`partition-${partition}`);
    this.keyPrng = streams.fork('keys');
    this.valuePrng = streams.fork('values');
    this.delayPrng = streams.fork('delay');
    const { laggingPartition: lagging, idlePartition: idle } = plan.spec;
    this.lagMs = lagging !== undefined && lagging.partition === partition ? lagging.lagMs : 0;
    // An empty interval [Infinity, Infinity) for every partition but the idle one.
    const isIdle = idle !== undefined && idle.partition === partition;
    this.idleFromMs = isIdle ? idle.fromMs : Infinity;
    this.idleUntilMs = isIdle ? idle.untilMs : Infinity;
    this.step = plan.partitions;
    this.advanceTo(partition);
  }

  get offset(): number {
    return this.readCount;
  }

  /** Events generated but not yet read: bounded by the events within the largest delay. */
  get bufferedCount(): number {
    return this.pending.size;
  }

  /** Buffer slots in use, read events behind the oldest unread one included; bounded likewise. */
  get windowCount(): number {
    return this.pending.windowSize;
  }

  peekAppendTime(): number {
    const known = this.aheadMs;
    if (!Number.isNaN(known)) return known;
    return (this.aheadMs = this.generateAhead());
  }

  next(): LogEntry {
    if (Number.isNaN(this.aheadMs)) this.generateAhead();
    this.aheadMs = NaN;
    const entry = this.pending.take(this.partition, this.readCount);
    if (entry === undefined) {
      throw new Error(`GeneratedLog: partition ${this.partition} has no entry at offset ${this.readCount}; check peekAppendTime() first`);
    }
    this.readCount++;
    if ((this.readCount & (MARK_EVERY - 1)) === 0 && this.onMark !== undefined) this.onMark(this);
    return entry;
  }

  /** An independent cursor at the same offset, in the same state: it reads what this one would. */
  copy(): GeneratedLogCursor {
    const c = new GeneratedLogCursor(this.plan, this.partition, undefined);
    c.pending = this.pending.copy();
    c.keyPrng = copyPrng(this.keyPrng);
    c.valuePrng = copyPrng(this.valuePrng);
    c.delayPrng = copyPrng(this.delayPrng);
    c.nextIndex = this.nextIndex;
    c.nextEventTimeMs = this.nextEventTimeMs;
    c.generated = this.generated;
    c.readCount = this.readCount;
    c.aheadMs = this.aheadMs;
    return c;
  }

  /** Events not generated yet have event times of at least nextEventTimeMs (Infinity once exhausted). */
  minPendingEventTime(): number {
    return Math.min(this.pending.minEventTime(), this.nextEventTimeMs);
  }

  /**
   * Generates until the first pending entry is certainly the next in append order, and returns its
   * append time (Infinity when the partition is exhausted). Delays are ≥ 0, so every event not yet
   * generated is appended at or after floor = nextEventTimeMs + lagMs, with a larger index than any
   * pending entry: once a pending entry's append time is ≤ floor, no later event can come before it
   * (equal append times go to the smaller index).
   */
  private generateAhead(): number {
    for (;;) {
      const floorMs = this.nextEventTimeMs + this.lagMs;
      const first = this.pending.firstAppendTimeUpTo(floorMs);
      if (first !== Infinity || floorMs === Infinity) return first;
      this.generateOne();
    }
  }

  private generateOne(): void {
    const plan = this.plan;
    const eventTimeMs = this.nextEventTimeMs;
    const key = plan.keyIds[plan.keyChooser.choose(this.keyPrng, eventTimeMs)] as number;
    const value = this.valuePrng.int(plan.valueMin, plan.valueMax);
    const appendTimeMs = eventTimeMs + plan.delays.draw(this.delayPrng) + this.lagMs;
    this.generated++;
    // markerEvery n marks the partition's n-th, 2n-th … generated event (local counts n-1, 2n-1 …).
    const marker = plan.markerEvery > 0 && this.generated % plan.markerEvery === 0;
    this.pending.add(key, value, eventTimeMs, appendTimeMs, marker);
    this.advanceTo(this.nextIndex + this.step);
  }

  /** Moves to the first index ≥ `index` of this partition that is not inside the idle interval. */
  private advanceTo(index: number): void {
    const plan = this.plan;
    let i = index;
    if (i < plan.eventCount) {
      const t = plan.profile.eventTimeOf(i);
      if (t >= this.idleFromMs && t < this.idleUntilMs) {
        // Jump past the idle interval, then up to the next index that belongs to this partition.
        const first = plan.profile.firstIndexAtOrAfter(this.idleUntilMs, i, plan.eventCount);
        i = first + ((((this.partition - first) % this.step) + this.step) % this.step);
      }
    }
    this.nextIndex = i;
    this.nextEventTimeMs = i < plan.eventCount ? plan.profile.eventTimeOf(i) : Infinity;
  }
}

/** Interns `k0` … `k{K-1}` in index order; on an empty table key id equals key index. */
function internKeyNames(keys: KeyTable, keyCount: number): Int32Array {
  const ids = new Int32Array(keyCount);
  for (let k = 0; k < keyCount; k++) ids[k] = keys.intern(`k${k}`);
  return ids;
}

export class GeneratedLog implements PartitionedLog {
  readonly partitions: number;
  private readonly plan: GeneratorPlan;
  /** Per partition, the MARKS_KEPT marks made or passed most recently, the most recent last. */
  private readonly marks: GeneratedLogCursor[][];

  constructor(
    spec: GeneratorSpec,
    private readonly prng: Prng,
    readonly keys: KeyTable,
  ) {
    validateGeneratorSpec(spec);
    const profile = new RateProfile({ startMs: spec.startMs, ratePerSec: spec.ratePerSec, bursts: spec.bursts });
    this.partitions = spec.partitions;
    this.plan = {
      eventCount: spec.events,
      partitions: spec.partitions,
      profile,
      keyChooser: compileKeyDistribution(spec.keyDistribution, spec.keys),
      keyIds: internKeyNames(keys, spec.keys),
      delays: compileDisorder(spec.disorder),
      valueMin: spec.valueMin,
      valueMax: spec.valueMax,
      markerEvery: spec.markerEvery ?? 0,
      spec,
    };
    this.marks = Array.from({ length: spec.partitions }, () => []);
  }

  /**
   * Keeps a copy of `cursor` (cursors of one partition read the same entries, so one copy per
   * offset serves them all), dropping the mark used least recently. Recency, not offset: a log read
   * again from the start (a benchmark's next run, a restarted job) must not be left with only the
   * marks of the far offsets an earlier reader reached, or every reopen would regenerate from 0.
   */
  private mark(cursor: GeneratedLogCursor): void {
    const kept = this.marks[cursor.partition] as GeneratedLogCursor[];
    const same = kept.findIndex((m) => m.offset === cursor.offset);
    if (same >= 0) {
      kept.push(...kept.splice(same, 1));
      return;
    }
    kept.push(cursor.copy());
    if (kept.length > MARKS_KEPT) kept.shift();
  }

  /** The offsets a reopen of `partition` can start from without regenerating from offset 0. */
  markOffsets(partition: number): number[] {
    return (this.marks[partition] ?? []).map((m) => m.offset).sort((a, b) => a - b);
  }

  /** The largest gap between an event's event time and its append time, lag included. */
  get maxDelayMs(): number {
    return this.plan.delays.maxDelayMs + (this.plan.spec.laggingPartition?.lagMs ?? 0);
  }

  /**
   * Opens a cursor at `fromOffset`. A generated partition cannot seek: offsets follow append
   * order, which only generation reveals, so the cursor starts from a copy of the nearest mark at
   * or below `fromOffset` (see MARK_EVERY), or else from the start, and reads the entries in
   * between away: O(MARK_EVERY) for a recent offset, O(fromOffset) for an old one.
   */
  open(partition: number, fromOffset: number): GeneratedLogCursor {
    if (!Number.isInteger(partition) || partition < 0 || partition >= this.partitions) {
      throw new Error(`GeneratedLog.open: partition must be an integer in [0, ${this.partitions}), got ${partition}`);
    }
    if (!Number.isInteger(fromOffset) || fromOffset < 0) {
      throw new Error(`GeneratedLog.open: fromOffset must be a non-negative integer, got ${fromOffset}`);
    }
    let from: GeneratedLogCursor | undefined;
    for (const m of this.marks[partition] as GeneratedLogCursor[]) if (m.offset <= fromOffset && (from === undefined || m.offset > from.offset)) from = m;
    const cursor = from !== undefined ? from.copy() : new GeneratedLogCursor(this.plan, partition, this.prng);
    cursor.onMark = (c) => this.mark(c);
    while (cursor.offset < fromOffset) {
      if (cursor.peekAppendTime() === Infinity) {
        throw new Error(`GeneratedLog.open: fromOffset ${fromOffset} is past the end of partition ${partition} (${cursor.offset} entries)`);
      }
      cursor.next();
    }
    return cursor;
  }
}
