import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LATE_YAML, SCORES_YAML, timelineOf } from '../test-support.js';
import { whyAt, whyModel } from './why-model.js';
import { lineText } from './text.js';

test('the latest step is explained with its numbers', () => {
  const tl = timelineOf(LATE_YAML);
  const late = tl.trace.findIndex((e) => e.type === 'event-late');
  const why = whyAt(tl, late + 1, null);
  assert.equal(why.subject, `step ${late + 1}`);
  assert.equal(
    why.text,
    'late, dropped: window end 12:01:00 − 1 ms + lateness 1m = 12:01:59.999 ≤ watermark 12:02:30 at arrival 12:02:40 (Flink drops when maxTimestamp + allowedLateness <= watermark)',
  );
  assert.equal(why.tone, 'dropped');
});

test('a selected window explains its latest pane against the exact answer, or what it waits for', () => {
  const tl = timelineOf(SCORES_YAML);
  const first = tl.rows[0]?.id ?? null;
  const end = whyAt(tl, tl.steps, first);
  assert.equal(end.subject, 'TeamX 12:00–12:02');
  assert.equal(
    end.text,
    'ON_TIME: watermark 12:02:00 passed window end 12:02:00 at 12:06:00 (Beam fires when the watermark passes the end of the window); value 5 of 1 element, last pane · reader holds 5, exact answer 5 (correct)',
  );
  const waiting = whyAt(tl, 2, first);
  assert.match(waiting.text, /^waiting: watermark -∞ has not passed window end 12:02:00/);
});

test('before the first step it says what to press; the lines fit the box', () => {
  const tl = timelineOf(SCORES_YAML);
  const lines = whyModel(tl, 0, { width: 60, height: 2, selected: null }).map(lineText);
  assert.deepEqual(lines, ['Why · start · nothing has happened yet: press → to take one ', 'step, space to play, ? for every key                        ']);
});
