import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Priority, Scheduler, StepBoundExceeded, type Wakeable } from './scheduler.js';

/** Records every wake as "time:tag". */
class Recorder implements Wakeable {
  readonly woken: string[] = [];
  wake(now: number, tag: number): void {
    this.woken.push(`${now}:${tag}`);
  }
}

describe('Scheduler', () => {
  it('orders entries by time, then priority, then insertion sequence', () => {
    const s = new Scheduler();
    const r = new Recorder();
    s.schedule(10, Priority.control, r, 1);
    s.schedule(10, Priority.delivery, r, 2);
    s.schedule(5, Priority.control, r, 3);
    s.schedule(10, Priority.delivery, r, 4);
    s.schedule(10, Priority.timer, r, 5);
    s.run(100);
    assert.deepEqual(r.woken, ['5:3', '10:2', '10:4', '10:5', '10:1']);
    assert.equal(s.now, 10);
    assert.equal(s.stepsTaken, 5);
  });

  it('refuses to schedule in the past', () => {
    const s = new Scheduler();
    const r = new Recorder();
    s.schedule(10, Priority.control, r);
    s.run(10);
    assert.throws(() => s.schedule(9, Priority.control, r), /before now/);
  });

  it('throws StepBoundExceeded instead of hanging on a livelock', () => {
    const s = new Scheduler();
    const loop: Wakeable = { wake: (now) => s.schedule(now + 1, Priority.periodic, loop) };
    s.schedule(0, Priority.periodic, loop);
    assert.throws(() => s.run(50), (e: unknown) => e instanceof StepBoundExceeded && e.steps === 50);
  });

  it('stops at untilMs and moves the clock there', () => {
    const s = new Scheduler();
    const r = new Recorder();
    s.schedule(5, Priority.control, r, 1);
    s.schedule(50, Priority.control, r, 2);
    s.run(100, 20);
    assert.deepEqual(r.woken, ['5:1']);
    assert.equal(s.now, 20);
    s.run(100);
    assert.deepEqual(r.woken, ['5:1', '50:2']);
  });

  it('ends the run when only daemon entries remain, at the time of the last real work', () => {
    const s = new Scheduler();
    const r = new Recorder();
    s.scheduleDaemon(600_000, Priority.control, r, 9);
    s.schedule(30, Priority.delivery, r, 1);
    s.scheduleDaemon(20, Priority.control, r, 8);
    s.run(100);
    // The daemon due before the last real entry still runs; the one after it never does.
    assert.deepEqual(r.woken, ['20:8', '30:1']);
    assert.equal(s.now, 30);
  });

  it('a cancelled daemon never runs, takes no step, and leaves the order of the others as it was', () => {
    const s = new Scheduler();
    const r = new Recorder();
    const timeouts = [];
    for (let i = 0; i < 10; i++) timeouts.push(s.scheduleDaemon(5 + i, Priority.control, r, 100 + i));
    s.schedule(10, Priority.control, r, 1);
    s.schedule(10, Priority.delivery, r, 2);
    s.schedule(20, Priority.delivery, r, 3);
    // Cancelling more than half the heap rebuilds it without them.
    for (const i of [0, 2, 3, 4, 5, 6, 7, 8]) timeouts[i]?.cancel();
    assert.equal(s.pending, 5);
    timeouts[0]?.cancel();
    assert.equal(s.pending, 5, 'cancelling twice changes nothing');
    assert.equal(s.peekTime(), 6);
    s.run(100);
    assert.deepEqual(r.woken, ['6:101', '10:2', '10:1', '14:109', '20:3']);
    assert.equal(s.stepsTaken, 5);
  });

  it('cancelling an entry that has run is a no-op, even when its slot was reused', () => {
    const s = new Scheduler();
    const r = new Recorder();
    const early = s.scheduleDaemon(1, Priority.control, r, 7);
    s.schedule(2, Priority.delivery, r, 1);
    s.run(100);
    // Entries are recycled: one of these two takes the entry `early` had; its stale handle must not cancel it.
    s.schedule(3, Priority.delivery, r, 2);
    s.scheduleDaemon(3, Priority.control, r, 3);
    s.schedule(4, Priority.delivery, r, 4);
    early.cancel();
    s.run(100);
    assert.deepEqual(r.woken, ['1:7', '2:1', '3:2', '3:3', '4:4']);
  });
});
