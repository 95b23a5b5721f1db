/**
 * The savepoint side of `streamsim run`: `--savepoint-at <time> --savepoint-out <file>` takes a
 * savepoint and writes it atomically; `--from-savepoint <file>` reads one, checks it against the
 * job, and resumes from it. File access lives here; the format, the checks and the resume verdict
 * are pure (src/sim/savepoint). Every problem is a one-line UserError naming the file (exit 2).
 */
import { readFileSync } from 'node:fs';
import type { CompletedCheckpoint } from '../../sim/engines/native/checkpoint-coordinator.js';
import type { RunResult } from '../../sim/engines/engine.js';
import { Prng } from '../../sim/kernel/prng.js';
import { KeyTable } from '../../sim/model/record.js';
import { formatClock } from '../../sim/model/time.js';
import { buildInput } from '../../sim/sources/build-input.js';
import type { CheckedRun } from '../../sim/report/simulate.js';
import { checkCompatibility, describeMismatches, offsetMismatch, type Compatibility } from '../../sim/savepoint/compatibility.js';
import { decodeSavepoint, SavepointError, type DecodedSavepoint } from '../../sim/savepoint/decode.js';
import { encodeSavepoint, savepointDocument } from '../../sim/savepoint/encode.js';
import type { ResumeSummary } from '../../sim/savepoint/resume.js';
import { parseTime } from '../../sim/scenario/time-text.js';
import { NO_FAULT_TOLERANCE, type Scenario } from '../../sim/scenario/types.js';
import { windowText } from '../../sim/semantics/explain.js';
import { writeFileAtomic } from '../atomic-write.js';
import { UserError } from '../exit-codes.js';

/** A savepoint file read, checked against the job and ready to resume from. */
export interface LoadedSavepoint {
  readonly file: string;
  readonly savepoint: DecodedSavepoint;
  readonly compatibility: Compatibility;
}

/** `--savepoint-at`: a time in the scenario's syntax (60s, 12:05:00, milliseconds). */
export function savepointTime(text: string): number {
  const ms = parseTime(text);
  if (ms === undefined || ms < 0) throw new UserError(`streamsim: --savepoint-at: expected a time such as 60s or 12:05:00, got '${text}'`);
  return ms;
}

/** The scenario with one more savepoint, at `atMs`, among the ones it lists. */
export function withSavepointAt(scenario: Scenario, atMs: number): Scenario {
  if ((scenario.engine?.type ?? 'native') !== 'native') {
    throw new UserError(`streamsim: --savepoint-at: ${scenario.source} runs on the micro-batch engine, which takes no savepoints (Spark keeps its offsets and state in its checkpoint location)`);
  }
  const ft = scenario.faultTolerance ?? NO_FAULT_TOLERANCE;
  const times = [...new Set([...ft.savepointsAtMs, atMs])].sort((a, b) => a - b);
  return { ...scenario, faultTolerance: { ...ft, savepointsAtMs: times } };
}

export function loadSavepoint(file: string, scenario: Scenario): LoadedSavepoint {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UserError(`streamsim: ${file}: cannot read the savepoint: ${reason}`);
  }
  let savepoint: DecodedSavepoint;
  try {
    savepoint = decodeSavepoint(text, file);
  } catch (error) {
    if (error instanceof SavepointError) throw new UserError(`streamsim: ${error.message}`);
    throw error;
  }
  const compatibility = checkCompatibility(savepoint.document, scenario);
  if (compatibility.mismatches.length > 0) refuse(file, savepoint, scenario, compatibility.mismatches);
  return { file, savepoint, compatibility };
}

/**
 * Refuses a savepoint whose offsets lie past the end of the job's input, before the job runs (the
 * source could not seek there). The input is built on its own for this, from the same seed, so the
 * run itself is untouched.
 */
export function checkOffsets(loaded: LoadedSavepoint, scenario: Scenario, seed: number): void {
  const log = buildInput(scenario.input, new Prng(seed).fork('input'), new KeyTable()).log;
  const entriesUpTo = (partition: number, limit: number): number => {
    if (partition >= log.partitions) return 0;
    const cursor = log.open(partition, 0);
    let n = 0;
    while (n < limit && Number.isFinite(cursor.peekAppendTime())) {
      cursor.next();
      n++;
    }
    return n;
  };
  const limits = new Map(loaded.savepoint.document.sources.map((s) => [s.partition, s.offset]));
  const mismatch = offsetMismatch(loaded.savepoint.document, (p) => entriesUpTo(p, limits.get(p) ?? 0));
  if (mismatch) refuse(loaded.file, loaded.savepoint, scenario, [mismatch]);
}

function refuse(file: string, savepoint: DecodedSavepoint, scenario: Scenario, mismatches: Parameters<typeof describeMismatches>[0]): never {
  const doc = savepoint.document;
  throw new UserError(`streamsim: ${file}: savepoint ${doc.savepoint.id} of '${doc.job.scenario}' cannot be restored by ${scenario.source}: ${describeMismatches(mismatches)}`);
}

/**
 * The savepoint to write: the first completed at or after `atMs`, or, without a time, the last the
 * run completed. None is a UserError that says why (aborted, unfinished, or the job was not running).
 */
