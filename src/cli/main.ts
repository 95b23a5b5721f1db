/**
 * The `streamsim` command. Every command returns an exit code (exit-codes.ts); errors a user can fix
 * print one clear message and exit 2, a bug prints its stack and exits 1.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { StepBoundExceeded } from '../sim/kernel/scheduler.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { SourceFileError } from '../sim/sources/source-file-error.js';
import { ExitCode, UserError } from './exit-codes.js';
import { runCommand, runTuiCommand, wantsTui } from './commands/run.js';
import { listCommand } from './commands/list.js';
import { compareCommand, compareTuiCommand } from './commands/compare.js';
import { BENCH_DESCRIPTION, benchOptions, runBench } from './commands/bench.js';
import { listOption, variantsOf } from './variants.js';

/** A bad combination of options found by a yargs check: printed as a usage error (exit 2), never with a stack. */
class UsageError extends Error {}

function fail(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(error.message + '\n');
    return error.code;
  }
  if (error instanceof ScenarioError || error instanceof SourceFileError) {
    process.stderr.write(`streamsim: ${error.message}\n`);
    return ExitCode.badInput;
  }
  if (error instanceof StepBoundExceeded) {
    process.stderr.write(`streamsim: ${error.message}\nRaise the scenario's maxSteps if the run is meant to be this long.\n`);
    return ExitCode.simulation;
  }
  process.stderr.write(`streamsim: internal error (a bug; please report it with the scenario and seed):\n${(error as Error)?.stack ?? String(error)}\n`);
  return ExitCode.internal;
}

function guard(action: () => number): void {
  try {
    process.exitCode = action();
  } catch (error) {
    process.exitCode = fail(error);
  }
}

/** For a command that finishes later (the terminal UI): the same error handling as guard. */
function guardAsync(action: () => Promise<number>): void {
  action().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = fail(error);
    },
  );
}

