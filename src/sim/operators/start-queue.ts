/**
 * The starts of one key's sliced windows, sorted: a deque on a ring of doubles. Windows open at
 * the back (the newest start) and close at the front (the oldest fires first). A JS array serves
 * that with push and shift, but shift left-trims the array's store and push then grows it again:
 * a reallocation and a copy every few windows, for every key. The ring does both in place.
 */
export class StartQueue {
  private ring = new Float64Array(16);
  private mask = 15;
  private head = 0;
  size = 0;

  at(i: number): number {
    return this.ring[(this.head + i) & this.mask] as number;
  }

  /** The index of `x`, or -1. Lookups are mostly for the oldest start (it fires) or the newest (it opens). */
  indexOf(x: number): number {
    const n = this.size;
    if (n === 0) return -1;
    if (this.at(0) === x) return 0;
    if (this.at(n - 1) === x) return n - 1;
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.at(mid);
      if (s < x) lo = mid + 1;
      else if (s > x) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  has(x: number): boolean {
    return this.indexOf(x) >= 0;
  }

  /** Inserts `x` in order, after any equal start (new windows mostly open at the back). */
  insert(x: number): void {
    if (this.size === this.ring.length) this.grow();
    let i = this.size;
    for (; i > 0 && this.at(i - 1) > x; i--) this.ring[(this.head + i) & this.mask] = this.at(i - 1);
    this.ring[(this.head + i) & this.mask] = x;
    this.size++;
  }

  /** Removes `x` if present (windows mostly close at the front). */
  remove(x: number): void {
    const i = this.indexOf(x);
    if (i < 0) return;
    if (i === 0) {
      this.head = (this.head + 1) & this.mask;
      this.size--;
      return;
    }
    for (let j = i; j < this.size - 1; j++) this.ring[(this.head + j) & this.mask] = this.at(j + 1);
    this.size--;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  private grow(): void {
    const next = new Float64Array(this.ring.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.at(i);
    this.ring = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
