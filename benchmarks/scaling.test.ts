import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logLogFit, runScaling, scalingPlan } from './scaling.js';

test('the log-log fit finds the exponent of a power law', () => {
  const linear = logLogFit([1e4, 1e5, 1e6].map((x) => ({ x, y: 3 * x })));
  assert.ok(linear && Math.abs(linear.slope - 1) < 1e-12 && Math.abs(linear.r2 - 1) < 1e-12);
  const quadratic = logLogFit([10, 100, 1000].map((x) => ({ x, y: x * x })));
  assert.ok(quadratic && Math.abs(quadratic.slope - 2) < 1e-12);
  assert.equal(logLogFit([{ x: 1, y: 1 }]), null);
});

test('scaling plans: events up to the cap, overlaps that divide 60 s, keys 10 … 10^6', () => {
  assert.deepEqual(scalingPlan('events', 100_000).xs, [1e4, 1e5]);
  assert.deepEqual(scalingPlan('events', undefined).xs, [1e4, 1e5, 1e6, 1e7]);
  const overlap = scalingPlan('overlap', undefined);
  for (const x of overlap.xs) {
    const o = overlap.overrides(x);
    assert.equal(60_000 % (o.slidingEveryMs ?? 0), 0);
    assert.equal((o.slidingSizeMs ?? 0) / (o.slidingEveryMs ?? 1), x);
  }
  assert.deepEqual(scalingPlan('keys', 1000).xs, [10, 100, 1000, 10_000, 100_000, 1_000_000]);
});

test('an events scaling run reports one point per size and a fit (no assertion on speed)', async () => {
  const report = await runScaling('events', 1000, { iterations: 2 });
  assert.equal(report.points.length, 1);
  assert.equal(report.points[0]?.result.events, 1000);
  assert.equal(report.fit, null, 'one point is no fit');
  const two = await runScaling('events', 100_000, { iterations: 1, handLoop: false });
  assert.equal(two.points.length, 2);
  assert.ok(two.fit !== null && Number.isFinite(two.fit.slope));
  assert.match(two.verdict, /time ∝ N\^/);
});
