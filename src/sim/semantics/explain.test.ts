import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane } from '../model/pane.js';
import type { Semantics } from '../model/semantics.js';
import type { TraceEvent } from '../trace/events.js';
import { SEMANTICS } from '../model/semantics.js';
import { explainEntry } from './explain.js';
import { explainLate, explainWindowed } from './explain/lateness.js';
import { explainPane, explainPending } from './explain/panes.js';
import { explainWatermark } from './explain/watermarks.js';
import { durationText, type ExplainScenario } from './explain/wording.js';

const clock = (h: number, m: number, s = 0, ms = 0): number => ((h * 60 + m) * 60 + s) * 1000 + ms;
const W = { start: clock(12, 0), end: clock(12, 2) };

function scenario(semantics: Semantics, over: Partial<ExplainScenario> = {}): ExplainScenario {
  return {
    semantics,
    allowedLatenessMs: 0,
    window: { type: 'tumbling', sizeMs: 120_000, offsetMs: 0 },
    suppress: false,
    outputMode: 'append',
    trigger: { late: { type: 'count', count: 1 } },
    watermark: { type: 'bounded-out-of-orderness', maxDelayMs: 2000, intervalMs: 200 },
    accumulation: 'accumulating',
    ...over,
  };
}

function lateEntry(watermark: number, disposition: 'dropped' | 'side-output' = 'dropped'): Extract<TraceEvent, { type: 'event-late' }> {
  return {
    type: 'event-late',
    at: clock(12, 8, 19),
    task: 0,
    ref: { partition: 0, offset: 3 },
    key: 'TeamX',
    value: 3,
    eventTime: clock(12, 1, 10),
    arrivedAt: clock(12, 8, 19),
    timestamp: clock(12, 1, 10),
    window: W,
    watermark,
    disposition,
  };
}

function paneEntry(over: Partial<Pane>, watermark: number, at: number): Extract<TraceEvent, { type: 'pane-fired' }> {
  const pane: Pane = { key: 'TeamX', window: W, value: 5, timing: 'ON_TIME', index: 0, isLast: false, emittedAt: at, count: 1, maxEventTime: 0, maxIngestionTime: 0, ...over };
  return { type: 'pane-fired', at, task: 0, pane, watermark };
}

test('durationText writes durations as scenario files do', () => {
  assert.deepEqual([0, 1, 250, 1500, 2000, 120_000, 274_000, 3_600_000, 3_661_500, Infinity].map(durationText), ['0', '1 ms', '250ms', '1.5s', '2s', '2m', '4m34s', '1h', '1h1m1.5s', '∞']);
});

test('late under Flink: maxTimestamp + allowedLateness <= watermark, with the numbers filled in', () => {
  assert.equal(
    explainLate(scenario('flink'), lateEntry(clock(12, 2))),
    'late, dropped: window end 12:02:00 − 1 ms + lateness 0 = 12:01:59.999 ≤ watermark 12:02:00 at arrival 12:08:19 (Flink drops when maxTimestamp + allowedLateness <= watermark)',
  );
});

test('late under Beam: maxTimestamp + allowedLateness < watermark, and the side output is named', () => {
  assert.equal(
    explainLate(scenario('beam', { allowedLatenessMs: 60_000 }), lateEntry(clock(12, 3), 'side-output')),
    'late, to the side output: window end 12:02:00 − 1 ms + lateness 1m = 12:02:59.999 < watermark 12:03:00 at arrival 12:08:19 (Beam drops when maxTimestamp + allowedLateness < watermark)',
  );
});

test('late under Spark: watermark > window end (strict)', () => {
  assert.equal(
    explainLate(scenario('spark'), lateEntry(clock(12, 2, 0, 1))),
    'late, dropped: watermark 12:02:00.001 > window end 12:02:00 at arrival 12:08:19 (Spark evicts a window, and drops its data, once watermark > window end)',
  );
});

test('late under Kafka Streams: stream time >= window end + grace for windows, > last + gap + grace for sessions', () => {
  assert.equal(
    explainLate(scenario('kafka-streams', { allowedLatenessMs: 30_000 }), lateEntry(clock(12, 2, 30))),
    'late, dropped: stream time 12:02:30 ≥ window end 12:02:00 + grace 30s = 12:02:30 at arrival 12:08:19 (Kafka Streams drops a record once streamTime >= windowEnd + grace)',
  );
  const session = scenario('kafka-streams', { window: { type: 'session', gapMs: 10_000 } });
  const e = { ...lateEntry(clock(12, 3)), window: { start: clock(12, 0), end: clock(12, 0, 5, 1) } };
  assert.equal(
    explainLate(session, e),
    "late, dropped: stream time 12:03:00 > session's last record 12:00:05 + gap 10s + grace 0 = 12:00:15 at arrival 12:08:19 (Kafka Streams drops a record for a session once streamTime > last + gap + grace)",
  );
});