export function chooseSavepoint(run: RunResult, atMs: number | undefined): CompletedCheckpoint {
  const found = atMs === undefined ? run.savepoints.at(-1) : run.savepoints.find((s) => s.triggeredAt >= atMs);
  if (found !== undefined) return found;
  if (atMs === undefined) throw new UserError('streamsim: --savepoint-out: the run took no savepoint; give --savepoint-at <time> or list `savepoints:` in the scenario');
  throw new UserError(`streamsim: --savepoint-at ${formatClock(atMs)}: no savepoint completed, ${whyNoSavepoint(run, atMs)}; nothing was written`);
}

function whyNoSavepoint(run: RunResult, atMs: number): string {
  const triggered = run.trace.find((e) => e.type === 'checkpoint-triggered' && e.savepoint && e.at >= atMs);
  if (triggered && triggered.type === 'checkpoint-triggered') {
    const aborted = run.trace.find((e) => e.type === 'checkpoint-aborted' && e.id === triggered.id);
    if (aborted && aborted.type === 'checkpoint-aborted') return `savepoint ${triggered.id} triggered at ${formatClock(triggered.at)} was aborted: ${aborted.reason}`;
    return `savepoint ${triggered.id} triggered at ${formatClock(triggered.at)} had not completed when the run ended at ${formatClock(run.endedAt)}`;
  }
  const first = run.trace[0]?.at;
  if (first !== undefined && atMs < first) return `the job started at ${formatClock(first)}, after that time`;
  const last = run.trace.at(-1)?.at ?? run.endedAt;
  return `the job had finished by then (its last step was at ${formatClock(last)}): a savepoint needs a running job`;
}

/** Writes the savepoint atomically: the whole document or nothing. Returns the line to print. */
export function writeSavepoint(file: string, scenario: Scenario, savepoint: CompletedCheckpoint): string {
  const text = encodeSavepoint(savepointDocument(scenario, savepoint));
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UserError(`streamsim: ${file}: cannot write the savepoint: ${reason}`);
  }
  const windows = savepoint.tasks.reduce((n, t) => n + t.operator.windows.length, 0);
  return `streamsim: savepoint ${savepoint.id} (taken at ${formatClock(savepoint.triggeredAt)}, ${windows} open window${windows === 1 ? '' : 's'}, ${offsetsText(savepoint.offsets)}) written to ${file}\n`;
}

function offsetsText(offsets: readonly { partition: number; offset: number }[]): string {
  return offsets.length === 0 ? 'no partitions' : offsets.map((o) => `partition ${o.partition} at offset ${o.offset}`).join(', ');
}

/** The resume verdict for --strict: every window the resumed job owns ends exact, and the invariants hold. */
export function resumeHolds(checked: CheckedRun, summary: ResumeSummary): boolean {
  const s = checked.check.summary;
  return s.unaccounted === 0 && checked.check.watermarkViolations.length === 0 && summary.differing.length === 0;
}

/** The block printed above the report of a resumed run. */
export function renderResume(loaded: LoadedSavepoint, summary: ResumeSummary): string {
  const doc = loaded.savepoint.document;
  const lines = [
    `Resumed from savepoint ${summary.savepointId} of '${summary.savepointScenario}' (${loaded.file}, ${loaded.savepoint.checksum.slice(0, 23)}…), taken at ${formatClock(summary.triggeredAt)}`,
    `  sources resume at: ${offsetsText(summary.offsets)}`,
    `  restored: ${summary.restoredWindows} open window${summary.restoredWindows === 1 ? '' : 's'}, watermark ${formatClock(doc.state.watermark)}`,
  ];
  const changes = loaded.compatibility.changes;
  if (changes.length === 0) lines.push('  job changes: none');
  for (const c of changes) lines.push(`  job change: ${c.field} ${c.savepoint} → ${c.job}: ${c.effect}`);
  lines.push(`  events: ${summary.eventsBefore} before the saved offsets (read by the job that took the savepoint), ${summary.eventsAfter} from them on (read by this run)`);
  const w = summary.windows;
  lines.push(`  windows of the exact answer: ${w.earlierJob} closed before the savepoint (the earlier job emitted them), ${w.restored} restored, ${w.resumed} opened or reopened after it`);
  const owned = w.restored + w.resumed;
  lines.push(`  resume verdict: ${summary.ownedCorrect} of the ${owned} windows this job owns end with the exact answer`);
  for (const d of summary.differing.slice(0, 10)) {
    const why = d.owner === 'resumed' && d.eventsBefore > 0 ? `; ${d.eventsBefore} of its ${d.events} events came before the savepoint and its state was not in it` : '';
    lines.push(`    ${d.key} ${windowText(d.window)}: exact ${d.truthValue}, a reader ends with ${d.finalValue ?? 'nothing'}${why}`);
  }
  if (summary.differing.length > 10) lines.push(`    … and ${summary.differing.length - 10} more`);
  lines.push('  note: the report below checks this run with the state it restored: windows that closed before the savepoint');
  lines.push('  are the earlier job\'s, and panes of restored windows are judged with the contents the savepoint carried.');
  return lines.join('\n') + '\n\n';
}
