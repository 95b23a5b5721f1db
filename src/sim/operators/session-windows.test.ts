import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionWindows } from './session-windows.js';
import { WindowState } from './window-state.js';

function session(key: number, start: number, end: number, values: number[]): WindowState {
  const ws = new WindowState(key, start, end);
  for (const v of values) ws.add(v, start + v, start + v + 1);
  return ws;
}

test('a key\'s sessions stay sorted by start, whatever order they arrive in', () => {
  const set = new SessionWindows();
  set.insert(session(1, 50, 60, []));
  set.insert(session(1, 10, 20, []));
  set.insert(session(2, 0, 5, []));
  set.insert(session(1, 30, 40, []));
  assert.deepEqual(set.of(1).map((s) => s.start), [10, 30, 50]);
  assert.deepEqual([...set.all()].map((s) => [s.key, s.start]), [[1, 10], [1, 30], [1, 50], [2, 0]]);
});

test('merging folds the later sessions into the first, which takes the span and withdraws what they emitted', () => {
  const set = new SessionWindows();
  const a = session(1, 0, 10, [1, 2]);
  const b = session(1, 12, 20, [5]);
  a.lastEmitted = { window: { start: 0, end: 10 }, value: 3, count: 2, index: 0 };
  set.insert(a);
  set.insert(b);
  const m = set.merge(1, 0, 2, { start: 0, end: 20 });
  assert.ok(m);
  assert.equal(m.into, a);
  assert.equal(m.absorbed, 1);
  assert.deepEqual(m.from, [{ start: 0, end: 10 }, { start: 12, end: 20 }]);
  assert.deepEqual([a.start, a.end, a.total.count, a.total.sum, a.pane.sum], [0, 20, 3, 8, 8]);
  assert.equal(a.maxEventTime, 17);
  assert.equal(a.lastEmitted, undefined);
  assert.equal(a.pendingRetractions?.length, 1);
  assert.equal(a.firings, 1);
  assert.equal(b.cleared, true);
  assert.deepEqual(set.of(1), [a]);
});

test('a span that is just the one session already there merges nothing', () => {
  const set = new SessionWindows();
  const a = session(1, 0, 10, [1]);
  set.insert(a);
  assert.equal(set.merge(1, 0, 1, { start: 0, end: 10 }), undefined);
  assert.equal(a.firings, 0);
});

test('removing a key\'s last session forgets the key', () => {
  const set = new SessionWindows();
  const a = session(3, 0, 10, []);
  set.insert(a);
  set.remove(a);
  assert.deepEqual([...set.all()], []);
});
