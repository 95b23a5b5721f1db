import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRounds, statisticsOf } from './rounds.js';

test('tasks take turns, the order alternating by round, and the warm-up round is not counted', async () => {
  const order: string[] = [];
  const modes: string[] = [];
  const task = (name: string) => ({
    name,
    fn: async () => void order.push(name),
    beforeEach: (mode: string) => void modes.push(`${name}:${mode}`),
  });
  const samples = await runRounds([task('a'), task('b')], { name: 't', rounds: 3, warmup: true });
  assert.deepEqual(order, ['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
  assert.deepEqual(modes.slice(0, 2), ['a:warmup', 'b:warmup']);
  assert.ok(modes.slice(2).every((m) => m.endsWith(':run')));
  assert.equal(samples.get('a')?.length, 3);
  assert.equal(samples.get('b')?.length, 3);
});

test("each round's time comes from tinybench's clock", async () => {
  let t = 0;
  const samples = await runRounds([{ name: 'x', fn: async () => {} }], { name: 't', rounds: 2, warmup: false, now: () => (t += 7) });
  assert.deepEqual(samples.get('x'), [7, 7]);
});

test('a task that throws fails the rounds', async () => {
  await assert.rejects(
    runRounds([{ name: 'x', fn: async () => Promise.reject(new Error('boom')) }], { name: 't', rounds: 1, warmup: false }),
    /boom/,
  );
});

test("statistics follow tinybench's definitions", () => {
  const s = statisticsOf([4, 1, 3, 2]);
  assert.deepEqual(s.samples, [1, 2, 3, 4]);
  assert.equal(s.mean, 2.5);
  assert.equal(s.p50, 2.5);
  assert.equal(s.p75, 3.25);
  assert.ok(Math.abs(s.p99 - 3.97) < 1e-9);
  // sd = 1.29099…, sem = 0.645497…, t(3) = 3.182: rme = 0.645497 × 3.182 ÷ 2.5 × 100.
  assert.ok(Math.abs(s.rme - 82.159) < 0.01, `rme ${s.rme}`);
  assert.equal(statisticsOf([5]).rme, 0);
  assert.throws(() => statisticsOf([]), /no samples/);
});
