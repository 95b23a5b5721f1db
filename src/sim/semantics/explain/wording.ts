/**
 * The shared vocabulary of the explanations: the parts of a scenario they read, and how they write
 * times (clock times), durations (as scenario files do), windows, the progress clock ("stream time"
 * under Kafka Streams), firings, pane values and source offsets.
 */
import { assertNever } from '../../kernel/assert.js';
import type { Pane } from '../../model/pane.js';
import { formatClock } from '../../model/time.js';
import type { Window } from '../../model/window.js';
import type { FiringSpec, Scenario } from '../../scenario/types.js';
import type { TraceEvent } from '../../trace/events.js';

/** The parts of a scenario an explanation reads; a whole Scenario will do. */
export type ExplainScenario = Pick<
  Scenario,
  'semantics' | 'allowedLatenessMs' | 'window' | 'suppress' | 'outputMode' | 'trigger' | 'watermark' | 'accumulation'
>;

export type Entry<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** A duration as scenario files write it: 0, 1 ms, 250ms, 1.5s, 2m, 4m34s, 1h. */
export function durationText(ms: number): string {
  if (ms === Infinity) return '∞';
  if (ms < 0) return `−${durationText(-ms)}`;
  if (ms === 0) return '0';
  if (ms === 1) return '1 ms';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}

const t = formatClock;

/** `[12:00:00, 12:02:00)`, or `the global window`. */
export function windowText(w: Window): string {
  if (w.start === -Infinity && w.end === Infinity) return 'the global window';
  return `[${t(w.start)}, ${t(w.end)})`;
}

/** The name of the progress clock: "watermark", or "stream time" for Kafka Streams. */
export function clockName(s: Pick<Scenario, 'semantics'>): string {
  return s.semantics === 'kafka-streams' ? 'stream time' : 'watermark';
}

export function describeFiring(f: FiringSpec | undefined): string {
  if (f === undefined) return 'none';
  switch (f.type) {
    case 'count':
      return `every ${f.count} element${f.count === 1 ? '' : 's'}`;
    case 'after-first-element':
      return `${durationText(f.delayMs)} after the first element`;
    case 'aligned':
      return `aligned every ${durationText(f.everyMs)}`;
    default:
      return assertNever(f, 'describeFiring');
  }
}

export function valueText(p: Pane): string {
  const v = Number.isInteger(p.value) ? String(p.value) : p.value.toFixed(3);
  return `value ${v} of ${p.count} element${p.count === 1 ? '' : 's'}`;
}

export function offsetsText(offsets: readonly { readonly partition: number; readonly offset: number }[]): string {
  if (offsets.length === 0) return 'no partitions';
  const shown = offsets.slice(0, 4).map((o) => `p${o.partition}@${o.offset}`);
  return shown.join(', ') + (offsets.length > 4 ? `, … (${offsets.length} partitions)` : '');
}
