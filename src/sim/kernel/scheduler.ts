/**
 * The discrete-event kernel: a binary heap of entries ordered by (time, priority, sequence).
 *
 * As in SimPy, the sequence number makes same-time, same-priority entries come out in insertion
 * order, so a run is a pure function of its inputs. `run` is always bounded: reaching the step
 * bound is an error (a livelock in a model), never a hang.
 */

/** Something the scheduler can wake. One object per actor (a task, a channel), not one closure per event. */
export interface Wakeable {
  wake(now: number, tag: number): void;
}

/**
 * Priorities within one instant. Lower runs first. Data is delivered before timers fire, so a
 * record and a processing-time timer due at the same millisecond see the record first, the order
 * Flink's mailbox gives a record already in the input buffer.
 */
export const Priority = {
  delivery: 0,
  source: 1,
  timer: 2,
  periodic: 3,
  control: 4,
} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

interface Entry {
  time: number;
  priority: number;
  seq: number;
  target: Wakeable;
  tag: number;
  /** A daemon entry (a timeout, say) does not keep the simulation alive on its own. */
  daemon: boolean;
  /** In the heap, not run yet. */
  queued: boolean;
  /** Cancelled before it ran: it stays in the heap until popped or compacted, and never runs. */
  cancelled: boolean;
}

/** A daemon entry that can be cancelled before it runs (a checkpoint's timeout, once it completed). */
export interface Cancellable {
  cancel(): void;
}

function before(x: Entry, y: Entry): boolean {
  if (x.time !== y.time) return x.time < y.time;
  if (x.priority !== y.priority) return x.priority < y.priority;
  return x.seq < y.seq;
}

export class StepBoundExceeded extends Error {
  constructor(readonly steps: number, readonly now: number) {
    super(`scheduler: step bound of ${steps} reached at simulated time ${now} ms; the model does not terminate`);
  }
}

export class Scheduler {
  private readonly heap: Entry[] = [];
  /**
   * Entries already run, for reuse: a run schedules about two entries per record, and entries are
   * private to the scheduler, so recycling them spares the garbage collector one object per step.
   */
  private readonly spare: Entry[] = [];
  private seq = 0;
  private nowMs = 0;
  private steps = 0;
  /** Entries that are not daemons: the run ends when none remain. */
  private live = 0;
  /** Cancelled entries still in the heap. */
  private cancelled = 0;

  get now(): number {
    return this.nowMs;
  }

  get pending(): number {
    return this.heap.length - this.cancelled;
  }

  get stepsTaken(): number {
    return this.steps;
  }

  /** Schedules `target.wake(time, tag)`. Scheduling in the past is a bug in the caller. */
  schedule(time: number, priority: Priority, target: Wakeable, tag = 0): void {
    this.push(time, priority, target, tag, false);
  }

  /**
   * Schedules an entry that does not by itself keep the run going, like a daemon thread: a
   * checkpoint timeout still pending when all real work is done is never reached, so the run
   * ends, and its end time is, when the last real work happened.
   */
  scheduleDaemon(time: number, priority: Priority, target: Wakeable, tag = 0): Cancellable {
    const entry = this.push(time, priority, target, tag, true);
    const seq = entry.seq;
    return { cancel: () => this.cancel(entry, seq) };
  }

  /**
   * Cancels a daemon entry that has not run (entries are recycled: `seq` tells whether `entry` is
   * still the one scheduled). A timeout whose checkpoint completed would otherwise stay in the heap
   * for its whole delay (ten minutes by default) and make every other entry's push and pop dearer:
   * sixty of them at a checkpoint every 10 s. When cancelled entries are half the heap, the heap is
   * rebuilt without them; the others keep their (time, priority, sequence), so the order is the same.
   */
  private cancel(entry: Entry, seq: number): void {
    if (entry.seq !== seq || !entry.queued || entry.cancelled) return;
    entry.cancelled = true;
    this.cancelled++;
    if (this.cancelled * 2 > this.heap.length) this.compact();
  }

  private compact(): void {
    const kept = this.heap.filter((e) => !e.cancelled);
    for (const e of this.heap) if (e.cancelled) this.recycle(e);
    this.heap.length = 0;
    this.cancelled = 0;
    for (const e of kept) this.siftUp(e);
  }

  private recycle(e: Entry): void {
    e.queued = false;
    e.cancelled = false;
    this.spare.push(e);
  }

  private push(time: number, priority: Priority, target: Wakeable, tag: number, daemon: boolean): Entry {
    if (time < this.nowMs) throw new Error(`scheduler: cannot schedule at ${time} ms, before now (${this.nowMs} ms)`);
    let entry = this.spare.pop();
    if (entry === undefined) entry = { time, priority, seq: this.seq++, target, tag, daemon, queued: true, cancelled: false };
    else {
      entry.time = time;
      entry.priority = priority;
      entry.seq = this.seq++;
      entry.target = target;
      entry.tag = tag;
      entry.daemon = daemon;
      entry.queued = true;
    }
    if (!daemon) this.live++;
    this.siftUp(entry);
    return entry;
  }

  private siftUp(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Entry;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The time of the next entry, or Infinity when nothing is scheduled. */
  peekTime(): number {
    this.dropCancelledTop();
    const top = this.heap[0];
    return top === undefined ? Infinity : top.time;
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && (this.heap[0] as Entry).cancelled) {
      const top = this.heap[0] as Entry;
      this.pop();
      this.cancelled--;
      this.recycle(top);
    }
  }

  /** Runs entries until only daemons remain, the next is after `untilMs`, or `maxSteps` have run (an error). */
  run(maxSteps: number, untilMs = Infinity): void {
    const heap = this.heap;
    while (this.live > 0) {
      const top = heap[0] as Entry;
      if (top.cancelled) {
        this.dropCancelledTop();
        continue;
      }
      if (top.time > untilMs) break;
      if (this.steps >= maxSteps) throw new StepBoundExceeded(maxSteps, this.nowMs);
      this.pop();
      top.queued = false;
      if (!top.daemon) this.live--;
      this.steps++;
      this.nowMs = top.time;
      top.target.wake(top.time, top.tag);
      this.spare.push(top);
    }
    if (untilMs !== Infinity && untilMs > this.nowMs) this.nowMs = untilMs;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop() as Entry;
    const n = heap.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && before(heap[r] as Entry, heap[l] as Entry)) c = r;
      const child = heap[c] as Entry;
      if (!before(child, last)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
  }
}
