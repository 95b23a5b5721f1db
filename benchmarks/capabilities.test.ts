import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capability, resetCapabilities } from './capabilities.js';
import { runSuite } from './suite.js';
import type { Capability } from './workloads.js';

test('every capability a workload needs is there today: the probes find each by trying it', () => {
  resetCapabilities();
  for (const c of ['micro-batch', 'checkpoints', 'failures', 'cost-model'] as Capability[]) {
    assert.deepEqual(capability(c), { available: true, reason: '' }, c);
  }
});

test('W5 (checkpoints and crashes) and W6 (micro-batch) run and report a figure', async () => {
  resetCapabilities();
  for (const id of ['W5', 'W6'] as const) {
    const r = await runSuite(id, { events: 3000, iterations: 1, warmup: false });
    assert.equal(r.status, 'ok', `${id}: ${r.reason ?? ''}`);
    assert.ok(r.eventsPerSec !== null && r.eventsPerSec > 0, id);
    assert.ok(r.check !== null && r.check.engineResults > 0, id);
  }
});
