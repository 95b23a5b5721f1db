/**
 * Tumbling windows partition time: every kept event lies in exactly one window. The exact answer
 * puts each kept event in exactly one truth window and the windows' counts add up to the kept
 * events; in the run, each kept event has exactly one `event-windowed` or `event-late` entry, for
 * the window [start, start + size) with start ≡ offset (mod size) that holds its timestamp.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioArb } from './arbitraries.js';
import { refId, runLaw, windowText } from './laws.js';
import { checkProperty } from './replay.js';
import type { CheckedRun } from '../src/sim/report/simulate.js';
import type { Scenario } from '../src/sim/scenario/types.js';

function assertTruthPartitions({ truth }: CheckedRun): void {
  const kept = truth.events.filter((e) => e.kept).map((e) => refId(e.ref));
  const seen = new Map<string, number>();
  for (const w of truth.windows) for (const ref of w.events) seen.set(refId(ref), (seen.get(refId(ref)) ?? 0) + 1);
  for (const id of kept) assert.equal(seen.get(id), 1, `kept event ${id} is in ${seen.get(id) ?? 0} truth windows`);
  assert.equal(seen.size, kept.length, 'truth windows hold events that are not kept');
  const counted = truth.windows.reduce((n, w) => n + w.count, 0);
  assert.equal(counted, kept.length, 'truth window counts vs kept events');
}

function assertRunPartitions({ run, truth }: CheckedRun, s: Scenario): void {
  const w = s.window;
  if (w.type !== 'tumbling') throw new Error('tumbling-partition: expected tumbling windows');
  const entries = new Map<string, { timestamp: number; windows: string[] }>();
  for (const e of run.trace) {
    if (e.type !== 'event-windowed' && e.type !== 'event-late') continue;
    const id = refId(e.ref);
    const start: number = e.timestamp - ((((e.timestamp - w.offsetMs) % w.sizeMs) + w.sizeMs) % w.sizeMs);
    assert.deepEqual(windowText(e.window), windowText({ start, end: start + w.sizeMs }), `event ${id} at ${e.timestamp} put in the wrong window (${e.type})`);
    const entry = entries.get(id) ?? { timestamp: e.timestamp, windows: [] };
    entry.windows.push(`${e.type} ${windowText(e.window)}`);
    entries.set(id, entry);
  }
  for (const e of truth.events) {
    const id = refId(e.ref);
    const got = entries.get(id)?.windows ?? [];
    assert.equal(got.length, e.kept ? 1 : 0, `${e.kept ? 'kept' : 'filtered'} event ${id} (t=${e.timestamp}) has entries ${JSON.stringify(got)}`);
  }
}

test('tumbling windows: every kept event in exactly one window, in the truth and in the run', (t) => {
  checkProperty(runLaw(scenarioArb({ windows: ['tumbling'], pipeline: true }), assertTruthPartitions, assertRunPartitions), { file: import.meta.url, test: t });
});
