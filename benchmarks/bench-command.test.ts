import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { bench, planOf } from '../src/cli/commands/bench.js';
import { UserError } from '../src/cli/exit-codes.js';
import { WORKLOAD_IDS } from './workloads.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), colour: new Chalk({ level: 0 }) } };
}

test('the plan: defaults, workload ids in any case, and errors a user can fix', () => {
  const p = planOf({});
  assert.deepEqual(p.workloads, [...WORKLOAD_IDS]);
  assert.equal(p.events, undefined);
  assert.equal(p.iterations, 5);
  assert.deepEqual(planOf({ workload: 'w1, W3' }).workloads, ['W1', 'W3']);
  assert.throws(() => planOf({ workload: 'W9' }), (e: unknown) => e instanceof UserError && /unknown workload 'W9'/.test(e.message));
  assert.throws(() => planOf({ events: 0 }), /--events must be a positive integer/);
  assert.throws(() => planOf({ engine: 'spark' }), /--engine must be native or micro-batch/);
  assert.throws(() => planOf({ compare: '/nonexistent/run.json' }), /cannot read/);
  assert.throws(() => planOf({ scaling: 'events', simulated: true }), /separate runs/);
  assert.throws(() => planOf({ scaling: 'speed' }), /--scaling must be one of/);
});

test('streamsim bench --json prints an array of suite results', async () => {
  const { out, io } = capture();
  const code = await bench({ workload: 'W1', events: 1500, iterations: 2, json: true }, io);
  assert.equal(code, 0);
  const rows = JSON.parse(out.join('')) as Record<string, unknown>[];
  assert.ok(Array.isArray(rows));
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.equal(row?.['workload'], 'W1');
  assert.equal(row?.['engine'], 'native');
  assert.equal(row?.['events'], 1500);
  for (const k of ['eventsPerSec', 'handLoopEventsPerSec', 'ratio', 'meanMs', 'p75Ms', 'p99Ms', 'rmePercent', 'heapPeakBytes']) {
    assert.equal(typeof row?.[k], 'number', k);
  }
  assert.equal((row?.['samples'] as unknown[]).length, 2);
});

test('streamsim bench prints the table, the notes and the targets', async () => {
  const { out, io } = capture();
  await bench({ workload: 'W1,W3', events: 1500, iterations: 1 }, io);
  const text = out.join('');
  assert.match(text, /^streamsim bench · 1,500 events/);
  assert.match(text, /\nworkload\s+engine\s+events\s+events\/s\s+hand loop\/s\s+ratio/);
  assert.match(text, /\nW3\s+native\s+1,500\s/);
  assert.match(text, /target \(ratios measured in this run\)/);
  assert.match(text, /sliding W3 ≥ 1\/2 of tumbling W1 \(stream slicing\)\s+\d/);
});