test('a Kafka Streams session under suppress: emitted at last + gap + grace, still open to records until it is passed', () => {
  const session = scenario('kafka-streams', { suppress: true, window: { type: 'session', gapMs: 10_000 } });
  const window = { start: clock(12, 0), end: clock(12, 0, 5, 1) };
  const pane = paneEntry({ window }, clock(12, 0, 15), clock(12, 6));
  assert.equal(
    explainPane(session, pane),
    "ON_TIME: stream time 12:00:15 ≥ session's last record 12:00:05 + gap 10s + grace 0 = 12:00:15 at 12:06:00 (suppress(untilWindowCloses) emits a session once stream time reaches its last record + gap + grace); value 5 of 1 element",
  );
  assert.equal(
    explainPane(session, { ...pane, pane: { ...pane.pane, timing: 'LATE', index: 1 } }),
    "LATE at 12:06:00: late data arrived after the on-time pane and the late trigger (every 1 element) fired; the window is kept while stream time 12:00:15 ≤ session's last record 12:00:05 + gap 10s + grace 0 = 12:00:15; value 5 of 1 element",
  );
});

test('windowed on time and late but allowed, per engine', () => {
  const base: Extract<TraceEvent, { type: 'event-windowed' }> = {
    type: 'event-windowed',
    at: clock(12, 5),
    task: 0,
    ref: { partition: 0, offset: 0 },
    key: 'TeamX',
    value: 5,
    timestamp: clock(12, 0, 26),
    window: W,
    late: false,
    watermark: clock(12, 1),
  };
  assert.equal(
    explainWindowed(scenario('flink'), base),
    'on time: watermark 12:01:00 < window max timestamp 12:01:59.999 (end − 1 ms): [12:00:00, 12:02:00) has not fired yet (Flink fires when maxTimestamp <= watermark)',
  );
  assert.equal(
    explainWindowed(scenario('beam'), { ...base, watermark: -Infinity }),
    'on time: watermark -∞ has not passed window end 12:02:00: [12:00:00, 12:02:00) has not fired yet (Beam fires when the watermark passes the end of the window)',
  );
  assert.equal(
    explainWindowed(scenario('flink', { allowedLatenessMs: 60_000 }), { ...base, late: true, watermark: clock(12, 2) }),
    'late but allowed: watermark 12:02:00 ≥ window max timestamp 12:01:59.999 (end − 1 ms), so the on-time pane has fired; but window end 12:02:00 − 1 ms + lateness 1m = 12:02:59.999 > watermark 12:02:00: the window is kept and fires again (late firing every 1 element; Flink drops when maxTimestamp + allowedLateness <= watermark)',
  );
  assert.equal(
    explainWindowed(scenario('kafka-streams'), { ...base, watermark: clock(12, 1, 30) }),
    'on time: stream time 12:01:30 < window end 12:02:00 + grace 0 = 12:02:00: the row of [12:00:00, 12:02:00) is updated and emitted at once (Kafka Streams without suppress emits every update)',
  );
});

test('panes: ON_TIME names the firing rule of each engine', () => {
  const at = clock(12, 6);
  assert.equal(
    explainPane(scenario('beam'), paneEntry({}, clock(12, 2), at)),
    'ON_TIME: watermark 12:02:00 passed window end 12:02:00 at 12:06:00 (Beam fires when the watermark passes the end of the window); value 5 of 1 element',
  );
  assert.equal(
    explainPane(scenario('flink'), paneEntry({ isLast: true }, clock(12, 1, 59, 999), at)),
    'ON_TIME: watermark 12:01:59.999 ≥ window max timestamp 12:01:59.999 (end − 1 ms) at 12:06:00 (Flink fires when maxTimestamp <= watermark); value 5 of 1 element, last pane',
  );
  assert.equal(
    explainPane(scenario('spark'), paneEntry({ count: 2 }, clock(12, 2, 0, 1), at)),
    'ON_TIME: watermark 12:02:00.001 > window end 12:02:00 at 12:06:00 (Spark append mode emits a window once watermark > window end); value 5 of 2 elements',
  );
  assert.equal(
    explainPane(scenario('kafka-streams', { suppress: true, allowedLatenessMs: 1000 }), paneEntry({}, clock(12, 2, 1), at)),
    'ON_TIME: stream time 12:02:01 ≥ window end 12:02:00 + grace 1s = 12:02:01 at 12:06:00 (suppress(untilWindowCloses) emits once stream time reaches window end + grace); value 5 of 1 element',
  );
});

