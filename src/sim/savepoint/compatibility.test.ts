import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompatibility, describeMismatches, offsetMismatch } from './compatibility.js';
import type { SavepointDocument } from './document.js';
import { job, takenSavepoint } from './savepoint.test-support.js';

const doc = takenSavepoint();
const fields = (xs: readonly { field: string }[]): string[] => xs.map((x) => x.field);

describe('compatibility: changes a restored job may make', () => {
  it('the same job restores as is', () => {
    assert.deepEqual(checkCompatibility(doc, job()), { mismatches: [], changes: [] });
  });

  it('a new allowed lateness, trigger, accumulation, parallelism and pipeline are changes, each with its effect', () => {
    const upgraded = job({
      allowedLateness: '2m',
      trigger: '{ early: { every: 10s } }',
      accumulation: 'discarding',
      parallelism: '{ source: 2, window: 3 }',
      pipeline: '{ map: { multiply: 2 } }',
    });
    const c = checkCompatibility(doc, upgraded);
    assert.deepEqual(c.mismatches, []);
    assert.deepEqual(fields(c.changes), ['allowedLateness', 'trigger', 'accumulation', 'parallelism.window', 'parallelism.source', 'pipeline']);
    const lateness = c.changes[0];
    assert.deepEqual([lateness?.savepoint, lateness?.job], ['0', '2m']);
    assert.match(c.changes[3]?.effect ?? '', /128 key groups are redistributed .* over 3 window tasks/);
  });

  it('every aggregate can take over the accumulator, which holds count, sum, min and max', () => {
    for (const aggregate of ['count', 'min', 'max', 'avg']) {
      const c = checkCompatibility(doc, job({ aggregate }));
      assert.deepEqual(c.mismatches, [], aggregate);
      assert.deepEqual(fields(c.changes), ['aggregate'], aggregate);
      assert.match(c.changes[0]?.effect ?? '', new RegExp(`answer with ${aggregate} from now on; panes they emitted before the savepoint were sum`));
    }
  });

  it('more partitions than the savepoint knew are read from the beginning', () => {
    const more = job({ input: '{ timeline: [{ at: "12:00:10", events: [{ key: TeamA, value: 3, eventTime: "12:00:05", partition: 2 }] }] }', watermark: '{ type: perfect }' });
    const c = checkCompatibility(doc, more);
    assert.deepEqual(c.mismatches, []);
    assert.deepEqual(fields(c.changes), ['input partitions']);
  });
});

describe('compatibility: changes the restored state cannot survive', () => {
  it('another window size, naming what the savepoint has and what the job wants', () => {
    const c = checkCompatibility(doc, job({ window: '{ type: tumbling, size: 2m }' }));
    assert.deepEqual(c.mismatches, [{ field: 'window', savepoint: 'tumbling 1m', job: 'tumbling 2m', why: 'the state is keyed by window, and windows of another assigner cannot take it over' }]);
    assert.equal(describeMismatches(c.mismatches), 'window: the savepoint has tumbling 1m, the job wants tumbling 2m (the state is keyed by window, and windows of another assigner cannot take it over)');
  });

  it('another window type, rule book or time domain, all named in one line', () => {
    const c = checkCompatibility(doc, job({ window: '{ type: sliding, size: 1m, every: 30s }', semantics: 'beam', timeDomain: 'ingestion-time', watermark: '{ type: perfect }', input: '{ timeline: [{ at: "12:00:10", events: [{ key: TeamA, value: 3, eventTime: "12:00:05" }] }] }' }));
    assert.deepEqual(fields(c.mismatches), ['semantics', 'timeDomain', 'window']);
    const line = describeMismatches(c.mismatches);
    assert.ok(!line.includes('\n'));
    assert.match(line, /semantics: the savepoint has flink, the job wants beam/);
    assert.match(line, /timeDomain: the savepoint has event-time, the job wants ingestion-time/);
    assert.match(line, /window: the savepoint has tumbling 1m, the job wants sliding 1m every 30s/);
  });

  it('the micro-batch engine', () => {
    // The micro-batch job itself may not take savepoints (a scenario rule), so it has none.
    const c = checkCompatibility(doc, job({ engine: 'micro-batch', savepoints: '[]', watermark: '{ type: perfect }', input: '{ timeline: [{ at: "12:00:10", events: [{ key: TeamA, value: 3, eventTime: "12:00:05" }] }] }' }));
    assert.deepEqual(fields(c.mismatches), ['engine']);
  });

  it('an aggregate that needs what the accumulator does not hold', () => {
    const sumOnly: SavepointDocument = { ...doc, job: { ...doc.job, accumulator: ['count', 'sum'] } };
    assert.deepEqual(checkCompatibility(sumOnly, job({ aggregate: 'avg' })).mismatches, []);
    const c = checkCompatibility(sumOnly, job({ aggregate: 'max' }));
    assert.deepEqual(c.mismatches, [{ field: 'aggregate', savepoint: 'sum (accumulator: count, sum)', job: 'max', why: 'max needs the max of each window, which the savepoint\'s accumulator does not hold' }]);
  });

  it('a log without a partition the savepoint holds an offset for', () => {
    const wide: SavepointDocument = { ...doc, job: { ...doc.job, partitions: 3 }, sources: [...doc.sources, { partition: 2, offset: 4 }] };
    const c = checkCompatibility(wide, job());
    assert.deepEqual(c.mismatches, [{ field: 'input partitions', savepoint: 'an offset for partition 2', job: 'a log of 1 partition', why: 'the saved position of a partition the job does not read would be lost' }]);
  });

  it('another max parallelism', () => {
    const c = checkCompatibility({ ...doc, job: { ...doc.job, maxParallelism: 64 } }, job());
    assert.deepEqual(fields(c.mismatches), ['max parallelism']);
  });
});

describe('compatibility: offsets against the job\'s log', () => {
  it('an offset within the log, or at its end, fits', () => {
    assert.equal(offsetMismatch(doc, () => 5), undefined);
    assert.equal(offsetMismatch(doc, () => 9), undefined);
  });

  it('an offset past the end of the log means another input', () => {
    assert.deepEqual(offsetMismatch(doc, () => 3), {
      field: 'input',
      savepoint: 'partition 0 resuming at offset 5',
      job: 'a log with 3 entries there',
      why: 'the job reads another input than the one the savepoint was taken on',
    });
  });
});
