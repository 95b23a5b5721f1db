import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkWatermarksMonotonic } from './watermark-monotonic.js';
import { watermark } from './trace.test-support.js';

describe('checkWatermarksMonotonic', () => {
  it('accepts watermarks that rise or stay, from -∞ to +∞', () => {
    const trace = [watermark(-Infinity), watermark(5), watermark(5), watermark(9), watermark(Infinity)];
    assert.deepEqual(checkWatermarksMonotonic(trace), []);
  });

  it('detects a regression, and every later entry below the high-water mark', () => {
    const trace = [watermark(10), watermark(7), watermark(8), watermark(12)];
    const violations = checkWatermarksMonotonic(trace);
    assert.deepEqual(
      violations.map((v) => [v.traceIndex, v.previous, v.watermark]),
      [
        [1, 10, 7],
        [2, 10, 8],
      ],
    );
  });

  it('keeps each (scope, id) apart', () => {
    const trace = [watermark(10, 'partition', 0), watermark(3, 'partition', 1), watermark(5, 'operator', 0), watermark(4, 'partition', 1)];
    assert.deepEqual(checkWatermarksMonotonic(trace), []);
    const regress = checkWatermarksMonotonic([...trace, watermark(2, 'partition', 1)]);
    assert.deepEqual(
      regress.map((v) => [v.scope, v.id, v.previous, v.watermark]),
      [['partition', 1, 4, 2]],
    );
  });
});
