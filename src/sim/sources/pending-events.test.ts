import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { PendingEvents } from './pending-events.js';

interface Added {
  readonly seq: number;
  readonly eventTime: number;
  readonly appendTime: number;
}

/**
 * Drives the buffer the way the generated cursor does: events in event-time order, delays ≥ 0,
 * taking whenever the first pending append time is ≤ the next event's event time (the floor).
 */
function drive(count: number, delayOf: (prng: Prng) => number, seed: number): { taken: Added[]; maxWindow: number } {
  const prng = new Prng(seed);
  const pending = new PendingEvents();
  const taken: Added[] = [];
  let maxWindow = 0;
  let seq = 0;
  const take = () => {
    const before = pending.minEventTime();
    const entry = pending.take(0, taken.length);
    assert.ok(entry !== undefined);
    assert.ok(entry.eventTime >= before, 'minEventTime is a lower bound of what is read');
    // The value column carries the sequence, so the test can check ties come out by sequence.
    taken.push({ seq: entry.value, eventTime: entry.eventTime, appendTime: entry.appendTime });
  };
  for (let t = 0; seq < count; t += prng.int(0, 3)) {
    while (pending.firstAppendTimeUpTo(t) !== Infinity) take();
    const delay = delayOf(prng);
    pending.add(seq % 7, seq, t, t + delay, false);
    seq++;
    maxWindow = Math.max(maxWindow, pending.windowSize);
  }
  while (pending.firstAppendTimeUpTo(Infinity) !== Infinity) take();
  assert.equal(pending.size, 0);
  assert.equal(pending.minEventTime(), Infinity);
  return { taken, maxWindow };
}

function assertAppendOrder(taken: readonly Added[], count: number): void {
  assert.equal(taken.length, count);
  const expected = [...taken].sort((a, b) => a.appendTime - b.appendTime || a.seq - b.seq);
  assert.deepEqual(taken, expected);
}

describe('PendingEvents', () => {
  it('hands events out by (appendTime, generation order)', () => {
    const { taken } = drive(5000, (prng) => prng.int(0, 40), 1);
    assertAppendOrder(taken, 5000);
  });

  it('keeps generation order among equal append times', () => {
    const { taken } = drive(3000, () => 0, 2);
    assertAppendOrder(taken, 3000);
    assert.ok(taken.some((e, i) => i > 0 && taken[i - 1]?.appendTime === e.appendTime), 'the test has ties');
  });

  it('grows both rings when delays span more than the initial 1024 ms and events pile up', () => {
    const { taken, maxWindow } = drive(20_000, (prng) => (prng.chance({ numerator: 1, denominator: 50 }) ? prng.int(0, 20_000) : prng.int(0, 10)), 3);
    assertAppendOrder(taken, 20_000);
    assert.ok(maxWindow > 1024, `the event ring had to grow (window of ${maxWindow})`);
  });

  it('reports the event time of the oldest unread event', () => {
    const pending = new PendingEvents();
    pending.firstAppendTimeUpTo(0);
    pending.add(0, 0, 10, 500, false);
    pending.add(0, 1, 20, 30, true);
    assert.equal(pending.minEventTime(), 10);
    assert.equal(pending.firstAppendTimeUpTo(Infinity), 30);
    const first = pending.take(3, 0);
    assert.deepEqual(first, { partition: 3, offset: 0, key: 0, value: 1, eventTime: 20, appendTime: 30, marker: true });
    assert.equal(pending.minEventTime(), 10, 'the event at 10 is still unread');
    assert.equal(pending.windowSize, 2);
    pending.take(3, 1);
    assert.equal(pending.minEventTime(), Infinity);
    assert.equal(pending.windowSize, 0);
  });

  it('grows the bucket ring when a push lands exactly one ring width past the scan', () => {
    const pending = new PendingEvents();
    pending.firstAppendTimeUpTo(0);
    pending.add(0, 1, 0, 1024, false);
    pending.add(0, 2, 0, 5, false);
    assert.equal(pending.firstAppendTimeUpTo(0), Infinity, 'nothing is due by the floor');
    assert.equal(pending.firstAppendTimeUpTo(Infinity), 5);
    assert.deepEqual([pending.take(0, 0)?.appendTime, pending.take(0, 1)?.appendTime], [5, 1024]);
  });

  it('refuses a push behind the scan: the caller broke the floor contract', () => {
    const pending = new PendingEvents();
    pending.firstAppendTimeUpTo(100);
    assert.throws(() => pending.add(0, 0, 50, 99, false), /invariant violated: pending events: push at 99 ms behind the scan at 100 ms/);
  });
});
