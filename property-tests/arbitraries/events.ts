/** Explicit events for generated scenarios: keys, partitions, values, event times and arrival delays, within fixed bounds. */
import fc from 'fast-check';
import type { EventSpec, InputSpec, Scenario } from '../../src/sim/scenario/types.js';
import { durationMs } from './durations.js';

export type EventRow = EventSpec & { readonly arrivalTime: number };

/** Bounds of the generated event input. */
export const EVENTS_MAX = 40;
export const KEYS_MAX = 4;
export const PARTITIONS_MAX = 3;
export const VALUE_LIMIT = 20;
export const EVENT_TIME_LIMIT_MS = 60_000;
export const DELAY_LIMIT_MS = 20_000;

/**
 * Event time in [0, 60 s): any millisecond, a whole second (a window start), one before it (a
 * maxTimestamp), or a whole second of the first ten, so that events often share a time or lie
 * exactly a window size or a session gap apart.
 */
export function eventTimeMs(): fc.Arbitrary<number> {
  const lastSecond = EVENT_TIME_LIMIT_MS / 1000 - 1;
  return fc.oneof(
    fc.integer({ min: 0, max: EVENT_TIME_LIMIT_MS - 1 }),
    fc.integer({ min: 0, max: lastSecond }).map((s) => s * 1000),
    fc.integer({ min: 1, max: lastSecond }).map((s) => s * 1000 - 1),
    fc.integer({ min: 0, max: 9 }).map((s) => s * 1000),
  );
}

/** One event as drawn: indexes are reduced modulo the scenario's key and partition counts. */
export interface EventDraw {
  readonly key: number;
  readonly partition: number;
  readonly value: number;
  readonly eventTime: number;
  readonly delay: number;
}

export function eventDraw(): fc.Arbitrary<EventDraw> {
  return fc.record({
    key: fc.integer({ min: 0, max: KEYS_MAX - 1 }),
    partition: fc.integer({ min: 0, max: PARTITIONS_MAX - 1 }),
    value: fc.integer({ min: 0, max: VALUE_LIMIT - 1 }),
    eventTime: eventTimeMs(),
    delay: durationMs(DELAY_LIMIT_MS - 1),
  });
}

export interface EventsDraw {
  readonly keys: number;
  readonly partitions: number;
  readonly events: readonly EventDraw[];
}

export function eventsDraw(maxEvents = EVENTS_MAX): fc.Arbitrary<EventsDraw> {
  return fc.record({
    keys: fc.integer({ min: 1, max: KEYS_MAX }),
    partitions: fc.integer({ min: 1, max: PARTITIONS_MAX }),
    events: fc.array(eventDraw(), { maxLength: maxEvents }),
  });
}

/** Rows with keys k0…k(keys−1), partitions 0…(partitions−1), arrival = event time + delay. */
export function toRows(d: EventsDraw): EventRow[] {
  return d.events.map((e) => ({
    key: `k${e.key % d.keys}`,
    value: e.value,
    eventTime: e.eventTime,
    partition: e.partition % d.partitions,
    arrivalTime: e.eventTime + e.delay,
  }));
}

export function eventsInput(rows: readonly EventRow[], partitions: number): InputSpec {
  return { kind: 'events', file: 'generated', events: rows, partitions, disorder: { type: 'none' } };
}

/** The explicit rows of an `events` scenario (a generator scenario has none). */
export function rowsOf(s: Scenario): readonly EventRow[] {
  if (s.input.kind !== 'events') return [];
  return s.input.events.map((e) => ({ ...e, arrivalTime: e.arrivalTime ?? e.eventTime }));
}

/** An event row: key, value, event time, arrival time, partition 0 unless given. */
export function row(key: string, value: number, eventTime: number, arrivalTime: number, partition = 0): EventRow {
  return { key, value, eventTime, arrivalTime, partition };
}
