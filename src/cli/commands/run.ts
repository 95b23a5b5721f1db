/** `streamsim run <scenario>`: simulate, check against the exact answer, and report. */
import { Chalk } from 'chalk';
import { simulate, type CheckedRun } from '../../sim/report/simulate.js';
import { startPointOf, summarizeResume, type ResumeSummary } from '../../sim/savepoint/resume.js';
import { buildReport, type Report } from '../../sim/report/report.js';
import { renderTextReport } from '../../report/render-text.js';
import { loadScenario } from '../scenario-files.js';
import { writeFileAtomic } from '../atomic-write.js';
import { ExitCode } from '../exit-codes.js';
import { colourLevel } from '../colour.js';
import { checkOffsets, chooseSavepoint, loadSavepoint, type LoadedSavepoint, renderResume, resumeHolds, savepointTime, withSavepointAt, writeSavepoint } from './savepoints.js';

export interface RunArgs {
  readonly scenario: string;
  readonly seed?: number;
  readonly json: boolean;
  readonly out?: string;
  readonly strict: boolean;
  /** False with --no-tui; the terminal UI opens only when this is not false (see wantsTui). */
  readonly tui?: boolean;
  /** Take a savepoint at this processing time (scenario time syntax); needs savepointOut. */
  readonly savepointAt?: string;
  /** Write the savepoint taken (at savepointAt, else the scenario's last) to this file, atomically. */
  readonly savepointOut?: string;
  /** Resume from this savepoint file. */
  readonly fromSavepoint?: string;
}

/** A checked run, with what it resumed from when it did. */
interface PreparedRun {
  readonly checked: CheckedRun;
  readonly resumed?: { readonly loaded: LoadedSavepoint; readonly summary: ResumeSummary };
}

/** Serialises a report as the stable JSON document of `--json` (two-space indent, final newline). */
export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function runReport(scenarioArg: string, seed?: number): Report {
  const scenario = loadScenario(scenarioArg);
  return buildReport(simulate(scenario, seed === undefined ? {} : { seed }));
}

/**
 * Loads the scenario, resumes from a savepoint if asked (refusing an unreadable or incompatible
 * one before anything runs), simulates, and writes the savepoint asked for, if any. The savepoint
 * is written before the report is printed, so a run that cannot produce it prints nothing.
 */
function prepareRun(args: RunArgs): PreparedRun {
  let scenario = loadScenario(args.scenario);
  const atMs = args.savepointAt === undefined ? undefined : savepointTime(args.savepointAt);
  if (atMs !== undefined) scenario = withSavepointAt(scenario, atMs);
  const loaded = args.fromSavepoint === undefined ? undefined : loadSavepoint(args.fromSavepoint, scenario);
  if (loaded) checkOffsets(loaded, scenario, args.seed ?? scenario.seed);
  const checked = simulate(scenario, {
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(loaded ? { fromSavepoint: startPointOf(loaded.savepoint.document) } : {}),
  });
  if (args.savepointOut !== undefined) process.stderr.write(writeSavepoint(args.savepointOut, scenario, chooseSavepoint(checked.run, atMs)));
  return loaded ? { checked, resumed: { loaded, summary: summarizeResume(loaded.savepoint.document, checked) } } : { checked };
}

/** --strict: every final result exact and every check passed; for a resumed run, the resume verdict. */
function strictHolds(prepared: PreparedRun, report: Report): boolean {
  if (prepared.resumed) return resumeHolds(prepared.checked, prepared.resumed.summary);
  return report.summary.ok && report.summary.finalCorrect === report.summary.truthWindows;
}

/**
 * The terminal UI opens when a person is there to use it: stdout and stdin are terminals, and
 * neither --no-tui, --json nor --out asks for the plain report.
 */
export function wantsTui(args: RunArgs, stdout: { isTTY?: boolean } = process.stdout, stdin: { isTTY?: boolean } = process.stdin): boolean {
  return args.tui !== false && !args.json && args.out === undefined && stdout.isTTY === true && stdin.isTTY === true;
}

/** `streamsim run` in a terminal: simulate, then watch the run in the UI. Resolves with the exit code. */
export async function runTuiCommand(args: RunArgs): Promise<number> {
  const prepared = prepareRun(args);
  const checked = prepared.checked;
  // Loaded only here, so the plain report never pays for ink and React.
  const { runTui } = await import('../../tui/run-tui.js');
  const code = await runTui(checked);
  const report = buildReport(checked);
  const strictFailed = args.strict && !strictHolds(prepared, report);
  return code === ExitCode.ok && strictFailed ? ExitCode.checkFailed : code;
}

export function runCommand(args: RunArgs): number {
  const prepared = prepareRun(args);
  const report = buildReport(prepared.checked);
  const resumed = prepared.resumed;
  const preface = resumed ? renderResume(resumed.loaded, resumed.summary) : '';
  const json = (): string => {
    if (!resumed) return reportJson(report);
    const { loaded, summary } = resumed;
    // The report with what the run resumed from and the resume verdict (JSON turns the infinite bounds of a global window into null).
    const withResume = { ...report, resume: { file: loaded.file, checksum: loaded.savepoint.checksum, changes: loaded.compatibility.changes, ...summary } };
    return reportJson(withResume);
  };
  const text = args.json ? json() : preface + renderTextReport(report, new Chalk({ level: colourLevel(process.stdout) }));
  if (args.out !== undefined) {
    // The whole report or nothing: a crash mid-way never leaves half a file.
    writeFileAtomic(args.out, args.json ? text : preface + renderTextReport(report, new Chalk({ level: 0 })));
    process.stderr.write(`streamsim: report written to ${args.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return args.strict && !strictHolds(prepared, report) ? ExitCode.checkFailed : ExitCode.ok;
}
