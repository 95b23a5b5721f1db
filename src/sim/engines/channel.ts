/**
 * A network channel between two tasks: FIFO, with a fixed latency. Elements keep their order, so
 * watermarks and records arrive as they were sent. The channel wakes itself through the scheduler
 * only when its head is due: one scheduler entry per channel, not one per record.
 */
import { Priority, type Scheduler, type Wakeable } from '../kernel/scheduler.js';
import type { StreamRecord } from '../model/record.js';
import type { Control } from './control.js';

export type Element = StreamRecord | Control;

export interface ChannelReceiver {
  receive(channel: number, element: Element, now: number): void;
}

export class Channel implements Wakeable {
  private times: number[] = [];
  private elements: Element[] = [];
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly scheduler: Scheduler,
    readonly latencyMs: number,
    private readonly receiver: ChannelReceiver,
    /** The index of this channel among the receiver's inputs. */
    readonly index: number,
  ) {}

  /** Elements sent but not yet delivered: the channel's queue fill. */
  get queued(): number {
    return this.times.length - this.head;
  }

  send(element: Element, now: number): void {
    const due = now + this.latencyMs;
    this.times.push(due);
    this.elements.push(element);
    if (!this.scheduled) {
      this.scheduled = true;
      this.scheduler.schedule(due, Priority.delivery, this);
    }
  }

  wake(now: number): void {
    this.scheduled = false;
    const times = this.times;
    const elements = this.elements;
    while (this.head < times.length && (times[this.head] as number) <= now) {
      const element = elements[this.head] as Element;
      elements[this.head] = undefined as unknown as Element;
      this.head++;
      this.receiver.receive(this.index, element, now);
    }
    if (this.head === times.length) {
      this.times = [];
      this.elements = [];
      this.head = 0;
    } else {
      if (this.head > 4096) this.compact();
      this.scheduled = true;
      this.scheduler.schedule(times[this.head] as number, Priority.delivery, this);
    }
  }

  private compact(): void {
    this.times = this.times.slice(this.head);
    this.elements = this.elements.slice(this.head);
    this.head = 0;
  }
}
