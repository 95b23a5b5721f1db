import { assertNever } from '../../kernel/assert.js';
import { formatClock } from '../../model/time.js';
import { durationText, offsetsText, type Entry } from './wording.js';

const t = formatClock;

function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Checkpoints as Flink's asynchronous barrier snapshots (Chandy–Lamport) take them. */
export function explainCheckpoint(
  e: Entry<'checkpoint-triggered' | 'barrier-emitted' | 'barrier-received' | 'checkpoint-snapshot' | 'checkpoint-completed' | 'checkpoint-aborted' | 'savepoint-taken'>,
): string {
  switch (e.type) {
    case 'checkpoint-triggered':
      return e.savepoint
        ? `savepoint ${e.id} triggered at ${t(e.at)}: always aligned, it never expires; used to stop, upgrade and resume a job`
        : `checkpoint ${e.id} triggered at ${t(e.at)}: each source records its offsets and sends barrier ${e.id} in line with its records`;
    case 'barrier-emitted':
      return `source task ${e.task} recorded offsets ${offsetsText(e.offsets)} and sent barrier ${e.id} downstream at ${t(e.at)}`;
    case 'barrier-received':
      return e.blocked
        ? `barrier ${e.id} reached window task ${e.task} on input ${e.channel} at ${t(e.at)}: alignment holds that input back until barrier ${e.id} arrives on every input`
        : `barrier ${e.id} reached window task ${e.task} on input ${e.channel} at ${t(e.at)}`;
    case 'checkpoint-snapshot':
      return `window task ${e.task} snapshotted ${e.windows} window${e.windows === 1 ? '' : 's'} for checkpoint ${e.id} at ${t(e.at)} after aligning for ${durationText(e.alignmentMs)}${e.unaligned ? ` (unaligned: ${e.inFlightRecords} in-flight records stored with it)` : ''}, then forwarded the barrier`;
    case 'checkpoint-completed':
      return `${e.savepoint ? 'savepoint' : 'checkpoint'} ${e.id} completed at ${t(e.at)} in ${durationText(e.durationMs)} (alignment ${durationText(e.alignmentMs)}, ${bytesText(e.sizeBytes)}): every task acknowledged, so recovery restarts from here`;
    case 'checkpoint-aborted':
      return `checkpoint ${e.id} aborted at ${t(e.at)}: ${e.reason}`;
    case 'savepoint-taken':
      return `savepoint ${e.id} taken at ${t(e.at)}: its state is kept with the run`;
    default:
      return assertNever(e, 'explainCheckpoint');
  }
}
