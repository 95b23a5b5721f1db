/**
 * String ids the truth and the checkers share. A result is identified by its key and its window;
 * an input event by its position in the source log.
 */
import type { Window } from '../model/window.js';
import { windowId } from '../model/window.js';
import type { EventRef } from '../trace/events.js';

/** `k3@0:10000`: key names never hold '@' in the windows part, so the id splits unambiguously at the last '@'. */
export function keyWindowId(key: string, window: Window): string {
  return `${key}@${windowId(window)}`;
}

/** `partition:offset`, for messages and string-keyed maps. */
export function eventRefId(ref: EventRef): string {
  return `${ref.partition}:${ref.offset}`;
}

/**
 * partition · 2³² + offset: a number that identifies an event without allocating a string, for the
 * checkers' hot paths. Exact while partition < 2²¹ and offset < 2³², far beyond any run.
 */
export function eventRefNumber(ref: EventRef): number {
  return ref.partition * 0x1_0000_0000 + ref.offset;
}
