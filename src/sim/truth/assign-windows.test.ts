import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alignedStart, assignFixedWindows, GLOBAL_WINDOW } from './assign-windows.js';

describe('alignedStart', () => {
  it('floors to the period, shifted by the offset, also below zero', () => {
    assert.equal(alignedStart(12_345, 0, 10_000), 10_000);
    assert.equal(alignedStart(10_000, 0, 10_000), 10_000);
    assert.equal(alignedStart(9_999, 0, 10_000), 0);
    assert.equal(alignedStart(-1, 0, 10_000), -10_000);
    assert.equal(alignedStart(1_000, 2_000, 10_000), -8_000);
    assert.equal(alignedStart(2_000, 2_000, 10_000), 2_000);
  });
});

describe('assignFixedWindows', () => {
  it('puts an event in one tumbling window [start, start + size)', () => {
    const spec = { type: 'tumbling', sizeMs: 10, offsetMs: 0 } as const;
    assert.deepEqual(assignFixedWindows(spec, 9), [{ start: 0, end: 10 }]);
    assert.deepEqual(assignFixedWindows(spec, 10), [{ start: 10, end: 20 }]);
    assert.deepEqual(assignFixedWindows(spec, -3), [{ start: -10, end: 0 }]);
  });

  it('applies a tumbling offset', () => {
    const spec = { type: 'tumbling', sizeMs: 10, offsetMs: 3 } as const;
    assert.deepEqual(assignFixedWindows(spec, 2), [{ start: -7, end: 3 }]);
    assert.deepEqual(assignFixedWindows(spec, 3), [{ start: 3, end: 13 }]);
  });

  it('puts an event in size/every sliding windows, negative starts included', () => {
    const spec = { type: 'sliding', sizeMs: 10, everyMs: 5, offsetMs: 0 } as const;
    assert.deepEqual(assignFixedWindows(spec, 0), [
      { start: -5, end: 5 },
      { start: 0, end: 10 },
    ]);
    assert.deepEqual(assignFixedWindows(spec, 12), [
      { start: 5, end: 15 },
      { start: 10, end: 20 },
    ]);
  });

  it('applies a sliding offset; every window holds the event and has a start ≡ offset', () => {
    const spec = { type: 'sliding', sizeMs: 9, everyMs: 3, offsetMs: 1 } as const;
    for (let t = -20; t <= 20; t++) {
      const windows = assignFixedWindows(spec, t);
      assert.equal(windows.length, Math.ceil(9 / 3), `t=${t}`);
      for (const w of windows) {
        assert.ok(w.start <= t && t < w.end, `t=${t} in [${w.start}, ${w.end})`);
        assert.equal((((w.start - 1) % 3) + 3) % 3, 0);
        assert.equal(w.end - w.start, 9);
      }
    }
    assert.deepEqual(
      assignFixedWindows(spec, 5).map((w) => w.start),
      [-2, 1, 4],
    );
  });

  it('gives floor or ceil of size/every windows when every does not divide size', () => {
    const spec = { type: 'sliding', sizeMs: 10, everyMs: 3, offsetMs: 0 } as const;
    const counts = new Set<number>();
    for (let t = 0; t < 30; t++) counts.add(assignFixedWindows(spec, t).length);
    assert.deepEqual([...counts].sort(), [3, 4]);
  });

  it('puts every event in the one global window', () => {
    assert.deepEqual(assignFixedWindows({ type: 'global' }, 123), [GLOBAL_WINDOW]);
    assert.deepEqual(GLOBAL_WINDOW, { start: -Infinity, end: Infinity });
  });
});