export function main(argv: string[]): void {
  void yargs(argv)
    .scriptName('streamsim')
    .usage('$0 <command> [options]\n\nA deterministic simulator of streaming engines: watermarks, windows, triggers, checkpoints and delivery guarantees, checked against the exact answer.')
    .command(
      'run <scenario>',
      'simulate a scenario (a file or a bundled name) and report every pane against the exact answer',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML) or bundled scenario name' })
          .option('seed', { type: 'number', describe: "seed for every random draw (default: the scenario's seed)" })
          .option('json', { type: 'boolean', default: false, describe: 'print one JSON document instead of the text report' })
          .option('out', { type: 'string', describe: 'write the report to this file (atomically) instead of stdout' })
          .option('strict', { type: 'boolean', default: false, describe: 'exit 4 unless every final result equals the exact answer and all checks pass' })
          .option('tui', { type: 'boolean', default: true, describe: 'open the terminal UI when run in a terminal (--no-tui prints the plain report)' })
          .option('savepoint-at', { type: 'string', describe: 'take a savepoint at this processing time (60s, 12:05:00); needs --savepoint-out' })
          .option('savepoint-out', { type: 'string', describe: "write the savepoint (atomically) to this file: the one at --savepoint-at, else the scenario's last" })
          .option('from-savepoint', { type: 'string', describe: 'resume from a savepoint file: its source offsets and window state' })
          .check((a) => {
            if (a.seed !== undefined && !Number.isInteger(a.seed)) throw new UsageError('--seed must be an integer');
            if (a.savepointAt !== undefined && a.savepointOut === undefined) throw new UsageError('--savepoint-at needs --savepoint-out <file>: where to write the savepoint');
            return true;
          }),
      (a) => {
        const args = {
          scenario: a.scenario,
          json: a.json,
          strict: a.strict,
          tui: a.tui,
          ...(a.seed !== undefined ? { seed: a.seed } : {}),
          ...(a.out !== undefined ? { out: a.out } : {}),
          ...(a.savepointAt !== undefined ? { savepointAt: a.savepointAt } : {}),
          ...(a.savepointOut !== undefined ? { savepointOut: a.savepointOut } : {}),
          ...(a.fromSavepoint !== undefined ? { fromSavepoint: a.fromSavepoint } : {}),
        };
        if (wantsTui(args)) guardAsync(() => runTuiCommand(args));
        else guard(() => runCommand(args));
      },
    )
    .command(
      'compare <scenario>',
      'run the same trace (and failure schedule) under several settings and compare the results side by side',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML) or bundled scenario name' })
          .option('guarantee', { type: 'string', describe: 'delivery guarantees, e.g. at-most-once,at-least-once,exactly-once (or exactly-once:idempotent)' })
          .option('engine', { type: 'string', describe: 'engines, e.g. native,native:buffer=10ms,micro-batch:1s,micro-batch:5s' })
          .option('sweep', { type: 'string', describe: 'one setting over several values, with a latency/throughput chart, e.g. trigger=1s,2s,5s or bufferTimeout=0,10ms,100ms' })
          .option('semantics', { type: 'string', describe: 'engine rule books to compare, e.g. flink,beam,spark,kafka-streams' })
          .option('watermark', { type: 'string', describe: 'watermark strategies, e.g. perfect,bounded-out-of-orderness:5s,percentile:90' })
          .option('seed', { type: 'number', describe: "seed for every random draw (default: the scenario's seed)" })
          .option('sustainable', {
            type: 'boolean',
            describe: 'also find each row\'s sustainable rate (highest input rate without an ever-growing backlog) by bisection over the generator rate: about 11 more runs per row; generator inputs only',
          })
          .option('json', { type: 'boolean', describe: 'print JSON' })
          .option('csv', { type: 'boolean', describe: 'print CSV' })
          .option('tui', { type: 'boolean', describe: 'show the runs side by side in the terminal UI, on one shared clock (in a terminal only)' })
          .conflicts('json', 'csv')
          .conflicts('tui', ['json', 'csv', 'sustainable'])
          .check((a) => {
            if (a.seed !== undefined && !Number.isInteger(a.seed)) throw new Error('--seed must be an integer');
            return true;
          }),
      (a) => {
        const args = {
          scenario: a.scenario,
          variants: variantsOf({
            semantics: listOption(a.semantics) ?? [],
            watermark: listOption(a.watermark) ?? [],
            guarantee: listOption(a.guarantee) ?? [],
            engine: listOption(a.engine) ?? [],
            ...(a.sweep !== undefined ? { sweep: String(a.sweep) } : {}),
          }),
          json: a.json ?? false,
          csv: a.csv ?? false,
          sustainable: a.sustainable ?? false,
          ...(a.sweep !== undefined ? { sweep: String(a.sweep).split('=')[0] ?? String(a.sweep) } : {}),
          ...(a.seed !== undefined ? { seed: a.seed } : {}),
        };
        if (a.tui && wantsTui({ scenario: a.scenario, json: false, strict: false })) guardAsync(() => compareTuiCommand(args));
        else if (a.tui) {
          guard(() => {
            throw new UserError('streamsim compare --tui needs a terminal (stdin and stdout); without one, leave out --tui to print the table');
          });
        }
        else guard(() => compareCommand(args));
      },
    )
    .command(
      'list',
      'list the bundled scenarios (the curriculum)',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
      (a) => guard(() => listCommand(a.json)),
    )
    .command('bench', BENCH_DESCRIPTION, (y) => benchOptions(y), (a) => runBench(a))
    .demandCommand(1, 'Name a command: run <scenario> or list.')
    .strict()
    .recommendCommands()
    .fail((message, error, y) => {
      if (error && !(error instanceof UsageError)) throw error;
      process.stderr.write(`${y.help() ? '' : ''}streamsim: ${message}\nRun \`streamsim --help\` for usage.\n`);
      process.exit(ExitCode.badInput);
    })
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .parse();
}

main(hideBin(process.argv));
