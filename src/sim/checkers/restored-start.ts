/**
 * What a run resumed from a savepoint started with, for the checkers: the saved source offsets
 * (the entries before them were read by the job that took the savepoint, not by this run) and the
 * restored windows. Flink restores a job's keyed state and source positions together from a
 * savepoint (docs: "Savepoints", restore semantics), so this run's panes of a restored window carry
 * events this trace never shows; the checkers seed each restored window with them, and the reader
 * with what the earlier job's panes had given it.
 *
 * A restored window's contents are worked out independently of the engine where the truth allows:
 * the window's events before the saved offsets. If their number differs from the restored
 * accumulator's count (the earlier job dropped some as late, or joined the window after a crash),
 * the trace that would tell which is the earlier job's, so the restored accumulator stands in.
 */
import type { Window } from '../model/window.js';
import type { EventRef } from '../trace/events.js';
import { Accumulator } from '../truth/aggregate.js';
import type { Truth } from '../truth/exact-answer.js';
import { keyWindowId } from '../truth/ids.js';
import type { Held } from './consumer-view.js';

/** A window's contents as an accumulator holds them. */
export interface AccumulatorParts {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

export interface RestoredWindowState {
  readonly key: string;
  readonly window: Window;
  /** What the window held when the savepoint was taken. */
  readonly contents: AccumulatorParts;
  /** What the earlier job's panes had left a reader holding; undefined when it had emitted none. */
  readonly held: Held | undefined;
}

export interface RestoredStart {
  /** Per partition, the first offset this run reads. */
  readonly offsets: ReadonlyMap<number, number>;
  /** By keyWindowId(key, window). */
  readonly windows: ReadonlyMap<string, RestoredWindowState>;
}

/** Whether the job that took the savepoint read this entry (it lies before the saved offset of its partition). */
export function readByEarlierJob(start: RestoredStart, ref: EventRef): boolean {
  return ref.offset < (start.offsets.get(ref.partition) ?? 0);
}

/**
 * Each restored window's contents, by keyWindowId: its events before the saved offsets when they
 * account for the restored count, else the restored accumulator (see the file comment).
 */
export function restoredContents(start: RestoredStart, truth: Truth): Map<string, Accumulator> {
  const valueOf = new Map<string, number>();
  const refId = (ref: EventRef): string => `${ref.partition}:${ref.offset}`;
  for (const e of truth.events) if (readByEarlierJob(start, e.ref)) valueOf.set(refId(e.ref), e.value);
  const out = new Map<string, Accumulator>();
  for (const [id, restored] of start.windows) {
    const before = (truth.byId.get(id)?.events ?? []).filter((ref) => readByEarlierJob(start, ref));
    const acc = new Accumulator();
    if (before.length === restored.contents.count) for (const ref of before) acc.add(valueOf.get(refId(ref)) ?? NaN);
    if (before.length !== restored.contents.count || Number.isNaN(acc.sum)) {
      const c = restored.contents;
      out.set(id, new Accumulator().addParts(c.count, c.sum, c.min, c.max));
    } else {
      out.set(id, acc);
    }
  }
  return out;
}

/**
 * A truth window the earlier job answered for: all its events precede the saved offsets and it
 * was not restored, so it had closed (and fired) before the savepoint.
 */
export function closedBeforeSavepoint(start: RestoredStart, key: string, window: Window, events: readonly EventRef[]): boolean {
  return !start.windows.has(keyWindowId(key, window)) && events.length > 0 && events.every((ref) => readByEarlierJob(start, ref));
}
