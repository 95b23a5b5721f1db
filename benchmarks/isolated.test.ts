import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSuiteIsolated, runSuites } from './isolated.js';
import { runSuite } from './suite.js';

test('a suite run in a worker process reports what the same suite reports in process', async () => {
  const progress: string[] = [];
  const isolated = await runSuiteIsolated('W1', { events: 3000, iterations: 2, onProgress: (m) => progress.push(m) });
  const local = await runSuite('W1', { events: 3000, iterations: 2 });
  assert.equal(isolated.status, 'ok', isolated.reason ?? '');
  assert.deepEqual(isolated.check, local.check);
  assert.equal(isolated.samples.length, 2);
  assert.ok((isolated.ratio ?? 0) > 0);
  assert.ok((isolated.heapPeakBytes ?? 0) > 0, 'the worker measures heap from a collected heap (--expose-gc)');
  assert.ok(progress.some((m) => /W1: native engine, measured run/.test(m)), 'progress crosses back from the worker');
});

test('a worker that throws gives a failed row with its message, and the next suite still runs', async () => {
  const rows = await runSuites(['W1', 'W2'], { events: 1000, iterations: 1, heapStride: 3 });
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.equal(r.status, 'failed');
    assert.match(r.reason ?? '', /failed: worker process: .*stride must be a power of two/);
  }
  const ok = await runSuites(['W2'], { events: 1000, iterations: 1 }, false);
  assert.equal(ok[0]?.status, 'ok');
});

test('a scripted clock cannot cross to a worker', async () => {
  await assert.rejects(runSuiteIsolated('W1', { events: 1000, now: () => 0 }), /scripted clock/);
});
