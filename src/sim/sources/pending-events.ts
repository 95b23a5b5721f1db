/**
 * The buffer of a generated partition: events generated but not yet read, handed out in append
 * order (appendTime, then generation order), plus the smallest event time among them.
 *
 * Layout, and why:
 * - Events are numbered by generation sequence and stored column-wise in typed arrays on a ring
 *   indexed by `seq & mask`. The ring covers [oldest unread, newest generated], which the generator
 *   keeps within about one maximum delay of events. Nothing is allocated per pending event; the
 *   LogEntry object is made when the event is read. (Objects linked through long-lived arrays cost
 *   the garbage collector more than the generator itself did.)
 * - Append order is a calendar queue: one bucket per millisecond of append time on a second ring,
 *   each bucket a list linked by sequence number. Append times are integers and the pending ones span
 *   little more than the largest delay, so a ring wider than that span holds one time per bucket;
 *   push and pop are O(1) where a binary heap paid ~log2(n) unpredictable branches. Within a bucket
 *   events keep push order, which is generation order: equal append times come out by index.
 * - Events are generated in event-time order, so the oldest unread one has the smallest event time.
 *
 * The contract with the caller: `firstAppendTimeUpTo(floorMs)` gets a lower bound on the append
 * time of every event pushed later; the scan never passes it, so no later push lands behind it.
 * Both rings grow by doubling and never shrink: O(events within the largest delay) plus
 * O(largest delay in ms) slots.
 */
import type { LogEntry } from '../model/record.js';
import type { EventTime, ProcTime } from '../model/time.js';

const MARKER = 1;
const READ = 2;
const NONE = -1;

export class PendingEvents {
  // The event ring, one column per field, indexed by seq & mask.
  private mask = 1023;
  private keys = new Int32Array(1024);
  private values = new Float64Array(1024);
  private eventTimes = new Float64Array(1024);
  private appendTimes = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  /** The next event (by sequence) in the same append-time bucket, or NONE. */
  private nextInBucket = new Float64Array(1024);
  /** Sequence of the oldest unread event, and of the next event to be generated. */
  private oldest = 0;
  private generated = 0;
  private unread = 0;

  // The bucket ring, indexed by appendTime & bucketMask: first and last sequence of each bucket.
  private bucketMask = 1023;
  private heads = new Float64Array(1024).fill(NONE);
  private tails = new Float64Array(1024).fill(NONE);
  /** The scan position: every unread event has appendTime in [base, base + bucket ring size). */
  private base = 0;

  /** Events generated and not yet read. */
  get size(): number {
    return this.unread;
  }

  /** Ring slots in use: from the oldest unread event to the newest generated. */
  get windowSize(): number {
    return this.generated - this.oldest;
  }

  add(key: number, value: number, eventTime: number, appendTime: number, marker: boolean): void {
    if (appendTime < this.base) {
      throw new Error(`invariant violated: pending events: push at ${appendTime} ms behind the scan at ${this.base} ms`);
    }
    if (this.generated - this.oldest > this.mask) this.growEvents();
    if (appendTime - this.base > this.bucketMask) this.growBuckets(appendTime - this.base);
    const seq = this.generated++;
    const slot = seq & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.eventTimes[slot] = eventTime;
    this.appendTimes[slot] = appendTime;
    this.flags[slot] = marker ? MARKER : 0;
    this.nextInBucket[slot] = NONE;
    const bucket = appendTime & this.bucketMask;
    const tail = this.tails[bucket] as number;
    if (tail === NONE) this.heads[bucket] = seq;
    else this.nextInBucket[tail & this.mask] = seq;
    this.tails[bucket] = seq;
    this.unread++;
  }

  /**
   * The append time of the first unread event if it is ≤ `floorMs`, else Infinity (more must be
   * generated before the first is known). `floorMs` is Infinity once nothing more will be added.
   */
  firstAppendTimeUpTo(floorMs: number): number {
    if (this.unread === 0) {
      // Nothing is pending, so the scan can jump to the floor: no later push lands before it.
      if (floorMs !== Infinity) this.base = floorMs;
      return Infinity;
    }
    const heads = this.heads;
    const bucketMask = this.bucketMask;
    let t = this.base;
    // An unread event lies within one ring of the base, so this ends within the ring's size.
    while (t < floorMs && heads[t & bucketMask] === NONE) t++;
    this.base = t;
    return heads[t & bucketMask] === NONE ? Infinity : t;
  }

