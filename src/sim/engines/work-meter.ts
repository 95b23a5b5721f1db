/**
 * How busy a task is, in simulated time. Costs are microseconds per record (the cost model) while
 * the clock counts whole milliseconds, so the meter carries the fraction over: a task that spends
 * 250 µs a record handles four records per millisecond, and is busy once the millisecond is full.
 * With no cost model every cost is zero and a task is never busy.
 */
export class WorkMeter {
  busyUntil = -Infinity;
  private carryUs = 0;
  /** Accumulated busy time, for the busy-time metric. */
  busyMs = 0;
  /** Multiplier of every cost (a slow-task fault). */
  slowdown = 1;

  spend(now: number, us: number): void {
    if (us <= 0) return;
    this.carryUs += us * this.slowdown;
    if (this.carryUs < 1000) return;
    const whole = Math.floor(this.carryUs / 1000);
    this.carryUs -= whole * 1000;
    this.busyUntil = Math.max(this.busyUntil, now) + whole;
    this.busyMs += whole;
  }

  isBusy(now: number): boolean {
    return this.busyUntil > now;
  }
}
