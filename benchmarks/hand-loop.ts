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
// Window state: one implementation per window shape, all behind the same three calls.

interface Acc {
  count: number;
  sum: number;
}

interface WindowSums {
  readonly results: number;
  readonly total: number;
  readonly dropped: number;
  /** Adds an element at event time t with the current clock (the combined watermark). */
  add(key: number, value: number, t: number): void;
  /** Moves the clock forward and fires every window with end − 1 <= clock. */
  advance(clock: number): void;
}

/** t's window start for windows every `everyMs` from `offsetMs` (Flink's getWindowStartWithOffset). */
function alignedStart(t: number, offsetMs: number, everyMs: number): number {
  const r = (t - offsetMs) % everyMs;
  return t - (r < 0 ? r + everyMs : r);
}

/** Tumbling windows: one Map of per-key sums per open window; an event costs one lookup. */
class TumblingSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly windows = new Map<number, Map<number, Acc>>();
  /** Open window starts, ascending (a handful: the watermark lags by B plus the disorder). */
  private readonly starts: number[] = [];
  private lastStart = NaN;
  private lastWindow: Map<number, Acc> | undefined;

  constructor(
    private readonly sizeMs: number,
    private readonly offsetMs: number,
  ) {}

  add(key: number, value: number, t: number): void {
    const start = alignedStart(t, this.offsetMs, this.sizeMs);
    if (this.clock >= start + this.sizeMs - 1) {
      this.dropped++;
      return;
    }
    let w = start === this.lastStart ? this.lastWindow : this.windows.get(start);
    if (w === undefined) {
      w = new Map();
      this.windows.set(start, w);
      let i = this.starts.length;
      while (i > 0 && (this.starts[i - 1] as number) > start) i--;
      this.starts.splice(i, 0, start);
    }
    this.lastStart = start;
    this.lastWindow = w;
    const acc = w.get(key);
    if (acc === undefined) w.set(key, { count: 1, sum: value });
    else {
      acc.count++;
      acc.sum += value;
    }
  }

  advance(clock: number): void {
    this.clock = clock;
    while (this.starts.length > 0 && (this.starts[0] as number) + this.sizeMs - 1 <= clock) {
      const start = this.starts.shift() as number;
      const w = this.windows.get(start);
      this.windows.delete(start);
      if (start === this.lastStart) {
        this.lastStart = NaN;
        this.lastWindow = undefined;
      }
      if (w === undefined) continue;
      for (const acc of w.values()) {
        this.results++;
        this.total += acc.sum;
      }
    }
  }
}

/**
 * Sliding windows by stream slicing. Each event goes into its slice [s, s + every) once. The sums
 * of the next window to fire, [nextEnd − size, nextEnd), are kept per key in `running`; firing it
 * emits every key there, then moves the window one slide on: the slice [nextEnd, nextEnd + every)
 * enters and [nextEnd − size, nextEnd − size + every) leaves (sum and count are invertible).
 *
 * Lateness needs no extra care: an element is late for exactly the windows already fired, and
 * those never read a slice again. One invariant makes that hold: after every `advance`,
 * nextEnd is the first window end with end − 1 > clock, or earlier only where no data is.
 */
class SlicedSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly slices = new Map<number, Map<number, Acc>>();
  private readonly running = new Map<number, Acc>();
  private nextEnd = NaN;
  private lastSlice = NaN;
  private lastSliceSums: Map<number, Acc> | undefined;

  constructor(
    private readonly sizeMs: number,
    private readonly everyMs: number,
    private readonly offsetMs: number,
  ) {}

  add(key: number, value: number, t: number): void {
    const s = alignedStart(t, this.offsetMs, this.everyMs);
    // The latest window holding t ends at s + size; late for it means late for all of them.
    if (this.clock >= s + this.sizeMs - 1) {
      this.dropped++;
      return;
    }
    let slice = s === this.lastSlice ? this.lastSliceSums : this.slices.get(s);
    if (slice === undefined) {
      slice = new Map();
      this.slices.set(s, slice);
    }
    this.lastSlice = s;
    this.lastSliceSums = slice;
    addTo(slice, key, 1, value);
    if (s >= this.nextEnd - this.sizeMs && s < this.nextEnd) addTo(this.running, key, 1, value);
  }

  advance(clock: number): void {
    if (!(clock > this.clock)) return;
    this.clock = clock;
    if (Number.isNaN(this.nextEnd)) {
      // The first watermark: no window has fired, so start at the earliest end that holds data.
      this.nextEnd = Math.min(this.minSlice() + this.everyMs, this.firstEndAfter(clock));
      this.rebuildRunning();
    }
    for (;;) {
      if (this.running.size === 0) {
        // Nothing in the next window: skip to the first one that holds data, or is not yet due.
        const target = Math.min(this.minSlice() + this.everyMs, this.firstEndAfter(clock));
        if (target === Infinity) return;
        if (target > this.nextEnd) {
          this.nextEnd = target;
          this.rebuildRunning();
        }
      }
      if (this.nextEnd - 1 > clock) return;
      this.fireNext();
    }
  }

  private fireNext(): void {
    const end = this.nextEnd;
    for (const acc of this.running.values()) {
      this.results++;
      this.total += acc.sum;
    }
    const entering = this.slices.get(end);
    if (entering !== undefined) for (const [key, a] of entering) addTo(this.running, key, a.count, a.sum);
    const leavingStart = end - this.sizeMs;
    const leaving = this.slices.get(leavingStart);
    if (leaving !== undefined) {
      for (const [key, a] of leaving) {
        const r = this.running.get(key);
        if (r === undefined) throw new Error(`hand loop: slice ${leavingStart} leaves key ${key} that the window does not hold`);
        r.count -= a.count;
        r.sum -= a.sum;
        if (r.count === 0) this.running.delete(key);
      }
      this.slices.delete(leavingStart);
      if (leavingStart === this.lastSlice) {
        this.lastSlice = NaN;
        this.lastSliceSums = undefined;
      }
    }
    this.nextEnd = end + this.everyMs;
  }

  private rebuildRunning(): void {
    this.running.clear();
    for (const [s, slice] of this.slices) {
      if (s >= this.nextEnd - this.sizeMs && s < this.nextEnd) for (const [key, a] of slice) addTo(this.running, key, a.count, a.sum);
    }
  }

  private minSlice(): number {
    let min = Infinity;
    for (const s of this.slices.keys()) if (s < min) min = s;
    return min;
  }

  /** The first aligned window end e with e − 1 > clock. */
  private firstEndAfter(clock: number): number {
    if (clock === Infinity) return Infinity;
    return alignedStart(clock + 1, this.offsetMs, this.everyMs) + this.everyMs;
  }
}