  /** The smallest event time among unread events, Infinity when there are none. */
  minEventTime(): number {
    return this.unread === 0 ? Infinity : (this.eventTimes[this.oldest & this.mask] as number);
  }

  /** Removes the first event in append order and returns it as a LogEntry at `offset`. */
  take(partition: number, offset: number): LogEntry | undefined {
    if (this.firstAppendTimeUpTo(Infinity) === Infinity) return undefined;
    const bucket = this.base & this.bucketMask;
    const seq = this.heads[bucket] as number;
    const slot = seq & this.mask;
    const next = this.nextInBucket[slot] as number;
    this.heads[bucket] = next;
    if (next === NONE) this.tails[bucket] = NONE;
    const flags = this.flags[slot] as number;
    this.flags[slot] = flags | READ;
    this.unread--;
    // Keep `oldest` on an unread event, so minEventTime is one read and the window stays bounded.
    while (this.oldest < this.generated && ((this.flags[this.oldest & this.mask] as number) & READ) !== 0) this.oldest++;
    return {
      partition,
      offset,
      key: this.keys[slot] as number,
      value: this.values[slot] as number,
      eventTime: this.eventTimes[slot] as EventTime,
      appendTime: this.appendTimes[slot] as ProcTime,
      marker: (flags & MARKER) !== 0,
    };
  }

  /** An independent copy: the same pending events, handed out in the same order. */
  copy(): PendingEvents {
    const c = new PendingEvents();
    c.mask = this.mask;
    c.keys = this.keys.slice();
    c.values = this.values.slice();
    c.eventTimes = this.eventTimes.slice();
    c.appendTimes = this.appendTimes.slice();
    c.flags = this.flags.slice();
    c.nextInBucket = this.nextInBucket.slice();
    c.oldest = this.oldest;
    c.generated = this.generated;
    c.unread = this.unread;
    c.bucketMask = this.bucketMask;
    c.heads = this.heads.slice();
    c.tails = this.tails.slice();
    c.base = this.base;
    return c;
  }

  /** Doubles the event ring; each live sequence moves to its slot under the new mask. */
  private growEvents(): void {
    const size = (this.mask + 1) * 2;
    const newMask = size - 1;
    const keys = new Int32Array(size);
    const values = new Float64Array(size);
    const eventTimes = new Float64Array(size);
    const appendTimes = new Float64Array(size);
    const flags = new Uint8Array(size);
    const nextInBucket = new Float64Array(size);
    for (let seq = this.oldest; seq < this.generated; seq++) {
      const from = seq & this.mask;
      const to = seq & newMask;
      keys[to] = this.keys[from] as number;
      values[to] = this.values[from] as number;
      eventTimes[to] = this.eventTimes[from] as number;
      appendTimes[to] = this.appendTimes[from] as number;
      flags[to] = this.flags[from] as number;
      nextInBucket[to] = this.nextInBucket[from] as number;
    }
    this.keys = keys;
    this.values = values;
    this.eventTimes = eventTimes;
    this.appendTimes = appendTimes;
    this.flags = flags;
    this.nextInBucket = nextInBucket;
    this.mask = newMask;
  }

  /** Doubles the bucket ring until it spans `spanMs` + 1 times; each bucket holds one time, so lists move whole. */
  private growBuckets(spanMs: number): void {
    let size = this.bucketMask + 1;
    while (size <= spanMs) size *= 2;
    const heads = new Float64Array(size).fill(NONE);
    const tails = new Float64Array(size).fill(NONE);
    const newMask = size - 1;
    for (let t = this.base; t <= this.base + this.bucketMask; t++) {
      const head = this.heads[t & this.bucketMask] as number;
      if (head === NONE) continue;
      heads[t & newMask] = head;
      tails[t & newMask] = this.tails[t & this.bucketMask] as number;
    }
    this.heads = heads;
    this.tails = tails;
    this.bucketMask = newMask;
  }
}
