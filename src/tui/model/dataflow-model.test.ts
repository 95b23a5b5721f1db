import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_YAML, LATE_YAML, timelineOf } from '../test-support.js';
import { dataflowModel, faultLines, gauge } from './dataflow-model.js';
import { buildTimeline } from './timeline.js';
import { seriesKey, valueAt } from './timeline/lookups.js';
import { lineText, lineWidth } from './text.js';
import { loadScenario } from '../../cli/scenario-files.js';
import { simulate } from '../../sim/report/simulate.js';

test('the dataflow of one partition: watermarks along the way, and no faults in the trace', () => {
  const tl = timelineOf(LATE_YAML);
  assert.deepEqual(
    dataflowModel(tl, tl.steps, { width: 60, height: 8 }).map(lineText),
    [
      'Dataflow · watermark = min of inputs · channel delay 0      ',
      ' checkpoints: none in this run                              ',
      ' failures: none in this run · backpressure: none in this run',
      ' p0    wm +∞  4 read                                        ',
      ' src0  wm +∞  input done                                    ',
      ' src0→win0   ▕      ▏ 0 in flight                           ',
      ' win0  wm +∞  0 open                                        ',
      ' sink  3 panes written at 12:03:00                          ',
    ],
  );
});

test('which input holds a watermark back is shown on the task and on the partition', () => {
  const tl = timelineOf(GENERATED_YAML);
  // Find a cursor where window task 0 is held back by a source, and that source by a partition.
  let cursor = -1;
  for (let c = 1; c <= tl.steps && cursor < 0; c++) {
    const op = valueAt(tl.watermarks.get(seriesKey('operator', 0)), c);
    if (op?.heldBy === undefined) continue;
    const src = valueAt(tl.watermarks.get(seriesKey('source', op.heldBy)), c);
    if (src?.heldBy !== undefined) cursor = c;
  }
  assert.ok(cursor > 0);
  const op = valueAt(tl.watermarks.get(seriesKey('operator', 0)), cursor);
  const src = valueAt(tl.watermarks.get(seriesKey('source', op?.heldBy ?? -1)), cursor);
  const lines = dataflowModel(tl, cursor, { width: 70, height: 20 }).map(lineText);
  assert.ok(lines.some((l) => l.startsWith(' win0') && l.includes(`← src${op?.heldBy}`)), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith(` src${op?.heldBy}`) && l.includes(`← p${src?.heldBy}`)), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith(` p${src?.heldBy}`) && l.includes(`◀ holds back src${op?.heldBy}`)), lines.join('\n'));
});

test('too many lines: partitions and channels are summarised, faults stay', () => {
  const tl = timelineOf(GENERATED_YAML);
  const lines = dataflowModel(tl, 300, { width: 60, height: 10 }).map(lineText);
  assert.equal(lines.length, 10);
  assert.ok(lines.some((l) => l.startsWith(' p0–p3 min wm')));
  assert.ok(lines.some((l) => l.includes('4 channels')));
  assert.ok(lines.some((l) => l.includes('checkpoints: none in this run')));
  for (const l of dataflowModel(tl, 300, { width: 33, height: 10 })) assert.equal(lineWidth(l), 33);
});

test('a queue gauge fills relative to the most the channel held', () => {
  assert.equal(gauge(0, 0), '▕      ▏');
  assert.equal(gauge(3, 6), '▕███   ▏');
  assert.equal(gauge(6, 6), '▕██████▏');
});

test('checkpoints, failures and recovery from the trace, at the cursor', () => {
  const tl = timelineOf(LATE_YAML);
  // A trace with the fault-tolerance entries appended, as an engine with checkpoints writes them.
  const at = tl.endAt;
  const extra = [
    { type: 'checkpoint-triggered', at, id: 1, savepoint: false },
    { type: 'checkpoint-completed', at, id: 1, savepoint: false, durationMs: 10, alignmentMs: 0, sizeBytes: 100 },
    { type: 'checkpoint-triggered', at, id: 2, savepoint: false },
    { type: 'job-failed', at, reason: 'win0 crashed' },
    { type: 'job-restarted', at, fromCheckpoint: 1, offsets: [], restoredWindows: 1, inFlightRecords: 0 },
  ] as const;
  const trace = [...tl.trace, ...extra];
  const patched = { ...tl.checked, run: { ...tl.checked.run, trace } };
  const full = buildTimeline(patched);
  const n = tl.steps;
  const text = (c: number) => faultLines(full, c).map(lineText).join(' | ');
  assert.match(text(n), /checkpoints: none completed yet \| +failures: none yet/);
  assert.match(text(n + 2), /checkpoints: 1 completed at 12:03:00/);
  assert.match(text(n + 3), /1 completed at 12:03:00 · 2 in progress/);
  assert.match(text(n + 4), /job FAILED at 12:03:00: win0 crashed/);
  assert.match(text(n + 5), /job restarted at 12:03:00 from checkpoint 1/);
});

test('a micro-batch run shows its committed batches where a native run shows checkpoints', () => {
  const tl = buildTimeline(simulate(loadScenario('micro-batch-latency')));
  const committed = tl.kinds.checkpoints.filter((s) => tl.trace[s]?.type === 'batch-committed');
  assert.ok(committed.length >= 2);
  const before = faultLines(tl, 0).map(lineText).join('\n');
  assert.match(before, /batches: none committed yet/);
  const after = faultLines(tl, (committed[1] as number) + 1).map(lineText).join('\n');
  assert.match(after, /batches: 2 committed · batch \d+ at 12:00:\d\d(\.\d+)? took /);
  assert.doesNotMatch(after, /checkpoints:/);
});