function addTo(map: Map<number, Acc>, key: number, count: number, sum: number): void {
  const acc = map.get(key);
  if (acc === undefined) map.set(key, { count, sum });
  else {
    acc.count += count;
    acc.sum += sum;
  }
}

/** The global window: one sum per key, fired by the final watermark. */
class GlobalSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly sums = new Map<number, Acc>();

  add(key: number, value: number): void {
    if (this.clock === Infinity) {
      this.dropped++;
      return;
    }
    addTo(this.sums, key, 1, value);
  }

  advance(clock: number): void {
    this.clock = clock;
    if (clock !== Infinity) return;
    for (const acc of this.sums.values()) {
      this.results++;
      this.total += acc.sum;
    }
    this.sums.clear();
  }
}

interface Session {
  start: number;
  end: number;
  count: number;
  sum: number;
  live: boolean;
}

/**
 * Session windows, Flink's rules: a lone element opens [t, t + gap); sessions of a key merge when
 * they overlap or touch (TimeWindow.intersects); the merged span is checked for lateness before the
 * element joins; a session fires at end − 1. Fire times sit in a binary heap; a merge that moves a
 * session's end leaves a stale entry behind, skipped when popped.
 */
class SessionSums implements WindowSums {
  results = 0;
  total = 0;
  dropped = 0;
  private clock = -Infinity;
  private readonly byKey = new Map<number, Session[]>();
  private readonly heapTimes: number[] = [];
  private readonly heapSessions: Session[] = [];
  private readonly heapKeys: number[] = [];

  constructor(private readonly gapMs: number) {}

  add(key: number, value: number, t: number): void {
    let sessions = this.byKey.get(key);
    let start = t;
    let end = t + this.gapMs;
    let first = -1;
    let count = 0;
    if (sessions !== undefined) {
      for (let i = 0; i < sessions.length; i++) {
        const s = sessions[i] as Session;
        if (s.start <= end && start <= s.end) {
          if (first < 0) first = i;
          count++;
          if (s.start < start) start = s.start;
          if (s.end > end) end = s.end;
        } else if (first >= 0) break;
      }
    }
    if (this.clock >= end - 1) {
      this.dropped++;
      return;
    }
    let target: Session;
    if (count === 0) {
      target = { start, end, count: 0, sum: 0, live: true };
      if (sessions === undefined) {
        sessions = [];
        this.byKey.set(key, sessions);
      }
      let at = 0;
      while (at < sessions.length && (sessions[at] as Session).start < start) at++;
      sessions.splice(at, 0, target);
      this.push(end - 1, target, key);
    } else {
      const list = sessions as Session[];
      target = list[first] as Session;
      for (let i = first + 1; i < first + count; i++) {
        const s = list[i] as Session;
        target.count += s.count;
        target.sum += s.sum;
        s.live = false;
      }
      list.splice(first + 1, count - 1);
      const moved = target.end !== end;
      target.start = start;
      target.end = end;
      if (moved) this.push(end - 1, target, key);
    }
    target.count++;
    target.sum += value;
  }

  advance(clock: number): void {
    this.clock = clock;
    while (this.heapTimes.length > 0 && (this.heapTimes[0] as number) <= clock) {
      const time = this.heapTimes[0] as number;
      const s = this.heapSessions[0] as Session;
      const key = this.heapKeys[0] as number;
      this.pop();
      if (!s.live || s.end - 1 !== time) continue;
      s.live = false;
      this.results++;
      this.total += s.sum;
      const list = this.byKey.get(key);
      if (list === undefined) continue;
      const at = list.indexOf(s);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byKey.delete(key);
    }
  }

  private push(time: number, s: Session, key: number): void {
    const times = this.heapTimes;
    let i = times.length;
    times.push(time);
    this.heapSessions.push(s);
    this.heapKeys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((times[parent] as number) <= time) break;
      this.moveSlot(parent, i);
      i = parent;
    }
    times[i] = time;
    this.heapSessions[i] = s;
    this.heapKeys[i] = key;
  }

  private pop(): void {
    const times = this.heapTimes;
    const lastTime = times.pop() as number;
    const lastSession = this.heapSessions.pop() as Session;
    const lastKey = this.heapKeys.pop() as number;
    const n = times.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (times[r] as number) < (times[l] as number) ? r : l;
      if ((times[c] as number) >= lastTime) break;
      this.moveSlot(c, i);
      i = c;
    }
    times[i] = lastTime;
    this.heapSessions[i] = lastSession;
    this.heapKeys[i] = lastKey;
  }

  private moveSlot(from: number, to: number): void {
    this.heapTimes[to] = this.heapTimes[from] as number;
    this.heapSessions[to] = this.heapSessions[from] as Session;
    this.heapKeys[to] = this.heapKeys[from] as number;
  }
}

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