test('panes: EARLY, LATE, final LATE, updates and retractions', () => {
  const early = scenario('beam', { trigger: { early: { type: 'after-first-element', delayMs: 60_000 }, late: { type: 'count', count: 1 } } });
  assert.equal(
    explainPane(early, paneEntry({ timing: 'EARLY' }, -Infinity, clock(12, 5, 59))),
    'EARLY at 12:05:59: the early trigger (1m after the first element) fired before the on-time point, watermark -∞ has not passed window end 12:02:00; value 5 of 1 element',
  );
  assert.equal(
    explainPane(scenario('flink', { allowedLatenessMs: 60_000 }), paneEntry({ timing: 'LATE', index: 1, value: 8, count: 2 }, clock(12, 2, 30), clock(12, 7))),
    'LATE at 12:07:00: late data arrived after the on-time pane and the late trigger (every 1 element) fired; the window is kept while window end 12:02:00 − 1 ms + lateness 1m = 12:02:59.999 > watermark 12:02:30; value 8 of 2 elements',
  );
  assert.match(explainPane(scenario('beam'), paneEntry({ timing: 'LATE', isLast: true }, clock(12, 2), clock(12, 7))), /^LATE, final, at 12:07:00: the window expired, window end 12:02:00 − 1 ms \+ lateness 0 = 12:01:59.999 < watermark 12:02:00;/);
  assert.equal(
    explainPane(scenario('kafka-streams'), paneEntry({ timing: 'EARLY' }, clock(12, 1), clock(12, 1))),
    'EARLY update at 12:01:00: an element changed the row, value 5 of 1 element (Kafka Streams without suppress emits every update)',
  );
  assert.equal(
    explainPane(scenario('beam', { accumulation: 'accumulating-retracting' }), paneEntry({ retraction: true }, clock(12, 2), clock(12, 7))),
    'retraction at 12:07:00: withdraws the earlier value 5 of [12:00:00, 12:02:00) before the new pane (accumulating & retracting)',
  );
});

test('watermarks: the strategy of a partition, and who holds an operator back', () => {
  const partition: Extract<TraceEvent, { type: 'watermark-advanced' }> = { type: 'watermark-advanced', at: clock(12, 5), scope: 'partition', id: 1, watermark: clock(12, 4, 57, 999) };
  assert.equal(
    explainWatermark(scenario('flink'), partition),
    'partition 1 watermark → 12:04:57.999 at 12:05:00: max event time seen − 2s − 1 ms (bounded out-of-orderness, emitted every 200ms)',
  );
  assert.equal(
    explainWatermark(scenario('flink'), { ...partition, scope: 'operator', id: 0, heldBy: 1 }),
    'window task 0 watermark → 12:04:57.999 at 12:05:00: the minimum over its input channels, held back by input 1; windows it passes fire before it is forwarded',
  );
  assert.equal(
    explainWatermark(scenario('spark'), { ...partition, scope: 'source', id: 0, heldBy: 2 }),
    'source task 0 watermark → 12:04:57.999 at 12:05:00: the maximum over its active partitions, set by partition 2',
  );
  assert.equal(
    explainWatermark(scenario('spark', { watermark: { type: 'perfect', intervalMs: 200 } }), { ...partition, scope: 'source', id: 0, heldBy: 2 }),
    'source task 0 watermark → 12:04:57.999 at 12:05:00: the minimum over its active partitions, held back by partition 2',
  );
  assert.match(explainWatermark(scenario('kafka-streams'), { ...partition, scope: 'operator' }), /stream time → 12:04:57.999 at 12:05:00: the largest record timestamp seen/);
  assert.match(explainWatermark(scenario('beam'), { ...partition, watermark: Infinity }), /→ \+∞ \(end of input: it closes every window\)/);
});

test('pending windows say what they wait for', () => {
  assert.equal(
    explainPending(scenario('flink'), W, clock(12, 1)),
    'waiting: watermark 12:01:00 < window max timestamp 12:01:59.999 (end − 1 ms), so [12:00:00, 12:02:00) has not fired on time yet (Flink fires when maxTimestamp <= watermark)',
  );
});

