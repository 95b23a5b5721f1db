/**
 * A first-in first-out queue on a growable ring buffer: O(1) push and shift with no copying except
 * when the capacity doubles. The generated log keeps its not-yet-read events in it, in event-time order.
 */
export class RingQueue<T> {
  private slots: (T | undefined)[];
  private head = 0;
  private count = 0;

  /** `capacity` is rounded up to a power of two so that wrapping is a mask. */
  constructor(capacity = 16) {
    let size = 1;
    while (size < capacity) size *= 2;
    this.slots = new Array<T | undefined>(size).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.slots[this.head];
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    this.slots[(this.head + this.count) & mask] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    // Clear the slot so the queue does not keep a read entry alive.
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
    return item;
  }

  private grow(): void {
    const old = this.slots;
    const mask = old.length - 1;
    const slots = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) slots[i] = old[(this.head + i) & mask];
    this.slots = slots;
    this.head = 0;
  }
}
