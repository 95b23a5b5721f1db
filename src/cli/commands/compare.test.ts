import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import type { CompareRowOk } from '../../report/compare-rows.js';
import { renderCompareCsv, renderCompareTable, renderSweepChart } from '../../report/compare-table.js';
import { ExitCode } from '../exit-codes.js';
import { variantsOf } from '../variants.js';
import { exitCodeOf, runVariant, runVariants, sustainableOptions, SUSTAINABLE_STEPS } from './compare.js';

const SCENARIO = `
name: compare-test
description: one crash of a window task between checkpoints
input:
  generator: { events: 600, rate: 20, partitions: 2, keys: { count: 3 } }
window: { type: tumbling, size: 10s }
aggregate: count
watermark: { type: bounded-out-of-orderness, maxDelay: 1s }
parallelism: { source: 2, window: 2 }
checkpoints: { interval: 5s }
failures:
  - { crash: window-0, at: 23s }
`;

let dir = '';
let file = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'streamsim-compare-'));
  file = join(dir, 'crash.yaml');
  writeFileSync(file, SCENARIO);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const ok = (row: unknown): CompareRowOk => {
  assert.equal((row as CompareRowOk).status, 'ok', JSON.stringify(row));
  return row as CompareRowOk;
};

describe('compare --guarantee', () => {
  it('shows each guarantee hold under the same crash: none duplicated, none missing, exact', () => {
    const runs = runVariants(file, variantsOf({ guarantee: ['at-most-once', 'at-least-once', 'exactly-once', 'exactly-once:idempotent'] }), undefined);
    const [atMost, atLeast, exactly, idempotent] = runs.map((r) => ok(r.row));
    assert.ok(atMost && atLeast && exactly && idempotent);
    for (const r of [atMost, atLeast, exactly, idempotent]) assert.equal(r.failures, 1);
    assert.equal(atMost.readers[0]?.duplicated, 0);
    assert.ok((atMost.readers[0]?.missing ?? 0) + (atMost.readers[0]?.wrong ?? 0) > 0, 'at-most-once loses what the crash took');
    assert.equal(atLeast.readers[0]?.missing, 0);
    assert.ok((atLeast.readers[0]?.duplicated ?? 0) > 0, 'at-least-once replays into the plain sink');
    assert.deepEqual(exactly.readers.map((r) => [r.reader, r.exact === r.results]), [['read-committed', true], ['read-uncommitted', false]]);
    assert.equal(idempotent.readers[0]?.reader, 'upsert');
    assert.equal(idempotent.readers[0]?.exact, idempotent.readers[0]?.results);
    // A read-committed reader waits for the checkpoint that commits the result.
    assert.ok((exactly.readers[0]?.visibilityLatency?.p50 ?? 0) > (idempotent.readers[0]?.visibilityLatency?.p50 ?? Infinity));
  });
});

describe('compare --engine', () => {
  it('runs native variants on the same trace', () => {
    const runs = runVariants(file, variantsOf({ engine: ['native', 'native:buffer=100ms'] }), undefined);
    const rows = runs.map((r) => ok(r.row));
    assert.deepEqual(rows.map((r) => r.label), ['native', 'native buffer 100ms']);
    for (const r of rows) assert.equal(r.finalCorrect, r.truthWindows);
    assert.ok((rows[1]?.eventTimeLatency?.p50 ?? 0) >= (rows[0]?.eventTimeLatency?.p50 ?? Infinity));
  });

  it('reports a run that cannot be made in its row, with the exit code it would have', () => {
    const bad = runVariant(file, { label: 'tiny', overrides: { maxSteps: 10 }, axes: {} }, undefined);
    assert.equal(bad.row.status, 'error');
    assert.equal(exitCodeOf(bad.error), ExitCode.simulation);
    const input = runVariant(file, { label: 'no checkpoints', overrides: { checkpoints: null, delivery: 'exactly-once' }, axes: {} }, undefined);
    assert.equal(input.row.status, 'error');
    assert.equal(exitCodeOf(input.error), ExitCode.badInput);
    assert.equal(exitCodeOf(new Error('micro-batch engine failed')), ExitCode.internal);
    const table = renderCompareTable([bad.row, input.row], new Chalk({ level: 0 }));
    assert.match(table, /tiny\s+could not run\n {2}↳ /);
  });
});

