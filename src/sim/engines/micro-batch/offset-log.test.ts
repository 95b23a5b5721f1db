import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommitLog, endOffsets, OffsetLog, uncommittedBatch } from './offset-log.js';

const entry = (batch: number, to: number) => ({ batch, ranges: [{ partition: 0, from: batch * 10, to }, { partition: 1, from: 0, to: batch }], watermark: batch, plannedAt: batch * 1000 });
const commit = (batch: number) => ({ batch, committedAt: batch * 1000 + 10, nextWatermark: batch + 1, partitionWatermarks: [] });

test('offset log: batch ids follow one another; entries are read back by id', () => {
  const log = new OffsetLog();
  log.write(entry(0, 10));
  log.write(entry(1, 20));
  assert.equal(log.get(1)?.ranges[0]?.to, 20);
  assert.equal(log.latest()?.batch, 1);
  assert.throws(() => log.write(entry(3, 30)), /batch 3 written after batch 1/);
});

test('a planned batch without a commit is the one a restart runs again', () => {
  const offsets = new OffsetLog();
  const commits = new CommitLog();
  assert.equal(uncommittedBatch(offsets, commits), undefined);
  offsets.write(entry(0, 10));
  assert.equal(uncommittedBatch(offsets, commits)?.batch, 0);
  commits.write(commit(0));
  assert.equal(uncommittedBatch(offsets, commits), undefined);
  offsets.write(entry(1, 20));
  assert.equal(uncommittedBatch(offsets, commits)?.batch, 1);
  assert.throws(() => commits.write(commit(0)), /never run again/);
});

test('reading resumes at the end of the last planned ranges', () => {
  const offsets = new OffsetLog();
  assert.deepEqual(endOffsets(offsets, 3), [0, 0, 0]);
  offsets.write(entry(0, 10));
  offsets.write(entry(1, 25));
  assert.deepEqual(endOffsets(offsets, 3), [25, 1, 0]);
});
