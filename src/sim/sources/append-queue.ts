/**
 * The generated-but-not-yet-read entries of a partition, in append order: a calendar queue with
 * one bucket per millisecond of append time, on a ring of buckets.
 *
 * Why not a binary heap: a heap pays ~log2(n) unpredictable branches per entry, and with a 6 s
 * delay at 1000 events/s (WORKLOADS) that was most of the generator's cost. Here push and pop are
 * O(1): append times are integers, and the pending entries of a partition span little more than
 * the disorder model's largest delay, so a ring a little wider than that span holds one append time
 * per bucket. Within a bucket entries keep push order, which is generation order, which is index
 * order: equal append times come out by index with no comparison at all.
 *
 * The contract with the caller: it passes `floorMs`, a lower bound on the append time of every
 * entry it will push later; the queue never scans past it, so no later push lands behind the scan.
 * Memory: the ring grows (doubling) to the widest span of pending append times it sees, so it costs
 * O(largest delay in ms) slots plus the entries themselves.
 */
/** An entry threaded through its bucket; the queue owns `nextInBucket` while the entry is queued. */
export interface Bucketed<T> {
  readonly appendTime: number;
  nextInBucket: T | undefined;
}

const INITIAL_BUCKETS = 1024;

export class AppendQueue<T extends Bucketed<T>> {
  private heads: (T | undefined)[] = new Array<T | undefined>(INITIAL_BUCKETS).fill(undefined);
  private tails: (T | undefined)[] = new Array<T | undefined>(INITIAL_BUCKETS).fill(undefined);
  private mask = INITIAL_BUCKETS - 1;
  /** The scan position: every queued entry has appendTime in [base, base + ring size). */
  private base = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * The append time of the first entry if it is ≤ `floorMs`, else Infinity (the caller must push
   * more before it can know the first). Advances the scan up to that point; `floorMs` may be Infinity
   * once nothing more will be pushed.
   */
  firstTimeUpTo(floorMs: number): number {
    if (this.count === 0) {
      // Nothing is queued, so the scan can jump to the floor: no later push lands before it.
      if (floorMs !== Infinity) this.base = floorMs;
      return Infinity;
    }
    const heads = this.heads;
    const mask = this.mask;
    let t = this.base;
    // A queued entry lies within one ring of the base, so this loop ends within the ring's size.
    while (t < floorMs && heads[t & mask] === undefined) t++;
    this.base = t;
    return heads[t & mask] === undefined ? Infinity : t;
  }

  push(item: T): void {
    const t = item.appendTime;
    // A push behind the scan means the caller broke the floor contract: a bug in streamsim.
    if (t < this.base) throw new Error(`invariant violated: append queue: push at ${t} ms behind the scan at ${this.base} ms`);
    if (t - this.base > this.mask) this.grow(t - this.base);
    const slot = t & this.mask;
    const tail = this.tails[slot];
    item.nextInBucket = undefined;
    if (tail === undefined) this.heads[slot] = item;
    else tail.nextInBucket = item;
    this.tails[slot] = item;
    this.count++;
  }

  /** Removes and returns the first entry in append order, or undefined when the queue is empty. */
  pop(): T | undefined {
    if (this.firstTimeUpTo(Infinity) === Infinity) return undefined;
    const slot = this.base & this.mask;
    const head = this.heads[slot];
    if (head === undefined) return undefined;
    const next = head.nextInBucket;
    this.heads[slot] = next;
    if (next === undefined) this.tails[slot] = undefined;
    // Unlink, so an entry a reader keeps does not keep the rest of its bucket alive.
    head.nextInBucket = undefined;
    this.count--;
    return head;
  }

  /** Doubles the ring until it spans `spanMs` + 1 times; each bucket holds one time, so lists move whole. */
  private grow(spanMs: number): void {
    let size = this.mask + 1;
    while (size <= spanMs) size *= 2;
    const heads = new Array<T | undefined>(size).fill(undefined);
    const tails = new Array<T | undefined>(size).fill(undefined);
    const newMask = size - 1;
    for (let t = this.base; t <= this.base + this.mask; t++) {
      const head = this.heads[t & this.mask];
      if (head === undefined) continue;
      heads[t & newMask] = head;
      tails[t & newMask] = this.tails[t & this.mask];
    }
    this.heads = heads;
    this.tails = tails;
    this.mask = newMask;
  }
}
