import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeySlices, emptySliceTotal } from './slice-store.js';

function slicesAt(starts: readonly number[]): KeySlices {
  const s = new KeySlices();
  for (const x of starts) {
    const i = s.find(x);
    if (i < 0) s.insert(-i - 1, x);
  }
  return s;
}

function startsOf(s: KeySlices): number[] {
  return Array.from({ length: s.length }, (_, i) => s.startAt(i));
}

test('find returns the index of a slice, or -(insertion point) - 1, in and beyond the walk from the end', () => {
  const starts = Array.from({ length: 30 }, (_, i) => i * 1000);
  const s = slicesAt(starts);
  assert.deepEqual(startsOf(s), starts);
  for (let i = 0; i < starts.length; i++) assert.equal(s.find(i * 1000), i);
  assert.equal(s.find(-500), -1);
  assert.equal(s.find(500), -2);
  assert.equal(s.find(28_500), -30);
  assert.equal(s.find(40_000), -31);
});

test('slices inserted out of order stay sorted, across buffer growth and eviction', () => {
  const order = [5, 3, 9, 1, 7, 2, 8, 0, 6, 4, 15, 12, 11, 14, 13, 10, 19, 17, 18, 16];
  const s = slicesAt(order.map((x) => x * 1000));
  assert.deepEqual(startsOf(s), Array.from({ length: 20 }, (_, i) => i * 1000));
  s.evictBefore(7000);
  assert.deepEqual(startsOf(s), Array.from({ length: 13 }, (_, i) => (i + 7) * 1000));
  // Room is made at the front again (compaction) rather than by growing forever.
  for (let x = 20; x < 200; x++) s.insert(s.length, x * 1000);
  s.evictBefore(190_000);
  assert.deepEqual(startsOf(s), Array.from({ length: 10 }, (_, i) => (i + 190) * 1000));
  s.evictBefore(Infinity);
  assert.equal(s.length, 0);
});

test('combine folds the slices in [start, end): count, sum, min, max and the latest times', () => {
  const s = slicesAt([0, 1000, 2000, 3000]);
  s.add(0, 5, 100, 900);
  s.add(1, -2, 1500, 1600);
  s.add(1, 7, 1200, 2000);
  s.add(3, 40, 3100, 3200);
  const out = s.combine(1000, 3000, emptySliceTotal());
  assert.deepEqual({ ...out }, { count: 2, sum: 5, min: -2, max: 7, maxEventTime: 1500, maxIngestionTime: 2000 });
  assert.deepEqual({ ...s.combine(0, 4000, out) }, { count: 4, sum: 50, min: -2, max: 40, maxEventTime: 3100, maxIngestionTime: 3200 });
  assert.deepEqual({ ...s.combine(4000, 5000, out) }, { ...emptySliceTotal() });
  // An empty slice (inserted, nothing added) is the identity.
  assert.deepEqual({ ...s.combine(2000, 3000, out) }, { ...emptySliceTotal() });
});

test('slide answers every window exactly as combine, across out-of-order adds, new slices, evictions and rebuilds', () => {
  // A small deterministic generator (src/sim keeps the unseeded random source out; so does this test).
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let round = 0; round < 40; round++) {
    const s = new KeySlices();
    const size = 1000 * (1 + rand(12));
    let windowStart = -size;
    let maxTime = 0;
    for (let step = 0; step < 400; step++) {
      // Elements land up to 8 slices behind the newest, sometimes far behind (below the cut).
      const t = Math.max(0, maxTime + 1000 - 1000 * (rand(10) < 9 ? rand(8) : rand(40)));
      maxTime = Math.max(maxTime, t);
      const x = t - (t % 1000);
      let i = s.find(x);
      if (i < 0) {
        i = -i - 1;
        s.insert(i, x);
      }
      s.add(i, rand(50) - 10, t, step);
      if (rand(3) === 0) {
        windowStart += 1000;
        const a = s.slide(windowStart, windowStart + size, emptySliceTotal());
        const b = s.combine(windowStart, windowStart + size, emptySliceTotal());
        assert.deepEqual({ ...a }, { ...b }, `round ${round}, step ${step}, window [${windowStart}, ${windowStart + size})`);
        if (rand(4) === 0) s.evictBefore(windowStart + 1000 - size);
      }
    }
  }
});
