/**
 * State size over time: the (key, window) states held open, the entries a heap state backend would
 * hold, from the trace alone (engine-agnostic):
 * - `event-windowed` opens the state of its (key, window) if it is not open;
 * - `window-cleared` removes it (Flink clears at maxTimestamp + allowed lateness <= watermark);
 * - `windows-merged` replaces the merged session windows by the one they became;
 * - `job-failed` loses every state; `job-restarted` restores the states the task snapshots of its
 *   checkpoint held (`checkpoint-snapshot` marks when each task took its copy), or none.
 * Under an unaligned checkpoint a task's copy is taken at its snapshot entry, which is when it
 * acknowledges; the in-flight records stored with it are replayed after the restore and show up
 * as `event-windowed` again, so they are counted then.
 */
import type { TraceEvent } from '../trace/events.js';
import type { Window } from '../model/window.js';
import { bucketEnd, type Grid, levelSeries, type Series } from './series.js';

export interface StateSize {
  /** Open (key, window) states at the end of each bucket. */
  readonly openWindows: Series;
  readonly maxOpenWindows: number;
  /** Open at the end of the run: windows the clock never closed. */
  readonly openAtEnd: number;
}

const idOf = (key: string, w: Window): string => `${key}\u0000${w.start}\u0000${w.end}`;

export function stateSize(trace: readonly TraceEvent[], grid: Grid): StateSize {
  /** Open states by id, with the task that holds them. */
  let open = new Map<string, number>();
  /** Per checkpoint, per task: the states that task's snapshot held. */
  const snapshots = new Map<number, Map<number, string[]>>();
  const values: number[] = [];
  let max = 0;
  const sampleUntil = (t: number): void => {
    while (values.length < grid.count && bucketEnd(grid, values.length) <= t) values.push(open.size);
  };
  for (const e of trace) {
    sampleUntil(e.at);
    switch (e.type) {
      case 'event-windowed':
        open.set(idOf(e.key, e.window), e.task);
        break;
      case 'window-cleared':
        open.delete(idOf(e.key, e.window));
        break;
      case 'windows-merged': {
        let task: number | undefined;
        for (const w of e.from) {
          const id = idOf(e.key, w);
          task ??= open.get(id);
          open.delete(id);
        }
        open.set(idOf(e.key, e.into), task ?? e.task);
        break;
      }
      case 'checkpoint-snapshot': {
        let byTask = snapshots.get(e.id);
        if (byTask === undefined) snapshots.set(e.id, (byTask = new Map()));
        byTask.set(e.task, [...open].filter(([, t]) => t === e.task).map(([id]) => id));
        break;
      }
      case 'checkpoint-completed':
        // Recovery restores the latest completed checkpoint: older copies are no longer needed.
        for (const id of [...snapshots.keys()]) if (id < e.id) snapshots.delete(id);
        break;
      case 'job-failed':
        open = new Map();
        break;
      case 'job-restarted': {
        open = new Map();
        const byTask = e.fromCheckpoint === null ? undefined : snapshots.get(e.fromCheckpoint);
        for (const [task, ids] of byTask ?? []) for (const id of ids) open.set(id, task);
        break;
      }
      default:
        break;
    }
    max = Math.max(max, open.size);
  }
  sampleUntil(Infinity);
  return { openWindows: levelSeries(grid, values), maxOpenWindows: max, openAtEnd: open.size };
}
