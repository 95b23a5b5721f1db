/** `streamsim run <scenario>`: simulate, check against the exact answer, and report. */
import { Chalk } from 'chalk';
import { simulate } from '../../sim/report/simulate.js';
import { buildReport, type Report } from '../../sim/report/report.js';
import { renderTextReport } from '../../report/render-text.js';
import { loadScenario } from '../scenario-files.js';
import { writeFileAtomic } from '../atomic-write.js';
import { ExitCode } from '../exit-codes.js';
import { colourLevel } from '../colour.js';

export interface RunArgs {
  readonly scenario: string;
  readonly seed?: number;
  readonly json: boolean;
  readonly out?: string;
  readonly strict: boolean;
  /** False with --no-tui; the terminal UI opens only when this is not false (see wantsTui). */
  readonly tui?: boolean;
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
 * The terminal UI opens when a person is there to use it: stdout and stdin are terminals, and
 * neither --no-tui, --json nor --out asks for the plain report.
 */
export function wantsTui(args: RunArgs, stdout: { isTTY?: boolean } = process.stdout, stdin: { isTTY?: boolean } = process.stdin): boolean {
  return args.tui !== false && !args.json && args.out === undefined && stdout.isTTY === true && stdin.isTTY === true;
}

/** `streamsim run` in a terminal: simulate, then watch the run in the UI. Resolves with the exit code. */
export async function runTuiCommand(args: RunArgs): Promise<number> {
  const scenario = loadScenario(args.scenario);
  const checked = simulate(scenario, args.seed === undefined ? {} : { seed: args.seed });
  // Loaded only here, so the plain report never pays for ink and React.
  const { runTui } = await import('../../tui/run-tui.js');
  const code = await runTui(checked);
  const report = buildReport(checked);
  const strictFailed = args.strict && !(report.summary.ok && report.summary.finalCorrect === report.summary.truthWindows);
  return code === ExitCode.ok && strictFailed ? ExitCode.checkFailed : code;
}

export function runCommand(args: RunArgs): number {
  const report = runReport(args.scenario, args.seed);
  const text = args.json ? reportJson(report) : renderTextReport(report, new Chalk({ level: colourLevel(process.stdout) }));
  if (args.out !== undefined) {
    // The whole report or nothing: a crash mid-way never leaves half a file.
    writeFileAtomic(args.out, args.json ? text : renderTextReport(report, new Chalk({ level: 0 })));
    process.stderr.write(`streamsim: report written to ${args.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return args.strict && !(report.summary.ok && report.summary.finalCorrect === report.summary.truthWindows) ? ExitCode.checkFailed : ExitCode.ok;
}
