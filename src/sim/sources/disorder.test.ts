import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { compileDisorder } from './disorder.js';

function draws(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}

describe('disorder models', () => {
  it('none delays nothing', () => {
    const model = compileDisorder({ type: 'none' });
    const prng = new Prng(1);
    assert.equal(model.maxDelayMs, 0);
    assert.ok(draws(100, () => model.draw(prng)).every((d) => d === 0));
  });

  it('uniform draws integers in [0, maxDelayMs) and reaches both ends', () => {
    const model = compileDisorder({ type: 'uniform', maxDelayMs: 50 });
    const prng = new Prng(2);
    const delays = draws(20_000, () => model.draw(prng));
    assert.ok(delays.every((d) => Number.isInteger(d) && d >= 0 && d < 50));
    assert.equal(Math.min(...delays), 0);
    assert.equal(Math.max(...delays), 49);
    assert.equal(model.maxDelayMs, 49);
  });

  it('heavy-tailed: mostly below baseDelayMs, stragglers beyond it, never past the cap', () => {
    const model = compileDisorder({ type: 'heavy-tailed', baseDelayMs: 100, stragglerNumerator: 1, stragglerDenominator: 10, alpha: 1.1, maxDelayMs: 2000 });
    const prng = new Prng(3);
    const delays = draws(50_000, () => model.draw(prng));
    assert.ok(delays.every((d) => Number.isInteger(d) && d >= 0 && d <= 2000), 'capped at maxDelayMs');
    const stragglers = delays.filter((d) => d >= 100).length / delays.length;
    // Every straggler draw is ≥ the Pareto scale (100), every other draw is below it.
    assert.ok(Math.abs(stragglers - 0.1) < 0.01, `straggler fraction ${stragglers}`);
    assert.ok(delays.some((d) => d === 2000), 'the tail is heavy enough to hit the cap');
    assert.ok(delays.some((d) => d > 500 && d < 2000), 'and to land between scale and cap');
    assert.equal(model.maxDelayMs, 2000);
  });

  it('rejects bad models with messages naming disorder', () => {
    assert.throws(() => compileDisorder({ type: 'uniform', maxDelayMs: 0 }), /^Error: disorder: uniform maxDelayMs must be a positive integer/);
    const heavy = { type: 'heavy-tailed', baseDelayMs: 100, stragglerNumerator: 1, stragglerDenominator: 10, alpha: 1.5, maxDelayMs: 1000 } as const;
    assert.throws(() => compileDisorder({ ...heavy, maxDelayMs: 50 }), /^Error: disorder: heavy-tailed maxDelayMs must be an integer ≥ baseDelayMs \(100\), got 50$/);
    assert.throws(() => compileDisorder({ ...heavy, alpha: 0 }), /disorder: heavy-tailed alpha/);
    assert.throws(() => compileDisorder({ ...heavy, stragglerDenominator: 0 }), /disorder: heavy-tailed straggler ratio/);
  });
});
