/**
 * The limit beside every figure: the same workload as a hand-written loop with no engine. It reads
 * the same generated log (cursors opened on the same PartitionedLog, so generation costs both the
 * same), applies the same watermark rule and the same lateness rule, keeps per-key window sums in
 * Maps, fires windows as the watermark passes them and counts the results. No scheduler, no
 * channels, no records, no trace, no panes: what is left is the work the workload asks for.
 *
 * It is a real limit, not a strawman: for W1 it produces exactly the engine's results (count and
 * total; hand-loop.test.ts holds it to that), and for sliding windows it uses the technique a fast
 * engine would, stream slicing: each event is added once to its 1 s slice, and the running sum of a
 * window is moved along by adding the slice that enters and subtracting the one that leaves.
 *
 * The rules it copies from the native engine, in the order the engine applies them:
 * 1. Each source task reads its partitions in append order; records appended at instant T are
 *    processed before the periodic watermark tick at T (the scheduler runs sources before timers).
 * 2. Every `intervalMs` from the first append time, each partition's watermark becomes
 *    maxSeen − B − 1 (Flink's BoundedOutOfOrdernessWatermarks); a task's is the minimum over its
 *    partitions, and the window operator's the minimum over tasks.
 * 3. An element is dropped from a window when maxTimestamp + lateness <= watermark (lateness 0, so
 *    end − 1 <= watermark); a window fires, and is cleared, when end − 1 <= watermark.
 * 4. A task that has read all its partitions sends the final watermark +∞, which fires the rest.
 */
import type { BuiltInput, LogCursor } from '../src/sim/sources/log.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { SessionSums } from './hand-loop-sessions.js';
import { SlicedSums } from './hand-loop-sliced.js';
import { GlobalSums, TumblingSums, type WindowSums } from './hand-loop-windows.js';

export interface HandLoopResult {
  /** Events read from the log. */
  readonly events: number;
  /** Results written: one per (key, window) with data, as the engine's on-time panes. */
  readonly results: number;
  /** Sum of the results' values. */
  readonly total: number;
  /** Events late for every window they belong to. */
  readonly dropped: number;
}

