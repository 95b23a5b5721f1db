/**
 * A network channel between two tasks, as Flink's network stack moves data:
 * - records are collected in an output buffer that is sent when it holds `bufferRecords` records
 *   or `bufferTimeoutMs` after its first record (execution.buffer-timeout, default 100 ms), so a
 *   record waits for its buffer; each buffer sent costs the sender `bufferOverheadUs` whatever it
 *   holds, so short timeouts send small buffers and pay more per record: the latency/throughput
 *   trade-off of the buffer timeout;
 * - a sent buffer arrives after the channel's latency; buffers keep their order (TCP);
 * - credit-based flow control: the receiver grants `capacity` records of credit; a sender with no
 *   credit left must wait (backpressure), and taking a record returns one credit;
 * - an unaligned checkpoint barrier is sent with priority and overtakes buffered records.
 * With no cost model (buffer of 1 record, no timeout, unlimited credit) every element is sent at once.
 */
import { Priority, type Scheduler, type Wakeable } from '../kernel/scheduler.js';
import type { StreamRecord } from '../model/record.js';
import { Barrier, type Control } from './control.js';
import type { WorkMeter } from './work-meter.js';

export type Element = StreamRecord | Control;

export function isRecord(e: Element): e is StreamRecord {
  return (e as StreamRecord).entry !== undefined;
}

/** The receiving side: woken when an element becomes available at `at`. */
export interface ChannelReceiver extends Wakeable {
  /** Asks to be woken at `at` to take input (tag INPUT_TAG). */
  inputAvailableAt(at: number): void;
}

/** The sending side: told when credit comes back; its meter pays for the buffers it sends. */
export interface ChannelSender {
  creditAvailable(now: number): void;
  readonly meter: WorkMeter;
}

export interface ChannelOptions {
  readonly latencyMs: number;
  readonly bufferRecords: number;
  readonly bufferTimeoutMs: number;
  /** Charged to the sender for every buffer sent (µs). */
  readonly bufferOverheadUs: number;
  /** Credit in records; Infinity for none. */
  readonly capacity: number;
}

const FLUSH = 1;

