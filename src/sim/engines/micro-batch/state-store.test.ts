import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StateStore } from './state-store.js';

const snapshot = (windows: number) => ({
  clock: 0,
  windows: Array.from({ length: windows }, (_, i) => ({
    key: `k${i}`,
    keyGroup: 0,
    start: 0,
    end: 10,
    total: { count: 1, sum: 1, min: 1, max: 1 },
    pane: { count: 0, sum: 0, min: Infinity, max: -Infinity },
    maxEventTime: 1,
    maxIngestionTime: 1,
    paneMaxEventTime: -Infinity,
    paneMaxIngestionTime: -Infinity,
    nextIndex: 0,
    onTimePassed: false,
    lastEmitted: null,
    pendingRetractions: [],
    processingTimer: null,
  })),
});

test('state store: empty version 0, then batch N commits version N + 1', () => {
  const store = new StateStore();
  assert.equal(store.latest().version, 0);
  assert.equal(store.windows, 0);
  store.commit(0, [snapshot(2), snapshot(1)]);
  assert.equal(store.latest().version, 1);
  assert.equal(store.windows, 3);
  store.commit(1, [snapshot(1)]);
  assert.equal(store.latest().version, 2);
  assert.throws(() => store.commit(1, []), /version 2 committed after version 2/);
});
