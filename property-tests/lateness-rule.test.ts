/**
 * Every lateness decision follows its engine's rule, written here from SEMANTICS.md ("too late"
 * and "window fires" rows) and checked against the clock value each trace entry carries:
 * - an `event-late` entry: the window was expired at that clock;
 * - an `event-windowed` entry: it was not, and its `late` flag says whether the window's on-time
 *   moment had passed.
 *   Flink: fires when maxTimestamp <= W, too late when maxTimestamp + L <= W;
 *   Beam:  fires when W > maxTimestamp (W >= end), too late when maxTimestamp + L < W;
 *   Spark: fires and is too late when W > end (no lateness);
 *   Kafka Streams: stream time >= end + grace; a session [first, last] is due (suppress) at
 *   last + gap + grace and too late only past it (KStreamSessionWindowAggregate drops when
 *   mergedWindow.end() < streamTime − grace − gap).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNever } from '../src/sim/kernel/assert.js';
import type { Window } from '../src/sim/model/window.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { scenarioArb } from './arbitraries.js';
import { refId, runLaw, windowText } from './laws.js';
import { checkProperty } from './replay.js';

/**
 * The global window [-∞, +∞) ends only at the end of time: only the final watermark +∞ passes it
 * (in Flink and Beam its maxTimestamp is a finite Long close to the maximum, below +∞).
 */
const globalPassed = (win: Window, w: number): boolean | undefined => (win.end === Infinity ? w === Infinity : undefined);

/** Has the window's on-time moment passed at clock w? */
function onTimePassed(s: Scenario, win: Window, w: number): boolean {
  const global = globalPassed(win, w);
  if (global !== undefined) return global;
  const maxTimestamp = win.end - 1;
  switch (s.semantics) {
    case 'flink':
      return maxTimestamp <= w;
    case 'beam':
      return w > maxTimestamp;
    case 'spark':
      return w > win.end;
    case 'kafka-streams':
      return s.window.type === 'session' ? w >= maxTimestamp + s.window.gapMs + s.allowedLatenessMs : expired(s, win, w);
    default:
      return assertNever(s.semantics, 'onTimePassed');
  }
}

/** Is data for the window too late at clock w? */
function expired(s: Scenario, win: Window, w: number): boolean {
  const global = globalPassed(win, w);
  if (global !== undefined) return global;
  const maxTimestamp = win.end - 1;
  const L = s.allowedLatenessMs;
  switch (s.semantics) {
    case 'flink':
      return maxTimestamp + L <= w;
    case 'beam':
      return maxTimestamp + L < w;
    case 'spark':
      return w > win.end;
    case 'kafka-streams':
      return s.window.type === 'session' ? w > maxTimestamp + s.window.gapMs + L : w >= win.end + L;
    default:
      return assertNever(s.semantics, 'expired');
  }
}

test('lateness: every late and every accepted element follows its engine\'s rule at the clock it met', (t) => {
  checkProperty(
    runLaw(scenarioArb(), ({ run }, s) => {
      for (const e of run.trace) {
        if (e.type === 'event-late') {
          assert.ok(expired(s, e.window, e.watermark), `event ${refId(e.ref)} (t=${e.timestamp}) declared late for ${windowText(e.window)} at clock ${e.watermark}`);
        } else if (e.type === 'event-windowed') {
          const what = `event ${refId(e.ref)} (t=${e.timestamp}) added to ${windowText(e.window)} at clock ${e.watermark}`;
          assert.ok(!expired(s, e.window, e.watermark), `${what}, though the window had expired`);
          assert.equal(e.late, onTimePassed(s, e.window, e.watermark), `${what} with late = ${e.late}`);
        }
      }
    }),
    { file: import.meta.url, test: t },
  );
});