/** Why the hand loop cannot run `s`, or undefined when it can. */
export function handLoopUnsupported(s: Scenario): string | undefined {
  if (s.semantics !== 'flink') return `semantics ${s.semantics} (the hand loop follows Flink's rules)`;
  if (s.timeDomain !== 'event-time') return `time domain ${s.timeDomain}`;
  if (s.watermark.type !== 'bounded-out-of-orderness' && s.watermark.type !== 'monotonous') return `watermark ${s.watermark.type}`;
  if (s.watermark.idleTimeoutMs !== undefined) return 'idle timeouts';
  if (s.allowedLatenessMs !== 0) return 'allowed lateness';
  if (s.trigger.early !== undefined) return 'early firings';
  if (s.aggregate !== 'sum') return `aggregate ${s.aggregate}`;
  if (s.channelDelayMs !== 0) return 'channel delays';
  if (s.faultTolerance !== undefined) return 'checkpoints and failures';
  if (s.engine !== undefined && s.engine.type !== 'native') return `the ${s.engine.type} engine's batching`;
  if (s.cost !== undefined) return 'the cost model';
  const w = s.window;
  if (w.type === 'sliding' && w.sizeMs % w.everyMs !== 0) return 'sliding windows whose size is not a multiple of the slide';
  if (s.parallelism.source < 1) return 'no source tasks';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Window state: one implementation per window shape (hand-loop-windows.ts, hand-loop-sliced.ts,
// hand-loop-sessions.ts), all behind the same two calls.

function windowSumsFor(s: Scenario): WindowSums {
  const w = s.window;
  switch (w.type) {
    case 'tumbling':
      return new TumblingSums(w.sizeMs, w.offsetMs);
    case 'sliding':
      return w.sizeMs === w.everyMs ? new TumblingSums(w.sizeMs, w.offsetMs) : new SlicedSums(w.sizeMs, w.everyMs, w.offsetMs);
    case 'session':
      return new SessionSums(w.gapMs);
    case 'global':
      return new GlobalSums();
  }
}


/** Options for the cross-check in the tests: force the sliced path for tumbling windows too. */
export interface HandLoopOptions {
  readonly slicedTumbling?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The loop.

/** Per key id: does the pipeline's key filter (a key list or a parity) keep it? */
function keyFilterOf(s: Scenario, input: BuiltInput): (key: number) => boolean {
  const f = s.pipeline.filter;
  if (f === undefined || (f.keys === undefined && f.keyParity === undefined)) return () => true;
  const names = input.log.keys;
  const keySet = f.keys ? new Set(f.keys) : undefined;
  const cache: (boolean | undefined)[] = [];
  return (key) => {
    let ok = cache[key];
    if (ok === undefined) {
      const name = names.name(key);
      ok = keySet === undefined || keySet.has(name);
      if (ok && f.keyParity !== undefined) {
        const digits = /(\d+)$/.exec(name);
        ok = digits !== null && Number(digits[1]) % 2 === (f.keyParity === 'even' ? 0 : 1);
      }
      cache[key] = ok;
    }
    return ok;
  };
}

/** Runs the hand loop over a fresh set of cursors on `input`'s log. */
export function runHandLoop(s: Scenario, input: BuiltInput, options: HandLoopOptions = {}): HandLoopResult {
  const unsupported = handLoopUnsupported(s);
  if (unsupported !== undefined) throw new Error(`hand loop: cannot run ${s.name}: ${unsupported}`);
  const log = input.log;
  const partitions = log.partitions;
  const tasks = s.parallelism.source;
  if (partitions < tasks) throw new Error(`hand loop: ${s.name} has fewer partitions (${partitions}) than source tasks (${tasks})`);
  const w = s.window;
  const windows =
    options.slicedTumbling === true && w.type === 'tumbling' ? new SlicedSums(w.sizeMs, w.sizeMs, w.offsetMs) : windowSumsFor(s);
  const wmSpec = s.watermark;
  if (wmSpec.type !== 'bounded-out-of-orderness' && wmSpec.type !== 'monotonous') throw new Error(`hand loop: watermark ${wmSpec.type}`);
  // forMonotonousTimestamps is the bound 0.
  const boundMs = wmSpec.type === 'bounded-out-of-orderness' ? wmSpec.maxDelayMs : 0;
  const intervalMs = wmSpec.intervalMs;
  const keepKey = keyFilterOf(s, input);
  const f = s.pipeline.filter;
  const valueMin = f?.valueMin ?? -Infinity;
  const valueMax = f?.valueMax ?? Infinity;
  const multiply = s.pipeline.map?.multiply ?? 1;
  const add = s.pipeline.map?.add ?? 0;

  const cursors: LogCursor[] = [];
  for (let p = 0; p < partitions; p++) cursors.push(log.open(p, 0));
  const maxSeen = new Float64Array(partitions).fill(-Infinity);
  const watermark = new Float64Array(partitions).fill(-Infinity);
  // Partitions go to source tasks round-robin, as the engine deals them (p % tasks).
  const unread = new Array<number>(tasks).fill(0);
  const done = new Array<boolean>(tasks).fill(false);
  let startMs = Infinity;
  for (let p = 0; p < partitions; p++) {
    const at = (cursors[p] as LogCursor).peekAppendTime();
    if (at !== Infinity) unread[p % tasks] = (unread[p % tasks] as number) + 1;
    if (at < startMs) startMs = at;
  }
  let clock = -Infinity;
  const recombine = (): void => {
    let combined = Infinity;
    for (let p = 0; p < partitions; p++) {
      if (done[p % tasks]) continue;
      const wm = watermark[p] as number;
      if (wm < combined) combined = wm;
    }
    if (combined > clock) {
      clock = combined;
      windows.advance(clock);
    }
  };
  // A source task with nothing to read finishes at once and sends +∞.
  for (let t = 0; t < tasks; t++) if (unread[t] === 0) done[t] = true;
  if (done.every(Boolean)) recombine();

  let nextTick = startMs === Infinity ? Infinity : startMs;
  let events = 0;
  for (;;) {
    let best = -1;
    let at = Infinity;
    for (let p = 0; p < partitions; p++) {
      const t = (cursors[p] as LogCursor).peekAppendTime();
      if (t < at) {
        at = t;
        best = p;
      }
    }
    if (best < 0) break;
    // Rule 1: ticks strictly before this append time come first; a tick at the same instant after.
    while (nextTick < at) {
      for (let p = 0; p < partitions; p++) {
        const m = maxSeen[p] as number;
        if (!done[p % tasks] && m !== -Infinity && m - boundMs - 1 > (watermark[p] as number)) watermark[p] = m - boundMs - 1;
      }
      recombine();
      nextTick += intervalMs;
    }
    const cursor = cursors[best] as LogCursor;
    const e = cursor.next();
    events++;
    const t = e.eventTime as number;
    if (t > (maxSeen[best] as number)) maxSeen[best] = t;
    if (keepKey(e.key) && e.value >= valueMin && e.value < valueMax) windows.add(e.key, e.value * multiply + add, t);
    if (cursor.peekAppendTime() === Infinity) {
      const task = best % tasks;
      unread[task] = (unread[task] as number) - 1;
      // Rule 4: the task's last partition is read; its final watermark is +∞.
      if (unread[task] === 0) {
        done[task] = true;
        recombine();
      }
    }
  }
  return { events, results: windows.results, total: windows.total, dropped: windows.dropped };
}
