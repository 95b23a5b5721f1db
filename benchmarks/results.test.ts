import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeResult, fakeUnavailable } from './results.test-support.js';
import { RESULTS_SCHEMA, type ResultsDocument, classify, compareResults, heapMargin, loadResults, machineInfo, saveResults } from './results.js';

test('a change is significant only beyond the sum of both margins, or 5% when that is smaller', () => {
  // Margins 1% + 1%: the 5% floor applies.
  assert.equal(classify(100, 104, 0.01, 0.01, true).verdict, 'within noise');
  assert.equal(classify(100, 106, 0.01, 0.01, true).verdict, 'improved');
  assert.equal(classify(100, 94, 0.01, 0.01, true).verdict, 'regressed');
  // Margins 10% + 10%: a 15% change is noise, a 25% change is not.
  assert.equal(classify(100, 115, 0.1, 0.1, true).verdict, 'within noise');
  assert.equal(classify(100, 75, 0.1, 0.1, true).verdict, 'regressed');
  // Lower is better (heap): a drop is an improvement.
  assert.equal(classify(100, 80, null, null, false).verdict, 'improved');
  assert.equal(classify(100, 120, null, null, false).verdict, 'regressed');
  assert.equal(classify(null, 120, null, null, true).verdict, 'not comparable');
  const c = classify(200, 250, 0.02, 0.03, true);
  assert.equal(c.change, 0.25);
  assert.equal(c.noise, 0.05);
});

test('comparing two runs: each figure of each matching suite, with its verdict', () => {
  const before = [fakeResult('W1', 500_000, { rmePercent: 2 }), fakeResult('W3', 100_000, { rmePercent: 2 }), fakeResult('W4', 50_000)];
  const after = [
    fakeResult('W1', 700_000, { rmePercent: 2, handLoopEventsPerSec: 1_500_000 }),
    fakeResult('W3', 101_000, { rmePercent: 2, handLoopEventsPerSec: 303_000 }),
    fakeUnavailable('W5', 'not available yet (needs checkpoints)'),
  ];
  const rows = compareResults(before, after);
  const get = (label: string, figure: string) => rows.find((r) => r.label === label && r.figure === figure);
  assert.equal(get('W1', 'events/s')?.verdict, 'improved');
  assert.equal(get('W1', 'hand loop/s')?.verdict, 'within noise');
  assert.equal(get('W1', 'ratio')?.verdict, 'improved');
  assert.equal(get('W3', 'events/s')?.verdict, 'within noise');
  assert.equal(get('W3', 'peak heap')?.verdict, 'within noise');
  assert.equal(get('W5', 'events/s')?.verdict, 'not comparable');
  assert.equal(rows.filter((r) => r.label === 'W4').length, 0, 'a suite only in the old run is not compared');
});

test('heap noise is the spread of the per-run peaks', () => {
  assert.equal(heapMargin([100, 110, 90]), 0.2);
  assert.equal(heapMargin([100]), null);
});

test('save writes <date>-<commit>.json atomically with machine information; load reads it back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamsim-bench-'));
  try {
    const doc: ResultsDocument = {
      schema: RESULTS_SCHEMA,
      createdAt: '2030-01-02T03:04:05.678Z',
      machine: machineInfo(false),
      options: { events: 1000, iterations: 3, workloads: ['W1'], engine: null },
      results: [fakeResult('W1', 500_000)],
      targets: [],
    };
    const path = saveResults(doc, dir);
    assert.match(path, /2030-01-02T03-04-05Z-[\w-]+\.json$/);
    assert.deepEqual(readdirSync(dir), [path.slice(dir.length + 1)], 'no temporary file left behind');
    const back = loadResults(path);
    assert.deepEqual(back, JSON.parse(JSON.stringify(doc)));
    assert.ok(back.machine.cpuCount > 0 && back.machine.node.startsWith('v'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schema":"other"}');
    assert.throws(() => loadResults(bad), /not a saved benchmark run/);
    assert.throws(() => loadResults(join(dir, 'missing.json')), /cannot read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