describe('compare output', () => {
  it('prints one table line and one CSV line per run and reader', () => {
    const runs = runVariants(file, variantsOf({ guarantee: ['at-least-once', 'exactly-once'] }), undefined);
    const rows = runs.map((r) => r.row);
    const table = renderCompareTable(rows, new Chalk({ level: 0 })).split('\n');
    assert.match(table[0] ?? '', /^run\s+final correct/);
    assert.match(table[1] ?? '', /^at-least-once\s.*\splain\s/);
    assert.match(table[2] ?? '', /^exactly-once\s.*\sread-committed\s/);
    assert.match(table[3] ?? '', /^\s+read-uncommitted\s/);
    const csv = renderCompareCsv(rows).trimEnd().split('\n');
    assert.equal(csv.length, 1 + 3);
    const header = (csv[0] ?? '').split(',');
    for (const line of csv.slice(1)) assert.equal(line.split(',').length, header.length);
  });
});

describe('compare --sustainable', () => {
  const RATE = `
name: rate-test
input:
  generator: { events: 3000, rate: 500, partitions: 1, keys: { count: 4 } }
window: { type: tumbling, size: 1s }
aggregate: count
cost: { window: 1ms }
`;
  it('adds each row’s sustainable rate and its max backlog, in the table and the CSV', () => {
    const rateFile = join(dir, 'rate.yaml');
    writeFileSync(rateFile, RATE);
    const opts = sustainableOptions(rateFile);
    assert.equal(opts.highRatePerSec, 5000);
    const runs = runVariants(rateFile, variantsOf({ sweep: 'rate=500,2000' }), undefined, opts);
    const [slow, fast] = runs.map((r) => ok(r.row));
    assert.ok(slow && fast);
    // The same job at two input rates: one capacity, found the same way for both rows.
    assert.deepEqual(slow.sustainable, fast.sustainable);
    const rate = slow.sustainable?.ratePerSec ?? 0;
    // The window task takes a little over 1 ms a record; the criterion lets an overload under 1 % of the rate pass.
    assert.ok(rate > 900 && rate < 1020, `sustainable ${rate}`);
    assert.equal(slow.sustainable?.trials, 2 + SUSTAINABLE_STEPS);
    assert.ok(slow.maxBacklog < 10 && fast.maxBacklog > 500, `${slow.maxBacklog} ${fast.maxBacklog}`);
    const table = renderCompareTable(runs.map((r) => r.row), new Chalk({ level: 0 }));
    assert.match(table, /max backlog\s+sustainable/);
    assert.match(table, new RegExp(`rate 2000 .* ${rate}/s`));
    const [header, line] = renderCompareCsv(runs.map((r) => r.row)).split('\n');
    const cols = (header ?? '').split(',');
    assert.equal((line ?? '').split(',')[cols.indexOf('sustainable_rate')], String(rate));
    // One capacity for both rows: the chart spreads the runs by the swept rate instead.
    const chart = renderSweepChart(runs.map((r) => r.row), new Chalk({ level: 0 }), 'rate');
    assert.match(chart, /\n {8}500 +2000\n {8}rate\n/);
  });

  it('charts a trigger sweep against the sustainable rate, which a longer trigger raises', () => {
    const rateFile = join(dir, 'rate.yaml');
    const runs = runVariants(rateFile, variantsOf({ engine: ['micro-batch:1s', 'micro-batch:5s'] }), undefined, sustainableOptions(rateFile));
    const [short, long] = runs.map((r) => ok(r.row).sustainable?.ratePerSec ?? 0);
    assert.ok(short !== undefined && long !== undefined && long > short, `1s: ${short}, 5s: ${long}`);
    const chart = renderSweepChart(runs.map((r) => r.row), new Chalk({ level: 0 }), 'engine');
    assert.match(chart, /sustainable events\/s\n/);
  });

  it('refuses a scenario that does not read a generator, naming the file (exit 2)', () => {
    const timeline = join(dir, 'timeline.yaml');
    writeFileSync(timeline, 'name: t\ninput: { timeline: [ { at: 0, events: [ { key: a, value: 1, eventTime: 0 } ] } ] }\nwindow: { type: tumbling, size: 1s }\naggregate: sum\n');
    assert.throws(
      () => sustainableOptions(timeline),
      (error: unknown) => exitCodeOf(error) === ExitCode.badInput && /--sustainable: .*timeline\.yaml reads its input from a timeline; .*needs a generator input/.test((error as Error).message),
    );
  });
});
