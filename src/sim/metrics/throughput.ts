/**
 * Throughput over time: events read from the source log (ingested) and results written (panes),
 * per simulated second. Engine-agnostic: it reads only the trace's `event-ingested` and
 * `pane-fired` entries. Events replayed after a failure are read again and count again, as a
 * source's records-in rate does; retraction panes count as results written.
 */
import type { TraceEvent } from '../trace/events.js';
import { bucketOf, type Grid, rateSeries, type Series } from './series.js';

export interface Throughput {
  /** Events read per simulated second, per bucket. */
  readonly ingestedPerSec: Series;
  /** Results (panes) written per simulated second, per bucket. */
  readonly resultsPerSec: Series;
  readonly ingested: number;
  readonly results: number;
  /** Events read per second over the span of reading (first to last read), or 0 when fewer than two reads. */
  readonly meanIngestedPerSec: number;
}

export function throughput(trace: readonly TraceEvent[], grid: Grid): Throughput {
  const ingested = new Array<number>(grid.count).fill(0);
  const results = new Array<number>(grid.count).fill(0);
  let reads = 0;
  let panes = 0;
  let firstRead = Infinity;
  let lastRead = -Infinity;
  for (const e of trace) {
    if (e.type === 'event-ingested') {
      reads++;
      firstRead = Math.min(firstRead, e.at);
      lastRead = Math.max(lastRead, e.at);
      const i = bucketOf(grid, e.at);
      ingested[i] = (ingested[i] as number) + 1;
    } else if (e.type === 'pane-fired') {
      panes++;
      const i = bucketOf(grid, e.at);
      results[i] = (results[i] as number) + 1;
    }
  }
  const spanMs = lastRead - firstRead;
  return {
    ingestedPerSec: rateSeries(grid, ingested),
    resultsPerSec: rateSeries(grid, results),
    ingested: reads,
    results: panes,
    meanIngestedPerSec: spanMs > 0 ? ((reads - 1) * 1000) / spanMs : 0,
  };
}
