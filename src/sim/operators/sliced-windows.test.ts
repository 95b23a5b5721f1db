import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeySlices } from './slice-store.js';
import { firstWindowStart, openedRange, sliceWidthOf, slicingApplies } from './sliced-windows.js';

const W = { sizeMs: 60_000, everyMs: 1000, offsetMs: 0 };
const LATE = { late: { type: 'count', count: 1 } } as const;

test('the slice grid is gcd(size, every) wide, with the windows\' offset', () => {
  assert.deepEqual(sliceWidthOf(W), { sizeMs: 1000, everyMs: 1000, offsetMs: 0 });
  assert.deepEqual(sliceWidthOf({ sizeMs: 30_000, everyMs: 20_000, offsetMs: 500 }), { sizeMs: 10_000, everyMs: 10_000, offsetMs: 500 });
});

test('slicing applies to overlapping windows without early firings or per-update output', () => {
  assert.equal(slicingApplies(W, LATE, false), true);
  assert.equal(slicingApplies({ sizeMs: 10_000, everyMs: 10_000, offsetMs: 0 }, LATE, false), false, 'tumbling: one window per element');
  assert.equal(slicingApplies({ sizeMs: Infinity, everyMs: Infinity, offsetMs: 0 }, LATE, false), false, 'global window');
  assert.equal(slicingApplies(W, { ...LATE, early: { type: 'count', count: 2 } }, false), false);
  assert.equal(slicingApplies(W, LATE, true), false, 'an update per element');
});

test('firstWindowStart: the earliest window containing t', () => {
  assert.equal(firstWindowStart(W, 0), -59_000);
  assert.equal(firstWindowStart(W, 59_999), 0);
  assert.equal(firstWindowStart(W, 60_000), 1000);
  assert.equal(firstWindowStart({ sizeMs: 30_000, everyMs: 10_000, offsetMs: 500 }, 12_000), -9500);
});

function slices(starts: readonly number[]): KeySlices {
  const s = new KeySlices();
  for (const x of starts) s.insert(s.length, x);
  return s;
}

test('a new slice opens the windows its non-empty neighbours do not share, and no expired one', () => {
  const out = { from: 0, to: 0 };
  // Alone: every window containing it.
  assert.deepEqual(openedRange(W, slices([10_000]), 0, -Infinity, out), { from: -49_000, to: 10_000 });
  // A neighbour 3 slices back: the windows containing both exist already.
  assert.deepEqual(openedRange(W, slices([7000, 10_000]), 1, -Infinity, out), { from: 8000, to: 10_000 });
  // A neighbour ahead too: only the windows between.
  assert.deepEqual(openedRange(W, slices([7000, 10_000, 12_000]), 1, -Infinity, out), { from: 8000, to: -48_000 });
  assert.deepEqual(openedRange(W, slices([10_000, 75_000]), 0, -Infinity, out), { from: -49_000, to: 10_000 });
  // Windows before the first live start are too late to open.
  assert.deepEqual(openedRange(W, slices([10_000]), 0, 5000, out), { from: 5000, to: 10_000 });
});
