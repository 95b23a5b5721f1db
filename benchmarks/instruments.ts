/**
 * What a benchmark run carries besides the work itself: a heap sampler, a log wrapper that ticks
 * it once per event read, and a trace sink that counts results instead of keeping them.
 *
 * Why the sampler rides the log rather than a timer: a run is synchronous, so a
 * `setInterval(…, 5)` sampler would never fire until the run is over. Every engine and the hand
 * loop read the same log, so a tick on every 1,024th event read samples them all alike, at a cost
 * of a counter per event and a heap-statistics call (about 0.3 µs) per 1,024 events.
 * `v8.getHeapStatistics().used_heap_size` is `process.memoryUsage().heapUsed` without the
 * resident-set read that makes the latter cost about 12 µs.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { LogEntry } from '../src/sim/model/record.js';
import type { BuiltInput, LogCursor, PartitionedLog } from '../src/sim/sources/log.js';
import type { KeyTable } from '../src/sim/model/record.js';
import type { TraceEvent, TraceSink } from '../src/sim/trace/events.js';

let gcFn: (() => void) | null | undefined;

/**
 * The garbage collector, when it can be had: `global.gc` under `node --expose-gc` (what
 * `npm run bench` passes), else the flag set at run time and gc taken from a fresh context.
 */
export function garbageCollector(): (() => void) | undefined {
  if (gcFn !== undefined) return gcFn ?? undefined;
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') {
    gcFn = g as () => void;
    return gcFn;
  }
  try {
    v8.setFlagsFromString('--expose-gc');
    const f: unknown = vm.runInNewContext('gc');
    gcFn = typeof f === 'function' ? (f as () => void) : null;
  } catch {
    gcFn = null;
  }
  return gcFn ?? undefined;
}

export function collectGarbage(): boolean {
  const gc = garbageCollector();
  if (gc === undefined) return false;
  gc();
  return true;
}

export function heapUsedBytes(): number {
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * Peak heap in use during a run, sampled every `stride` events (a power of two). Heap in use counts
 * garbage V8 has not collected yet, and how much it lets pile up follows its own heap sizing (a
 * longer run grows the limit further), so it says little about what a run retains. For that,
 * `liveEvery` > 0 also forces a full collection every `liveEvery` events and samples what
 * survives: the live heap, bounded by the open state if nothing keeps per-event data. The forced
 * collections cost time: a run that samples the live heap is not a speed figure.
 */
export class HeapSampler {
  private count = 0;
  private peakBytes = 0;
  private baseBytes = 0;
  private readonly mask: number;
  private liveCountdown = 0;
  private livePeak = 0;
  private liveSamples = 0;

  constructor(
    stride = 1024,
    private readonly liveEvery = 0,
  ) {
    if (!Number.isInteger(Math.log2(stride))) throw new Error(`HeapSampler: stride must be a power of two, got ${stride}`);
    if (!Number.isInteger(liveEvery) || liveEvery < 0) throw new Error(`HeapSampler: liveEvery must be a non-negative integer, got ${liveEvery}`);
    this.mask = stride - 1;
  }

  /** Collects garbage (when possible) and takes the baseline: the heap before the run. */
  begin(): void {
    collectGarbage();
    this.count = 0;
    this.baseBytes = heapUsedBytes();
    this.peakBytes = this.baseBytes;
    this.liveCountdown = this.liveEvery;
    this.livePeak = this.baseBytes;
    this.liveSamples = 0;
  }

  tick(): void {
    if ((++this.count & this.mask) === 0) this.sample();
    if (this.liveCountdown > 0 && --this.liveCountdown === 0) {
      this.liveCountdown = this.liveEvery;
      this.sampleLive();
    }
  }

  private sampleLive(): void {
    if (!collectGarbage()) return;
    this.liveSamples++;
    const used = heapUsedBytes();
    if (used > this.livePeak) this.livePeak = used;
  }

  /** The largest live heap sampled in this run (the baseline when none was), or null when not sampling. */
  get livePeakBytes(): number | null {
    return this.liveEvery > 0 && this.liveSamples > 0 ? this.livePeak : null;
  }

  get liveSampleCount(): number {
    return this.liveSamples;
  }

  sample(): void {
    const used = heapUsedBytes();
    if (used > this.peakBytes) this.peakBytes = used;
  }

  /** Ends the run: one last sample; returns the peak heap in use. */
  end(): number {
    this.sample();
    return this.peakBytes;
  }

  get peak(): number {
    return this.peakBytes;
  }

  get baseline(): number {
    return this.baseBytes;
  }

  get samples(): number {
    return this.count >>> Math.log2(this.mask + 1);
  }
}

class SampledCursor implements LogCursor {
  constructor(
    private readonly inner: LogCursor,
    private readonly sampler: HeapSampler,
  ) {}

  get partition(): number {
    return this.inner.partition;
  }

  get offset(): number {
    return this.inner.offset;
  }

  peekAppendTime(): number {
    return this.inner.peekAppendTime();
  }

  next(): LogEntry {
    this.sampler.tick();
    return this.inner.next();
  }

  minPendingEventTime(): number {
    return this.inner.minPendingEventTime();
  }
}

class SampledLog implements PartitionedLog {
  constructor(
    private readonly inner: PartitionedLog,
    private readonly sampler: HeapSampler,
  ) {}

  get partitions(): number {
    return this.inner.partitions;
  }

  get keys(): KeyTable {
    return this.inner.keys;
  }

  open(partition: number, fromOffset: number): LogCursor {
    return new SampledCursor(this.inner.open(partition, fromOffset), this.sampler);
  }
}

/** The same input, its cursors ticking `sampler` on every event read. */
export function sampledInput(input: BuiltInput, sampler: HeapSampler): BuiltInput {
  return { log: new SampledLog(input.log, sampler), scriptedWatermarks: input.scriptedWatermarks };
}

/**
 * The benchmark's trace sink: keeps nothing (`detailed` false, so the engine builds no trace
 * entries on its hot path) but counts the panes the sink writes and adds up their values, so a run
 * can be checked against the hand loop without keeping its panes.
 */
export class TallyTrace implements TraceSink {
  readonly detailed = false;
  panes = 0;
  total = 0;
  /** Every trace type seen, with counts: shows what a non-detailed run still emits. */
  readonly types = new Map<string, number>();

  emit(event: TraceEvent): void {
    if (event.type === 'pane-fired') {
      if (event.pane.retraction === true) return;
      this.panes++;
      this.total += event.pane.value;
      return;
    }
    this.types.set(event.type, (this.types.get(event.type) ?? 0) + 1);
  }
}
