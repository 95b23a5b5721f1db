import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from '../kernel/scheduler.js';
import type { StreamRecord } from '../model/record.js';
import { Channel, type ChannelReceiver } from './channel.js';
import { Barrier } from './control.js';
import { WorkMeter } from './work-meter.js';

const record = (offset: number): StreamRecord =>
  ({ entry: { partition: 0, offset, key: 0, value: offset, eventTime: 0, appendTime: 0 }, value: offset, timestamp: 0, ingestionTime: 0 }) as unknown as StreamRecord;

function channel(bufferRecords: number, latencyMs = 0): { ch: Channel; scheduler: Scheduler } {
  const scheduler = new Scheduler();
  const receiver: ChannelReceiver = { wake: () => {}, inputAvailableAt: () => {} };
  const sender = { creditAvailable: () => {}, meter: new WorkMeter() };
  const ch = new Channel(scheduler, { latencyMs, bufferRecords, bufferTimeoutMs: 100, bufferOverheadUs: 0, capacity: 1000 }, receiver, sender, 0);
  return { ch, scheduler };
}

const offsets = (rs: readonly StreamRecord[]): number[] => rs.map((r) => r.entry.offset);

describe('channel: the in-flight data of unaligned checkpoints', () => {
  it('a priority barrier overtakes the queued records and the output buffer; firstRecords lists them in order', () => {
    const { ch } = channel(2);
    for (let i = 0; i < 3; i++) ch.send(record(i), 0); // records 0 and 1 sent as a buffer, record 2 still buffered
    ch.sendPriority(new Barrier(1, false, true), 0);
    ch.send(record(3), 0);
    const first = ch.take(0);
    assert.ok(first instanceof Barrier);
    assert.equal(ch.lastBarrierAhead, 3);
    assert.deepEqual(offsets(ch.firstRecords(ch.lastBarrierAhead)), [0, 1, 2]);
    // The records stay queued: the task still processes them after its snapshot.
    assert.equal((ch.take(0) as StreamRecord).entry.offset, 0);
  });

  it('an in-line barrier overtakes nothing', () => {
    const { ch } = channel(1);
    ch.send(record(0), 0);
    ch.send(new Barrier(1, false, false), 0);
    ch.take(0);
    assert.ok(ch.take(0) instanceof Barrier);
    assert.equal(ch.lastBarrierAhead, 0);
  });

  it('overtakeBarrier (aligned-checkpoint-timeout) removes a queued barrier and returns the records ahead of it', () => {
    const { ch } = channel(1);
    ch.send(record(0), 0);
    ch.send(record(1), 0);
    ch.send(new Barrier(7, false, false), 0);
    ch.send(record(2), 0);
    assert.equal(ch.overtakeBarrier(6, 0), undefined, 'no barrier 6 in the channel');
    assert.deepEqual(offsets(ch.overtakeBarrier(7, 0) ?? []), [0, 1]);
    const rest: number[] = [];
    for (let e = ch.take(0); e !== undefined; e = ch.take(0)) {
      assert.ok(!(e instanceof Barrier), 'the barrier is gone from the queue');
      rest.push((e as StreamRecord).entry.offset);
    }
    assert.deepEqual(rest, [0, 1, 2]);
  });

  it('a barrier still on the wire cannot be overtaken yet', () => {
    const { ch } = channel(1, 5);
    ch.send(record(0), 0);
    ch.send(new Barrier(7, false, false), 0);
    assert.equal(ch.overtakeBarrier(7, 4), undefined);
    assert.deepEqual(offsets(ch.overtakeBarrier(7, 5) ?? []), [0]);
  });
});
