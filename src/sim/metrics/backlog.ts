/**
 * Backlog and consumer lag over time: entries appended to the source log but not yet read, as
 * Kafka's consumer lag counts them (log end offset − the consumer's position), and the age of the
 * oldest unread entry (how far behind the consumer is in time: Flink's currentFetchEventTimeLag
 * measured on append time). Exact in simulated time, and engine-agnostic: the appends come from
 * the log; the reads from the trace's `event-ingested` entries (each reads the next offset of its
 * partition) and `job-restarted` entries (which rewind the positions to a checkpoint's offsets, so
 * the replayed entries are backlog again).
 *
 * A partition's position starts at the offset of its first read (a run resumed from a savepoint
 * starts past zero), or 0 if it is never read.
 *
 * Records read but not yet at the stateful stage sit in the engine's queues (network buffers, a
 * micro-batch in progress): `inFlight` counts them, from each `event-ingested` to the first
 * `event-windowed`, `event-late` or `event-filtered` of the same entry. A failure (`job-failed`)
 * loses them; the replay reads them again. Credit bounds what the queues hold, so an overloaded
 * job's backlog grows in the log once they are full; the sum of both grows from the start.
 */
import type { PartitionedLog } from '../sources/log.js';
import type { TraceEvent } from '../trace/events.js';
import { bucketEnd, type Grid, levelSeries, type Series } from './series.js';

export interface Backlog {
  /** Unread entries at the end of each bucket. */
  readonly records: Series;
  /** Age in ms of the oldest unread entry at the end of each bucket (0 when none is unread). */
  readonly oldestAgeMs: Series;
  /** Records read and not yet windowed or filtered, at the end of each bucket. */
  readonly inFlight: Series;
  /** The largest backlog at any instant of the run. */
  readonly maxRecords: number;
  /** The longest any entry waited in the log before it was read (or, if never read, until the run ended). */
  readonly maxAgeMs: number;
}

/** Append times of every entry, per partition, in offset order (non-decreasing). */
export function appendTimes(log: PartitionedLog): number[][] {
  const out: number[][] = [];
  for (let p = 0; p < log.partitions; p++) {
    const times: number[] = [];
    const cursor = log.open(p, 0);
    while (cursor.peekAppendTime() !== Infinity) times.push(cursor.next().appendTime);
    out.push(times);
  }
  return out;
}

/** Number of entries of a sorted array that are ≤ t, from a starting index (a pointer that only moves forward). */
function advance(sorted: readonly number[], from: number, t: number): number {
  let i = from;
  while (i < sorted.length && (sorted[i] as number) <= t) i++;
  return i;
}

function startingPositions(trace: readonly TraceEvent[], partitions: number): number[] {
  const pos = new Array<number>(partitions).fill(0);
  const known = new Array<boolean>(partitions).fill(false);
  for (const e of trace) {
    if (e.type === 'event-ingested' && !known[e.ref.partition]) {
      known[e.ref.partition] = true;
      pos[e.ref.partition] = e.ref.offset;
    } else if (e.type === 'job-restarted') {
      for (const o of e.offsets) known[o.partition] = true;
    }
  }
  return pos;
}

/**
 * The backlog sampled on `grid`, and its exact maxima. `endMs` is when the run ended: entries never
 * read have waited until then.
 */
export function backlog(trace: readonly TraceEvent[], appended: readonly (readonly number[])[], grid: Grid, endMs: number): Backlog {
  const partitions = appended.length;
  const position = startingPositions(trace, partitions);
  const all = appended.flat().sort((a, b) => a - b);
  let appendedCount = 0;
  let readCount = position.reduce((n, p) => n + p, 0);
  let maxRecords = 0;
  let maxAgeMs = 0;
  const records: number[] = [];
  const ages: number[] = [];
  const inFlightSamples: number[] = [];
  /** Entries read and not yet windowed or filtered, by partition and offset. */
  const pending = new Set<number>();
  const refOf = (r: { partition: number; offset: number }): number => r.offset * partitions + r.partition;
  const oldestAge = (t: number): number => {
    let age = 0;
    for (let p = 0; p < partitions; p++) {
      const at = (appended[p] as readonly number[])[position[p] as number];
      if (at !== undefined && at <= t) age = Math.max(age, t - at);
    }
    return age;
  };
  // Levels at the end of bucket b are sampled just before the bucket's end time, after every entry of the trace inside it.
  const sampleUntil = (t: number): void => {
    while (records.length < grid.count && bucketEnd(grid, records.length) <= t) {
      const end = bucketEnd(grid, records.length) - 1;
      appendedCount = advance(all, appendedCount, end);
      records.push(Math.max(0, appendedCount - readCount));
      ages.push(oldestAge(end));
      inFlightSamples.push(pending.size);
    }
  };
  for (const e of trace) {
    if (e.type === 'event-windowed' || e.type === 'event-late' || e.type === 'event-filtered') {
      sampleUntil(e.at);
      pending.delete(refOf(e.ref));
      continue;
    }
    if (e.type === 'job-failed') {
      sampleUntil(e.at);
      pending.clear();
      continue;
    }
    if (e.type !== 'event-ingested' && e.type !== 'job-restarted') continue;
    sampleUntil(e.at);
    // Appends at this instant are readable now; the backlog peaks just before a read takes one.
    appendedCount = advance(all, appendedCount, e.at);
    maxRecords = Math.max(maxRecords, appendedCount - readCount);
    if (e.type === 'event-ingested') {
      maxAgeMs = Math.max(maxAgeMs, e.at - e.appendTime);
      pending.add(refOf(e.ref));
      const p = e.ref.partition;
      readCount += e.ref.offset + 1 - (position[p] as number);
      position[p] = e.ref.offset + 1;
    } else {
      for (const o of e.offsets) {
        readCount += o.offset - (position[o.partition] as number);
        position[o.partition] = o.offset;
      }
    }
  }
  sampleUntil(Infinity);
  appendedCount = advance(all, appendedCount, endMs);
  maxRecords = Math.max(maxRecords, appendedCount - readCount);
  maxAgeMs = Math.max(maxAgeMs, oldestAge(endMs));
  return { records: levelSeries(grid, records), oldestAgeMs: levelSeries(grid, ages), inFlight: levelSeries(grid, inFlightSamples), maxRecords, maxAgeMs };
}
