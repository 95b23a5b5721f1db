import { assertNever } from '../../kernel/assert.js';
import { formatClock } from '../../model/time.js';
import { offsetsText, type Entry } from './wording.js';

const t = formatClock;

/** Failures and recovery: what was lost, and where the job resumed. */
export function explainFailure(e: Entry<'fault' | 'job-failed' | 'job-restarted'>): string {
  switch (e.type) {
    case 'fault':
      return `fault at ${t(e.at)}: ${e.fault}${e.task === undefined ? '' : ` on ${e.task}`}: ${e.detail}`;
    case 'job-failed':
      return `job failed at ${t(e.at)}: ${e.reason}; every task is cancelled and what was in flight is lost`;
    case 'job-restarted':
      return e.fromCheckpoint === null
        ? `job restarted at ${t(e.at)} without a checkpoint: state starts empty and the sources resume where they were, so results can be missing (at-most-once)`
        : `job restarted at ${t(e.at)} from checkpoint ${e.fromCheckpoint}: ${e.restoredWindows} window${e.restoredWindows === 1 ? '' : 's'} restored${e.inFlightRecords > 0 ? ` with ${e.inFlightRecords} in-flight records` : ''}, sources rewound to ${offsetsText(e.offsets)}, so everything after is replayed`;
    default:
      return assertNever(e, 'explainFailure');
  }
}