test('every kind of trace entry has a sentence under every semantics', () => {
  const entries: TraceEvent[] = [
    { type: 'event-ingested', at: clock(12, 5), task: 0, ref: { partition: 0, offset: 0 }, key: 'TeamX', value: 5, eventTime: clock(12, 0, 26), appendTime: clock(12, 4, 59) },
    { type: 'event-filtered', at: clock(12, 5), ref: { partition: 0, offset: 1 } },
    { type: 'partition-idle', at: clock(12, 5), partition: 2, idle: true },
    { type: 'partition-idle', at: clock(12, 5), partition: 2, idle: false },
    { type: 'windows-merged', at: clock(12, 5), task: 0, key: 'TeamX', from: [W, { start: W.end, end: W.end + 1000 }], into: { start: W.start, end: W.end + 1000 } },
    { type: 'window-cleared', at: clock(12, 5), task: 0, key: 'TeamX', window: W, watermark: clock(12, 2) },
    { type: 'source-finished', at: clock(12, 10), task: 0 },
    lateEntry(clock(12, 2)),
    paneEntry({}, clock(12, 2), clock(12, 6)),
    { type: 'checkpoint-triggered', at: clock(12, 1), id: 1, savepoint: false },
    { type: 'checkpoint-triggered', at: clock(12, 1), id: 2, savepoint: true },
    { type: 'barrier-emitted', at: clock(12, 1), id: 1, task: 0, offsets: [{ partition: 0, offset: 12 }] },
    { type: 'barrier-received', at: clock(12, 1), id: 1, task: 0, channel: 1, blocked: true },
    { type: 'checkpoint-snapshot', at: clock(12, 1), id: 1, task: 0, alignmentMs: 40, windows: 3, inFlightRecords: 0, unaligned: false },
    { type: 'checkpoint-completed', at: clock(12, 1), id: 1, savepoint: false, durationMs: 1200, alignmentMs: 40, sizeBytes: 2048 },
    { type: 'checkpoint-aborted', at: clock(12, 1), id: 3, reason: 'timeout' },
    { type: 'savepoint-taken', at: clock(12, 1), id: 2 },
    { type: 'fault', at: clock(12, 2), fault: 'task-crash', task: 'window-0', detail: 'the task process died' },
    { type: 'job-failed', at: clock(12, 2), reason: 'window-0 crashed' },
    { type: 'job-restarted', at: clock(12, 3), fromCheckpoint: 1, offsets: [{ partition: 0, offset: 12 }], restoredWindows: 3, inFlightRecords: 0 },
    { type: 'job-restarted', at: clock(12, 3), fromCheckpoint: null, offsets: [], restoredWindows: 0, inFlightRecords: 0 },
    { type: 'transaction-committed', at: clock(12, 1), task: 0, txn: 1, checkpoint: 1 },
    { type: 'transaction-aborted', at: clock(12, 2), task: 0, txn: 2 },
    { type: 'backpressure', at: clock(12, 2), task: 0, blocked: true, channel: 1 },
    { type: 'backpressure', at: clock(12, 2), task: 0, blocked: false, channel: 1 },
    { type: 'backpressure', at: clock(12, 2), task: 1, stage: 'map', blocked: true, channel: 0 },
  ];
  for (const semantics of SEMANTICS) {
    for (const e of entries) {
      const text = explainEntry(scenario(semantics), e);
      assert.ok(text.length > 20 && !text.includes('undefined') && !text.includes('NaN'), `${semantics} ${e.type}: ${text}`);
    }
  }
  assert.equal(
    explainEntry(scenario('flink'), entries[0] as TraceEvent),
    'ingested TeamX = 5 (event time 12:00:26) from partition 0 offset 0 at 12:05:00, appended at 12:04:59: 4m34s after it happened',
  );
  assert.match(explainEntry(scenario('flink'), entries[4] as TraceEvent), /flink merges sessions that overlap or touch/);
  assert.match(explainEntry(scenario('flink'), entries[entries.length - 1] as TraceEvent), /^map task 1 blocked at .*stops taking input/);
});

test('checkpoints and recovery say what was saved and what is replayed', () => {
  const s = scenario('flink');
  assert.equal(
    explainEntry(s, { type: 'checkpoint-completed', at: clock(12, 1), id: 4, savepoint: false, durationMs: 1200, alignmentMs: 40, sizeBytes: 2048 }),
    'checkpoint 4 completed at 12:01:00 in 1.2s (alignment 40ms, 2.0 KB): every task acknowledged, so recovery restarts from here',
  );
  assert.equal(
    explainEntry(s, { type: 'job-restarted', at: clock(12, 3), fromCheckpoint: 4, offsets: [{ partition: 0, offset: 12 }, { partition: 1, offset: 9 }], restoredWindows: 3, inFlightRecords: 0 }),
    'job restarted at 12:03:00 from checkpoint 4: 3 windows restored, sources rewound to p0@12, p1@9, so everything after is replayed',
  );
  assert.equal(
    explainEntry(s, { type: 'barrier-received', at: clock(12, 1), id: 4, task: 0, channel: 1, blocked: true }),
    'barrier 4 reached window task 0 on input 1 at 12:01:00: alignment holds that input back until barrier 4 arrives on every input',
  );
});
