import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyTable, type LogEntry } from '../model/record.js';
import type { TimelineStep } from '../scenario/types.js';
import type { LogCursor } from './log.js';
import { buildTimeline } from './timeline.js';

function readAll(cursor: LogCursor): LogEntry[] {
  const entries: LogEntry[] = [];
  while (cursor.peekAppendTime() !== Infinity) entries.push(cursor.next());
  return entries;
}

const steps: TimelineStep[] = [
  {
    at: 1000,
    kind: 'events',
    events: [
      { key: 'a', value: 5, eventTime: 900, partition: 0 },
      { key: 'b', value: 8, eventTime: 200, partition: 1 },
      { key: 'a', value: 3, eventTime: 950, partition: 0, marker: true },
    ],
  },
  { at: 1500, kind: 'watermark', watermark: 800 },
  { at: 2000, kind: 'events', events: [{ key: 'c', value: 15, eventTime: 100, partition: 0 }] },
  { at: 3000, kind: 'watermark', watermark: Infinity },
];

describe('buildTimeline', () => {
  it('appends each step’s events at the step’s time, in the listed order, to their partitions', () => {
    const keys = new KeyTable();
    const { log } = buildTimeline(steps, 2, keys);
    const p0 = readAll(log.open(0, 0));
    assert.deepEqual(
      p0.map((e) => [keys.name(e.key), e.value, e.eventTime, e.appendTime, e.offset, e.marker]),
      [
        ['a', 5, 900, 1000, 0, false],
        ['a', 3, 950, 1000, 1, true],
        ['c', 15, 100, 2000, 2, false],
      ],
    );
    assert.deepEqual(readAll(log.open(1, 0)).map((e) => [keys.name(e.key), e.appendTime]), [['b', 1000]]);
    assert.equal(log.open(0, 0).minPendingEventTime(), 100, 'the perfect watermark sees the late event to come');
  });

  it('turns watermark steps into scripted watermarks, Infinity for the end of time', () => {
    const { scriptedWatermarks } = buildTimeline(steps, 2, new KeyTable());
    assert.deepEqual(scriptedWatermarks, [
      { at: 1500, watermark: 800 },
      { at: 3000, watermark: Infinity },
    ]);
  });

  it('rejects steps out of time order and events for a missing partition, naming timeline', () => {
    const reversed = [steps[2], steps[0]] as TimelineStep[];
    assert.throws(() => buildTimeline(reversed, 2, new KeyTable()), /^Error: timeline: step 2 at 1000 ms comes after a step at 2000 ms; steps must be in time order$/);
    assert.throws(() => buildTimeline(steps, 1, new KeyTable()), /^Error: timeline: step 1 has an event for partition 1, but the input has partitions 0 … 0$/);
    assert.throws(() => buildTimeline(steps, 0, new KeyTable()), /^Error: timeline: partitions must be a positive integer, got 0$/);
  });
});
