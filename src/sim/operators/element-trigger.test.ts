import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TriggerSpec } from '../scenario/types.js';
import { paneOnElement, paneOnProcessingTimer } from './element-trigger.js';
import type { WindowOperatorHost } from './window-operator-host.js';
import { WindowState } from './window-state.js';

const EVERY_LATE: TriggerSpec = { late: { type: 'count', count: 1 } };

function recordingHost(): WindowOperatorHost & { timers: [number, string, number][] } {
  const timers: [number, string, number][] = [];
  return { timers, emit: () => undefined, registerProcessingTimer: (at, _ws, phase, firings) => timers.push([at, phase, firings]) };
}

function windowWith(count: number): WindowState {
  const ws = new WindowState(0, 0, 10);
  for (let i = 0; i < count; i++) ws.add(1, i, i);
  return ws;
}

test('per-update output (Kafka Streams without suppress, Spark update) fires on every element', () => {
  const host = recordingHost();
  assert.equal(paneOnElement(windowWith(1), EVERY_LATE, true, 5, 100, host), 'EARLY');
  assert.equal(paneOnElement(windowWith(1), EVERY_LATE, true, 10, 100, host), 'LATE');
});

test('a count trigger fires its phase\'s pane; a processing-time trigger sets a timer instead', () => {
  const trigger: TriggerSpec = { early: { type: 'count', count: 2 }, late: { type: 'after-first-element', delayMs: 50 } };
  const host = recordingHost();
  assert.equal(paneOnElement(windowWith(1), trigger, false, 0, 100, host), undefined);
  assert.equal(paneOnElement(windowWith(2), trigger, false, 0, 100, host), 'EARLY');
  const late = windowWith(1);
  late.onTimePassed = true;
  assert.equal(paneOnElement(late, trigger, false, 20, 100, host), undefined);
  assert.deepEqual(host.timers, [[150, 'late', 0]]);
  assert.deepEqual([late.processingTimerAt, late.processingTimerPhase], [150, 'late']);
});

test('a processing-time timer for a pane that has fired since, or of the other phase, is stale', () => {
  const ws = windowWith(1);
  assert.equal(paneOnProcessingTimer(ws, 'early', 0), 'EARLY');
  assert.equal(paneOnProcessingTimer(ws, 'late', 0), undefined);
  assert.equal(paneOnProcessingTimer(ws, 'early', 1), undefined);
  ws.cleared = true;
  assert.equal(paneOnProcessingTimer(ws, 'early', 0), undefined);
});
