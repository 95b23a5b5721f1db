/**
 * The engines' rules as conditions with the numbers filled in: when a window's on-time result
 * fires, when its data is too late, and which engines emit every update instead. Each follows the
 * table in SEMANTICS.md ("Where the engines' rules differ") and names the rule it states.
 */
import { assertNever } from '../../kernel/assert.js';
import { formatClock } from '../../model/time.js';
import type { Window } from '../../model/window.js';
import { clockName, durationText, type ExplainScenario } from './wording.js';

const t = formatClock;

export function sessionGap(s: ExplainScenario): number | undefined {
  return s.window.type === 'session' ? s.window.gapMs : undefined;
}

/** Kafka Streams without suppress, and Spark in update mode, emit the updated row on every element. */
export function emitsEveryUpdate(s: ExplainScenario): boolean {
  return (s.semantics === 'kafka-streams' && !s.suppress) || (s.semantics === 'spark' && s.outputMode === 'update');
}

/**
 * The condition under which data for `w` is too late, filled in with `clock`, and the rule that
 * makes it so. `holds` says which way the comparison came out, for "late but allowed".
 */
export function expiryCondition(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const l = s.allowedLatenessMs;
  const c = `${clockName(s)} ${t(clock)}`;
  switch (s.semantics) {
    case 'flink': {
      // WindowOperator.isWindowLate: maxTimestamp + allowedLateness <= watermark.
      const bound = w.end - 1 + l;
      return {
        text: `window end ${t(w.end)} − 1 ms + lateness ${durationText(l)} = ${t(bound)} ${holds ? '≤' : '>'} ${c}`,
        rule: 'Flink drops when maxTimestamp + allowedLateness <= watermark',
      };
    }
    case 'beam': {
      // Beam garbage-collects a window when maxTimestamp + allowedLateness < watermark.
      const bound = w.end - 1 + l;
      return {
        text: `window end ${t(w.end)} − 1 ms + lateness ${durationText(l)} = ${t(bound)} ${holds ? '<' : '≥'} ${c}`,
        rule: 'Beam drops when maxTimestamp + allowedLateness < watermark',
      };
    }
    case 'spark':
      // Window state ending at T is evicted when watermark > T (strict); no lateness beyond the delay.
      return {
        text: `${c} ${holds ? '>' : '≤'} window end ${t(w.end)}`,
        rule: 'Spark evicts a window, and drops its data, once watermark > window end',
      };
    case 'kafka-streams': {
      const gap = sessionGap(s);
      if (gap === undefined) {
        // KStreamWindowAggregate: streamTime >= windowEnd + grace (the code's rule; the docs say >).
        return {
          text: `${c} ${holds ? '≥' : '<'} window end ${t(w.end)} + grace ${durationText(l)} = ${t(w.end + l)}`,
          rule: 'Kafka Streams drops a record once streamTime >= windowEnd + grace',
        };
      }
      // Sessions are held as [first, last + 1). KStreamSessionWindowAggregate drops a record only
      // when mergedWindow.end() < streamTime − grace − gap: stream time past last + gap + grace.
      const last = w.end - 1;
      return {
        text: `${c} ${holds ? '>' : '≤'} session's last record ${t(last)} + gap ${durationText(gap)} + grace ${durationText(l)} = ${t(last + gap + l)}`,
        rule: 'Kafka Streams drops a record for a session once streamTime > last + gap + grace',
      };
    }
    default:
      return assertNever(s.semantics, 'expiryCondition');
  }
}

/**
 * When suppress(untilWindowCloses) emits a Kafka Streams session: once
 * last <= streamTime − gap − grace (KTableSuppressProcessor with the session's gap + grace as its
 * suppress duration), one millisecond before the aggregator drops records for it.
 */
function sessionCloseCondition(s: ExplainScenario, gap: number, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const last = w.end - 1;
  const l = s.allowedLatenessMs;
  return {
    text: `${clockName(s)} ${t(clock)} ${holds ? '≥' : '<'} session's last record ${t(last)} + gap ${durationText(gap)} + grace ${durationText(l)} = ${t(last + gap + l)}`,
    rule: 'suppress(untilWindowCloses) emits a session once stream time reaches its last record + gap + grace',
  };
}

/**
 * The condition under which the window's on-time (final) result fires, filled in with `clock`.
 * `holds` says which way it came out.
 */
export function fireCondition(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const c = `${clockName(s)} ${t(clock)}`;
  switch (s.semantics) {
    case 'flink':
      return {
        text: `${c} ${holds ? '≥' : '<'} window max timestamp ${t(w.end - 1)} (end − 1 ms)`,
        rule: 'Flink fires when maxTimestamp <= watermark',
      };
    case 'beam':
      return {
        text: holds ? `${c} passed window end ${t(w.end)}` : `${c} has not passed window end ${t(w.end)}`,
        rule: 'Beam fires when the watermark passes the end of the window',
      };
    case 'spark':
      return {
        text: `${c} ${holds ? '>' : '≤'} window end ${t(w.end)}`,
        rule: 'Spark append mode emits a window once watermark > window end',
      };
    case 'kafka-streams':
      return expiryConditionAsClose(s, w, clock, holds);
    default:
      return assertNever(s.semantics, 'fireCondition');
  }
}

/** Under Kafka Streams with suppress, the window's result is emitted when it closes. */
function expiryConditionAsClose(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const gap = sessionGap(s);
  if (gap !== undefined) return sessionCloseCondition(s, gap, w, clock, holds);
  const { text } = expiryCondition(s, w, clock, holds);
  return { text, rule: 'suppress(untilWindowCloses) emits once stream time reaches window end + grace' };
}

export function updateRule(s: ExplainScenario): string {
  return s.semantics === 'spark' ? 'Spark update mode emits changed rows' : 'Kafka Streams without suppress emits every update';
}
