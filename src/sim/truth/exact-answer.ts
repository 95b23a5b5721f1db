/**
 * The truth: the exact answer over all events, computed independently of the engine (house rule:
 * "Every run is checked against the truth"). It reads the whole log, applies the pipeline and
 * groups events into windows with its own simple code, and ignores watermarks, lateness and
 * triggers entirely: it is the answer the engine would give with all data and unlimited patience.
 */
import type { Window } from '../model/window.js';
import type { Scenario } from '../scenario/types.js';
import type { PartitionedLog } from '../sources/log.js';
import type { EventRef } from '../trace/events.js';
import { Accumulator } from './aggregate.js';
import { assignFixedWindows, type FixedWindowSpec } from './assign-windows.js';
import { keyWindowId } from './ids.js';
import { applyMap, compileFilter } from './pipeline.js';
import { readWholeLog } from './read-log.js';
import { sessionize } from './sessions.js';
import { hopsToWindow, windowingTimestamp } from './time-domain.js';

/** One input event as the truth sees it: every entry of the log, kept by the filter or not. */
export interface TruthEvent {
  readonly ref: EventRef;
  readonly key: string;
  readonly eventTime: number;
  /** The time the windows use, per the scenario's time domain. */
  readonly timestamp: number;
  readonly rawValue: number;
  /** The value after the map; equal to rawValue for an event the filter drops. */
  readonly value: number;
  /** False when the filter dropped it. */
  readonly kept: boolean;
}

export interface TruthWindow {
  readonly key: string;
  readonly window: Window;
  readonly value: number;
  readonly count: number;
  /** The window's events, by (timestamp, partition, offset). */
  readonly events: readonly EventRef[];
}

export interface Truth {
  /** Sorted by key name, then window start, then end. */
  readonly windows: readonly TruthWindow[];
  /** By keyWindowId(key, window), in the order of `windows`. */
  readonly byId: ReadonlyMap<string, TruthWindow>;
  /** Every entry of the log, in log order (partition, offset); for "never ingested" accounting. */
  readonly events: readonly TruthEvent[];
}

interface Group {
  readonly key: string;
  readonly window: Window;
  readonly members: readonly TruthEvent[];
}

export function computeTruth(scenario: Scenario, log: PartitionedLog): Truth {
  validateWindowSpec(scenario);
  const events = readEvents(scenario, log);
  const kept = events.filter((e) => e.kept).sort(compareByTime);
  const spec = scenario.window;
  const groups = spec.type === 'session' ? sessionGroups(kept, spec.gapMs, scenario) : fixedGroups(kept, spec);
  const windows = groups.map((g) => toTruthWindow(g, scenario)).sort(compareTruthWindows);
  const byId = new Map<string, TruthWindow>();
  for (const w of windows) byId.set(keyWindowId(w.key, w.window), w);
  return { windows, byId, events };
}

/** Filter on the raw value first, then map (see pipeline.ts for the order rule). */
function readEvents(scenario: Scenario, log: PartitionedLog): TruthEvent[] {
  const passes = compileFilter(scenario.pipeline.filter);
  const delayMs = scenario.channelDelayMs * hopsToWindow(scenario);
  return readWholeLog(log).map((entry) => {
    const key = log.keys.name(entry.key);
    const kept = passes(key, entry.value);
    return {
      ref: { partition: entry.partition, offset: entry.offset },
      key,
      eventTime: entry.eventTime,
      timestamp: windowingTimestamp(scenario.timeDomain, entry, delayMs),
      rawValue: entry.value,
      value: kept ? applyMap(scenario.pipeline.map, entry.value) : entry.value,
      kept,
    };
  });
}

function fixedGroups(sorted: readonly TruthEvent[], spec: FixedWindowSpec): Group[] {
  const groups = new Map<string, { key: string; window: Window; members: TruthEvent[] }>();
  for (const event of sorted) {
    for (const window of assignFixedWindows(spec, event.timestamp)) {
      const id = keyWindowId(event.key, window);
      const group = groups.get(id);
      if (group === undefined) groups.set(id, { key: event.key, window, members: [event] });
      else group.members.push(event);
    }
  }
  return [...groups.values()];
}

function sessionGroups(sorted: readonly TruthEvent[], gapMs: number, scenario: Scenario): Group[] {
  const byKey = new Map<string, TruthEvent[]>();
  for (const event of sorted) {
    const list = byKey.get(event.key);
    if (list === undefined) byKey.set(event.key, [event]);
    else list.push(event);
  }
  const groups: Group[] = [];
  for (const [key, list] of byKey) {
    for (const session of sessionize(list, gapMs, scenario.semantics)) {
      groups.push({ key, window: session.window, members: session.items });
    }
  }
  return groups;
}

function toTruthWindow(group: Group, scenario: Scenario): TruthWindow {
  const acc = new Accumulator();
  for (const e of group.members) acc.add(e.value);
  const value = acc.result(scenario.aggregate);
  // A group always holds at least one event, so every aggregate has a value.
  if (value === null) throw new Error(`computeTruth: empty window ${keyWindowId(group.key, group.window)}`);
  return { key: group.key, window: group.window, value, count: acc.count, events: group.members.map((e) => e.ref) };
}

function validateWindowSpec(scenario: Scenario): void {
  const spec = scenario.window;
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  if (spec.type === 'tumbling' && !positive(spec.sizeMs)) {
    throw new Error(`computeTruth: tumbling sizeMs must be a positive integer, got ${spec.sizeMs}`);
  }
  if (spec.type === 'sliding' && !(positive(spec.sizeMs) && positive(spec.everyMs))) {
    throw new Error(`computeTruth: sliding sizeMs and everyMs must be positive integers, got ${spec.sizeMs}, ${spec.everyMs}`);
  }
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareByTime(a: TruthEvent, b: TruthEvent): number {
  return (
    compareNumbers(a.timestamp, b.timestamp) ||
    compareNumbers(a.ref.partition, b.ref.partition) ||
    compareNumbers(a.ref.offset, b.ref.offset)
  );
}

/** By key name (code-unit order, not locale), then start, then end. Avoids Infinity − Infinity = NaN. */
function compareTruthWindows(a: TruthWindow, b: TruthWindow): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return compareNumbers(a.window.start, b.window.start) || compareNumbers(a.window.end, b.window.end);
}
