/**
 * When a window's on-time result is due, as a value of the window operator's progress clock, from
 * the engine-differences table of SEMANTICS.md. The checkers use it only to explain a missing
 * result ("its watermark never passed its end"); it is written here from the table, not taken
 * from the engine, so the explanation stays an independent reading of the trace.
 */
import { assertNever } from '../kernel/assert.js';
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';

export function onTimeDueAt(scenario: Scenario, window: Window): number {
  switch (scenario.semantics) {
    case 'flink':
      // EventTimeTrigger: maxTimestamp <= watermark.
      return window.end - 1;
    case 'beam':
      // AfterWatermark.pastEndOfWindow: the watermark passes end − 1.
      return window.end;
    case 'spark':
      // Append mode: state ending at T is finalised when watermark > T (strict).
      return window.end + 1;
    case 'kafka-streams':
      return kafkaStreamsDueAt(scenario, window);
    default:
      return assertNever(scenario.semantics, 'onTimeDueAt');
  }
}

/**
 * Without suppress every record updates the row at once. With suppress(untilWindowCloses) the
 * result waits for stream time >= end + grace; a session [first, last + 1) closes at
 * last + gap + grace. The scenario's allowed lateness is the grace.
 */
function kafkaStreamsDueAt(scenario: Scenario, window: Window): number {
  if (!scenario.suppress) return -Infinity;
  const grace = scenario.allowedLatenessMs;
  return scenario.window.type === 'session' ? window.end - 1 + scenario.window.gapMs + grace : window.end + grace;
}