export class Channel implements Wakeable {
  private outBuffer: Element[] = [];
  private outRecords = 0;
  private flushScheduledAt = Infinity;
  /**
   * The input queue: slots [head, tail) of two parallel arrays. Emptying it resets the indices and
   * keeps the arrays, so a channel that carries one record at a time allocates nothing per record.
   */
  private times: number[] = [];
  private elements: Element[] = [];
  private head = 0;
  private tail = 0;
  /** Priority (unaligned) barriers in flight, in order. */
  private readonly priority: { at: number; barrier: Barrier; aheadAtSend: number; takenAtSend: number }[] = [];
  /** Records taken by the receiver so far. */
  private taken = 0;
  /** For the last priority barrier taken: how many records sent before it were still queued. */
  lastBarrierAhead = 0;
  /** Records sent and not yet taken by the receiver: what credit counts. */
  private unconsumed = 0;
  /** Extra latency from a network fault (delay, reorder), set by the fault plan. */
  extraLatencyMs = 0;
  /** Set when the job graph this channel belongs to is torn down. */
  alive = true;
  senderWaiting = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly options: ChannelOptions,
    readonly receiver: ChannelReceiver,
    readonly sender: ChannelSender | undefined,
    /** Index among the receiver's inputs. */
    readonly index: number,
  ) {}

  /** Records the receiver has not taken yet (the queue fill shown in the dataflow view). */
  get queued(): number {
    return this.unconsumed;
  }

  get capacity(): number {
    return this.options.capacity;
  }

  hasCredit(): boolean {
    return this.unconsumed < this.options.capacity;
  }

  /** Sends a record or an in-line control element. Records need credit: check hasCredit first. */
  send(element: Element, now: number): void {
    if (isRecord(element)) {
      this.unconsumed++;
      this.outRecords++;
    }
    const o = this.options;
    if (this.outRecords >= o.bufferRecords || o.bufferTimeoutMs === 0 || element instanceof Barrier) {
      // A full buffer is sent; Flink also flushes when it broadcasts an event such as a barrier.
      if (this.outBuffer.length === 0) this.transmit(element, now);
      else {
        this.outBuffer.push(element);
        this.flush(now);
      }
      return;
    }
    this.outBuffer.push(element);
    if (this.flushScheduledAt === Infinity) {
      this.flushScheduledAt = now + o.bufferTimeoutMs;
      this.scheduler.schedule(this.flushScheduledAt, Priority.delivery, this, FLUSH);
    }
  }

  /** An unaligned barrier: it skips the output buffer and the queue (Flink's priority events). */
  sendPriority(barrier: Barrier, now: number): void {
    const at = now + this.options.latencyMs + this.extraLatencyMs;
    this.priority.push({ at, barrier, aheadAtSend: this.unconsumed, takenAtSend: this.taken });
    this.receiver.inputAvailableAt(at);
  }

  /** Sends what the output buffer holds now (the output flusher, or a forced flush). */
  flush(now: number): void {
    if (this.outBuffer.length === 0) return;
    const due = this.dueAt(now);
    for (const e of this.outBuffer) this.enqueue(due, e);
    this.outBuffer = [];
    this.sent(now, due);
  }

  /** Sends a buffer of one element, the output buffer being empty: flush without the buffer. */
  private transmit(element: Element, now: number): void {
    const due = this.dueAt(now);
    this.enqueue(due, element);
    this.sent(now, due);
  }

  /** When a buffer sent now arrives. TCP keeps order: never before the one sent ahead of it. */
  private dueAt(now: number): number {
    const at = now + this.options.latencyMs + this.extraLatencyMs;
    const last = this.tail > this.head ? (this.times[this.tail - 1] as number) : -Infinity;
    return at > last ? at : last;
  }

  private enqueue(due: number, e: Element): void {
    this.times[this.tail] = due;
    this.elements[this.tail] = e;
    this.tail++;
  }

  private sent(now: number, due: number): void {
    this.outRecords = 0;
    // The sender's network stack handles each buffer once, however few records it holds.
    if (this.sender !== undefined) this.sender.meter.spend(now, this.options.bufferOverheadUs);
    this.receiver.inputAvailableAt(due);
  }

  wake(now: number): void {
    if (!this.alive) return;
    this.flushScheduledAt = Infinity;
    this.flush(now);
  }

  /** The time the next element becomes available (priority barriers first), or Infinity. */
  nextAvailableAt(): number {
    const p = this.priority[0];
    const t = this.head < this.tail ? (this.times[this.head] as number) : Infinity;
    return p !== undefined && p.at < t ? p.at : t;
  }

  /** Takes the next element available by `now`, or undefined. Returns a credit for a record. */
  take(now: number): Element | undefined {
    const p = this.priority[0];
    if (p !== undefined && p.at <= now) {
      this.priority.shift();
      // The records it overtook are those sent before it and not yet taken: the in-flight data.
      this.lastBarrierAhead = Math.max(0, p.aheadAtSend - (this.taken - p.takenAtSend));
      return p.barrier;
    }
    if (this.head >= this.tail || (this.times[this.head] as number) > now) return undefined;
    const element = this.elements[this.head] as Element;
    // A barrier in line overtakes nothing.
    if (element instanceof Barrier) this.lastBarrierAhead = 0;
    this.elements[this.head] = undefined as unknown as Element;
    this.head++;
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    } else if (this.head > 4096) {
      this.times = this.times.slice(this.head, this.tail);
      this.elements = this.elements.slice(this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (isRecord(element)) {
      this.taken++;
      this.unconsumed--;
      if (this.senderWaiting && this.sender) {
        this.senderWaiting = false;
        this.sender.creditAvailable(now);
      }
    }
    return element;
  }

  /**
   * The first `n` records sent and not yet taken (input queue first, then the sender's output
   * buffer), in order: the records a priority barrier overtook, which an unaligned checkpoint
   * persists as channel state the moment the barrier is received (FLIP-76), while the records
   * themselves stay queued and are processed after the snapshot.
   */
  firstRecords(n: number): StreamRecord[] {
    const out: StreamRecord[] = [];
    for (let i = this.head; i < this.tail && out.length < n; i++) {
      const e = this.elements[i] as Element;
      if (isRecord(e)) out.push(e);
    }
    for (let i = 0; i < this.outBuffer.length && out.length < n; i++) {
      const e = this.outBuffer[i] as Element;
      if (isRecord(e)) out.push(e);
    }
    return out;
  }

  /**
   * An aligned barrier still queued in this channel becomes a priority barrier (Flink's
   * execution.checkpointing.aligned-checkpoint-timeout: on timeout the input channels convert the
   * announced barrier to a priority event, so it overtakes the records queued ahead of it). Removes
   * barrier `id` from the queue and returns the records it overtook, in order; undefined when the
   * barrier has not been sent on this channel yet or is still on the wire at `now`.
   */
  overtakeBarrier(id: number, now: number): StreamRecord[] | undefined {
    const ahead: StreamRecord[] = [];
    for (let i = this.head; i < this.tail; i++) {
      const e = this.elements[i] as Element;
      if (e instanceof Barrier && e.id === id) {
        if ((this.times[i] as number) > now) return undefined;
        this.elements.copyWithin(i, i + 1, this.tail);
        this.times.copyWithin(i, i + 1, this.tail);
        this.tail--;
        this.elements[this.tail] = undefined as unknown as Element;
        if (this.head >= this.tail) {
          this.head = 0;
          this.tail = 0;
        }
        return ahead;
      }
      if (isRecord(e)) ahead.push(e);
    }
    return undefined;
  }

  /** Records sent but not yet taken, in order: the in-flight data an unaligned checkpoint stores. */
  inFlightRecords(): StreamRecord[] {
    const out: StreamRecord[] = [];
    for (let i = this.head; i < this.tail; i++) {
      const e = this.elements[i] as Element;
      if (isRecord(e)) out.push(e);
    }
    for (const e of this.outBuffer) if (isRecord(e)) out.push(e);
    return out;
  }
}
