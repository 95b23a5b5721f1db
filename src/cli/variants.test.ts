import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from './exit-codes.js';
import { axesOf, listOption, parseEngineVariant, parseGuaranteeVariant, parseSweep, variantMatrix, variantsOf } from './variants.js';

describe('parseGuaranteeVariant', () => {
  it('sets delivery to the guarantee, with its default sink', () => {
    assert.deepEqual(parseGuaranteeVariant('at-least-once'), { label: 'at-least-once', overrides: { delivery: 'at-least-once' } });
  });
  it('takes a sink after a colon', () => {
    assert.deepEqual(parseGuaranteeVariant('exactly-once:idempotent'), {
      label: 'exactly-once (idempotent)',
      overrides: { delivery: { guarantee: 'exactly-once', sink: 'idempotent' } },
    });
  });
  it('rejects an unknown guarantee or sink with a clear error', () => {
    assert.throws(() => parseGuaranteeVariant('exactly-twice'), (e: unknown) => e instanceof UserError && /--guarantee: .*got 'exactly-twice'/.test(e.message));
    assert.throws(() => parseGuaranteeVariant('exactly-once:kafka'), UserError);
  });
});

describe('parseEngineVariant', () => {
  it('reads micro-batch:1s as { type: micro-batch, trigger: 1s }', () => {
    assert.deepEqual(parseEngineVariant('micro-batch:1s'), { label: 'micro-batch 1s', overrides: { engine: { type: 'micro-batch', trigger: '1s' } } });
    assert.deepEqual(parseEngineVariant('micro-batch:asap').overrides, { engine: { type: 'micro-batch', trigger: 'asap' } });
    assert.deepEqual(parseEngineVariant('micro-batch:0').overrides, { engine: { type: 'micro-batch', trigger: 0 } });
    assert.deepEqual(parseEngineVariant('micro-batch'), { label: 'micro-batch', overrides: { engine: 'micro-batch' } });
  });
  it('reads native with a buffer timeout and chaining', () => {
    assert.deepEqual(parseEngineVariant('native'), { label: 'native', overrides: { engine: 'native' } });
    assert.deepEqual(parseEngineVariant('native:buffer=10ms;chaining=off'), {
      label: 'native buffer 10ms chaining off',
      overrides: { engine: 'native', 'cost.buffer.timeout': '10ms', chaining: false },
    });
  });
  it('rejects what it cannot read', () => {
    for (const bad of ['flink', 'micro-batch:soon', 'micro-batch:1s:2s', 'native:buffer=fast', 'native:speed=2']) {
      assert.throws(() => parseEngineVariant(bad), UserError, bad);
    }
  });
});

describe('parseSweep', () => {
  it('maps a known setting to its scenario field', () => {
    const axis = parseSweep('trigger=1s,5s');
    assert.equal(axis.name, 'trigger');
    assert.deepEqual(axis.values.map((v) => v.overrides), [{ engine: { type: 'micro-batch', trigger: '1s' } }, { engine: { type: 'micro-batch', trigger: '5s' } }]);
    assert.deepEqual(parseSweep('bufferTimeout=0,10ms').values.map((v) => v.overrides), [{ 'cost.buffer.timeout': 0 }, { 'cost.buffer.timeout': '10ms' }]);
  });
  it('takes a dotted scenario path', () => {
    assert.deepEqual(parseSweep('checkpoints.interval=1s').values[0]?.overrides, { 'checkpoints.interval': '1s' });
  });
  it('rejects an unknown setting or no values', () => {
    assert.throws(() => parseSweep('speed=1,2'), UserError);
    assert.throws(() => parseSweep('trigger='), UserError);
    assert.throws(() => parseSweep('trigger'), UserError);
  });
});

describe('the variant matrix', () => {
  it('crosses guarantees with engines, in the order given, naming each axis', () => {
    const variants = variantsOf({ guarantee: ['at-most-once', 'exactly-once'], engine: ['native', 'native:buffer=10ms'] });
    assert.deepEqual(
      variants.map((v) => v.label),
      ['at-most-once · native', 'at-most-once · native buffer 10ms', 'exactly-once · native', 'exactly-once · native buffer 10ms'],
    );
    assert.deepEqual(variants[3]?.overrides, { delivery: 'exactly-once', engine: 'native', 'cost.buffer.timeout': '10ms' });
    assert.deepEqual(variants[3]?.axes, { guarantee: 'exactly-once', engine: 'native buffer 10ms' });
  });
  it('keeps the semantics and watermark axes as before', () => {
    const variants = variantsOf({ semantics: ['flink', 'kafka-streams'], watermark: ['perfect'] });
    assert.deepEqual(variants.map((v) => v.label), ['flink · perfect', 'kafka-streams · perfect']);
    assert.deepEqual(variants[1]?.overrides, { semantics: 'kafka-streams', watermark: { type: 'perfect' } });
  });
  it('refuses two axes that set the same field', () => {
    assert.throws(() => variantMatrix(axesOf({ engine: ['native', 'micro-batch'], sweep: 'trigger=1s,2s' })), /--engine and --sweep trigger both set the scenario's engine/);
    assert.throws(() => variantMatrix(axesOf({ engine: ['native:buffer=1ms'], sweep: 'bufferTimeout=0,1ms' })), /both set the scenario's cost/);
  });
  it('asks for at least two runs', () => {
    assert.throws(() => variantsOf({ guarantee: ['exactly-once'] }), /at least two runs/);
    assert.equal(variantsOf({ sweep: 'rate=10,20' }).length, 2);
  });
  it('splits lists given with commas or repeated flags', () => {
    assert.deepEqual(listOption(['a,b', ' c ']), ['a', 'b', 'c']);
    assert.equal(listOption(undefined), undefined);
  });
});
