/**
 * One sentence per trace entry that says why it happened, with the numbers filled in and the
 * engine's rule named: the "Why" line of the terminal UI. Pure, and written from the table in
 * SEMANTICS.md ("Where the engines' rules differ"), so a learner can check each claim against the
 * engine's documentation. The numbers come from the trace entry and the scenario only.
 *
 * Conventions: times are clock times (formatClock), durations are written as in scenario files
 * (2m, 90s, 250ms), and "watermark" reads "stream time" under Kafka Streams, whose progress clock
 * is the largest timestamp seen. The explanations of each topic live in explain/: records and
 * lateness, panes, watermarks, checkpoints and failures, over the engines' conditions
 * (explain/conditions.ts) and a shared wording (explain/wording.ts).
 */
import { assertNever } from '../kernel/assert.js';
import { formatClock } from '../model/time.js';
import type { TraceEvent } from '../trace/events.js';
import { explainCheckpoint } from './explain/checkpoints.js';
import { expiryCondition } from './explain/conditions.js';
import { explainFailure } from './explain/failures.js';
import { explainLate, explainWindowed } from './explain/lateness.js';
import { explainPane } from './explain/panes.js';
import { explainWatermark } from './explain/watermarks.js';
import { durationText, windowText, type ExplainScenario } from './explain/wording.js';

// The CLI's savepoint listing names windows as the explanations do.
export { windowText };

const t = formatClock;

/** One sentence for any trace entry. */
export function explainEntry(s: ExplainScenario, e: TraceEvent): string {
  switch (e.type) {
    case 'event-ingested': {
      const delay = e.at - e.eventTime;
      return `ingested ${e.key} = ${e.value} (event time ${t(e.eventTime)}) from partition ${e.ref.partition} offset ${e.ref.offset} at ${t(e.at)}, appended at ${t(e.appendTime)}: ${durationText(Math.max(0, delay))} after it happened`;
    }
    case 'event-filtered':
      return `filtered out at ${t(e.at)}: the pipeline's filter drops partition ${e.ref.partition} offset ${e.ref.offset}; it belongs to no window`;
    case 'event-windowed':
      return explainWindowed(s, e);
    case 'event-late':
      return explainLate(s, e);
    case 'watermark-advanced':
      return explainWatermark(s, e);
    case 'partition-idle':
      return e.idle
        ? `partition ${e.partition} idle at ${t(e.at)}: no events for the idle timeout, so it no longer holds the minimum back (Flink withIdleness)`
        : `partition ${e.partition} active again at ${t(e.at)}: it has data, so it counts in the minimum again`;
    case 'windows-merged': {
      const touch = s.semantics === 'flink' ? 'overlap or touch' : 'overlap';
      return `sessions of ${e.key} merged at ${t(e.at)}: ${e.from.map(windowText).join(' + ')} → ${windowText(e.into)} (${s.semantics} merges sessions that ${touch})`;
    }
    case 'pane-fired':
      return explainPane(s, e);
    case 'window-cleared': {
      const gone = expiryCondition(s, e.window, e.watermark, true);
      return `window ${windowText(e.window)} of ${e.key} cleared at ${t(e.at)}: ${gone.text}; later data for it is too late (${gone.rule})`;
    }
    case 'source-finished':
      return `source task ${e.task} finished its input at ${t(e.at)}`;
    case 'checkpoint-triggered':
    case 'barrier-emitted':
    case 'barrier-received':
    case 'checkpoint-snapshot':
    case 'checkpoint-completed':
    case 'checkpoint-aborted':
    case 'savepoint-taken':
      return explainCheckpoint(e);
    case 'fault':
    case 'job-failed':
    case 'job-restarted':
      return explainFailure(e);
    case 'transaction-committed':
      return `window task ${e.task} committed transaction ${e.txn} at ${t(e.at)} when checkpoint ${e.checkpoint} completed: its output becomes visible to read-committed readers (two-phase commit)`;
    case 'transaction-aborted':
      return `transaction ${e.txn} of window task ${e.task} aborted at ${t(e.at)}: its uncommitted output is discarded and will be replayed`;
    case 'backpressure':
      return e.blocked
        ? e.stage === undefined
          ? `source task ${e.task} blocked at ${t(e.at)}: its output channel ${e.channel} is full (credit-based backpressure), so it stops reading and the backlog grows`
          : `${e.stage} task ${e.task} blocked at ${t(e.at)}: its output channel ${e.channel} is full (credit-based backpressure), so it stops taking input and its own input channel fills`
        : `${e.stage ?? 'source'} task ${e.task} free again at ${t(e.at)}: channel ${e.channel} has credit, so it ${e.stage === undefined ? 'reads' : 'takes input'} on`;
    case 'batch-planned': {
      const ranges = e.offsets.map((o) => `partition ${o.partition} [${o.from}, ${o.to})`).join(', ');
      const what = e.noData ? 'a no-data batch that reads nothing and runs to move the watermark or evict state' : `reading ${ranges || 'nothing'}`;
      return `batch ${e.batch} ${e.rerun ? 're-planned from its offset log entry (same offsets)' : 'planned'} at ${t(e.at)}: ${what}, with watermark ${t(e.watermark)} from the batch before (Spark writes the offset log before it runs a batch)`;
    }
    case 'batch-committed':
      return `batch ${e.batch} committed at ${t(e.at)} after ${durationText(e.durationMs)}: ${e.records} records, ${e.panes} results written, commit log entry written; the next batch applies watermark ${t(e.nextWatermark)}`;
    default:
      return assertNever(e, 'explainEntry');
  }
}
