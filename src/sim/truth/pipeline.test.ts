import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyMap, compileFilter, keyParity } from './pipeline.js';

describe('keyParity', () => {
  it('reads the trailing integer of the key name', () => {
    assert.equal(keyParity('k42'), 'even');
    assert.equal(keyParity('k7'), 'odd');
    assert.equal(keyParity('user-10'), 'even');
    assert.equal(keyParity('k123456789012345678901'), 'odd');
  });

  it('gives no parity to a name without a trailing integer', () => {
    assert.equal(keyParity('alpha'), null);
    assert.equal(keyParity('k1x'), null);
    assert.equal(keyParity(''), null);
  });
});

describe('compileFilter', () => {
  it('keeps everything without a filter', () => {
    assert.equal(compileFilter(undefined)('x', -5), true);
  });

  it('bounds the value to [valueMin, valueMax)', () => {
    const passes = compileFilter({ valueMin: 10, valueMax: 20 });
    assert.equal(passes('k1', 9), false);
    assert.equal(passes('k1', 10), true);
    assert.equal(passes('k1', 19), true);
    assert.equal(passes('k1', 20), false);
  });

  it('filters by key parity; keys without a trailing integer fail both parities', () => {
    const even = compileFilter({ keyParity: 'even' });
    const odd = compileFilter({ keyParity: 'odd' });
    assert.deepEqual([even('k2', 0), even('k3', 0), even('hot', 0)], [true, false, false]);
    assert.deepEqual([odd('k2', 0), odd('k3', 0), odd('hot', 0)], [false, true, false]);
  });

  it('filters by key list, and every set condition must hold', () => {
    const passes = compileFilter({ keys: ['k1', 'k2'], keyParity: 'odd', valueMin: 0 });
    assert.equal(passes('k1', 1), true);
    assert.equal(passes('k2', 1), false);
    assert.equal(passes('k3', 1), false);
    assert.equal(passes('k1', -1), false);
  });
});

describe('applyMap', () => {
  it('computes value × multiply + add, or the identity', () => {
    assert.equal(applyMap({ multiply: 3, add: -1 }, 5), 14);
    assert.equal(applyMap(undefined, 5), 5);
  });
});
