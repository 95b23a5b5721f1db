/**
 * `streamsim compare <scenario>`: the same trace, under the same failure schedule, run once per
 * variant (rule books, watermarks, delivery guarantees, engines, or a swept setting), side by side
 * in one table: correctness against the exact answer, what each reader of the sink saw against the
 * failure-free run, latency and throughput in simulated time, and the checkpoints. A run that
 * cannot be made is reported in its row and the exit code says so; when every run fails, the first
 * failure is the command's, as for `run`.
 */
import { Chalk } from 'chalk';
import { simulate, type CheckedRun } from '../../sim/report/simulate.js';
import { findSustainableRate, type SustainableRateOptions } from '../../sim/metrics/sustainable-rate.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { compareRowOf, type CompareRow } from '../../report/compare-rows.js';
import { renderCompareCsv, renderCompareTable, renderSweepChart } from '../../report/compare-table.js';
import { colourLevel } from '../colour.js';
import { StepBoundExceeded } from '../../sim/kernel/scheduler.js';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { SourceFileError } from '../../sim/sources/source-file-error.js';
import { ExitCode, UserError } from '../exit-codes.js';
import { loadScenario } from '../scenario-files.js';
import type { Variant } from '../variants.js';

export interface ComparedRun {
  readonly variant: Variant;
  /** Absent when the run could not be made. */
  readonly checked?: CheckedRun;
  readonly error?: unknown;
  readonly row: CompareRow;
}

/** The exit code an error would give on its own, as main's error handling assigns them. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UserError) return error.code;
  if (error instanceof ScenarioError || error instanceof SourceFileError) return ExitCode.badInput;
  if (error instanceof StepBoundExceeded) return ExitCode.simulation;
  return ExitCode.internal;
}

function messageOf(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return exitCodeOf(error) === ExitCode.internal ? `engine error: ${first}` : first;
}

export function runVariant(scenarioArg: string, variant: Variant, seed: number | undefined, sustainable?: SustainableRateOptions): ComparedRun {
  try {
    const loaded = loadScenario(scenarioArg, variant.overrides);
    const scenario = seed === undefined ? loaded : { ...loaded, seed };
    const checked = simulate(scenario, seed === undefined ? {} : { seed });
    const rate = sustainable === undefined ? undefined : findSustainableRate(scenario, sustainable);
    return { variant, checked, row: compareRowOf(variant.label, variant.axes, checked, rate) };
  } catch (error) {
    return { variant, error, row: { status: 'error', label: variant.label, axes: variant.axes, error: messageOf(error) } };
  }
}

export function runVariants(scenarioArg: string, variants: readonly Variant[], seed: number | undefined, sustainable?: SustainableRateOptions): ComparedRun[] {
  return variants.map((v) => runVariant(scenarioArg, v, seed, sustainable));
}

/**
 * The bisection's range for --sustainable, the same for every row so that the rows compare (a
 * sweep of the rate itself then finds one answer): from 1 event per second to ten times the
 * scenario's own generator rate. The sustainable rate varies input.generator.rate, so a scenario
 * that reads a timeline or a file has none: a UserError (exit 2) says so before anything runs.
 */
export function sustainableOptions(scenarioArg: string, base: Scenario = loadScenario(scenarioArg)): SustainableRateOptions {
  if (base.input.kind !== 'generator') {
    throw new UserError(
      `streamsim compare --sustainable: ${base.source} reads its input from a ${base.input.kind}; the sustainable rate is found by varying input.generator.rate, so it needs a generator input`,
    );
  }
  return { lowRatePerSec: 1, highRatePerSec: base.input.generator.ratePerSec * 10, steps: SUSTAINABLE_STEPS };
}

/** Bisection steps: the answer is within (high − low) / 2^steps of the true rate, for steps + 2 runs per row. */
export const SUSTAINABLE_STEPS = 9;

export interface CompareArgs {
  readonly scenario: string;
  readonly variants: readonly Variant[];
  readonly seed?: number;
  readonly json: boolean;
  readonly csv: boolean;
  /** The swept setting, when --sweep was given: the table is followed by the trade-off chart. */
  readonly sweep?: string;
  /** Also find each row's sustainable rate (several runs per row; generator inputs only). */
  readonly sustainable?: boolean;
  /** Show the runs side by side in the terminal UI, on one shared clock, instead of the table. */
  readonly tui?: boolean;
}

/**
 * `streamsim compare --tui`: the runs side by side in the terminal UI (issue: compare engines,
 * guarantees or watermark strategies on one shared clock). Runs that could not be made are named
 * on stderr and left out; with none left, the first failure is the command's.
 */
export async function compareTuiCommand(args: CompareArgs): Promise<number> {
  const runs = runVariants(args.scenario, args.variants, args.seed);
  const made = runs.flatMap((r) => (r.checked === undefined ? [] : [{ label: r.variant.label, checked: r.checked }]));
  if (made.length === 0 && runs[0]?.error !== undefined) throw runs[0].error;
  // Loaded only here, so the plain table never pays for ink and React.
  const { runCompareTui } = await import('../../tui/run-tui.js');
  const code = await runCompareTui(made);
  const failed = runs.filter((r) => r.error !== undefined);
  for (const r of failed) process.stderr.write(`streamsim compare: ${r.variant.label} could not run: ${messageOf(r.error)}\n`);
  return failed.length === 0 ? code : exitCodeOf(failed[0]?.error);
}

export function compareCommand(args: CompareArgs): number {
  const sustainable = args.sustainable ? sustainableOptions(args.scenario) : undefined;
  const runs = runVariants(args.scenario, args.variants, args.seed, sustainable);
  const made = runs.filter((r) => r.checked !== undefined);
  // Every run failed: the first failure is the command's (a bad scenario exits 2, a bug 1).
  if (made.length === 0 && runs[0]?.error !== undefined) throw runs[0].error;
  const rows = runs.map((r) => r.row);
  const first = made[0]?.checked?.run;
  if (args.json) {
    process.stdout.write(JSON.stringify({ scenario: first?.scenario.name, seed: first?.seed, ...(args.sweep ? { sweep: args.sweep } : {}), runs: rows }, null, 2) + '\n');
  } else if (args.csv) {
    process.stdout.write(renderCompareCsv(rows));
  } else {
    const c = new Chalk({ level: colourLevel(process.stdout) });
    if (first) {
      const faults = first.failures > 0 ? ` · the same failure schedule (${first.failures} failure${first.failures === 1 ? '' : 's'})` : '';
      process.stdout.write(c.bold(`streamsim compare · ${first.scenario.name}`) + c.dim(` · seed ${first.seed} · ${runs.length} runs on the same trace${faults}`) + '\n\n');
    }
    process.stdout.write(renderCompareTable(rows, c));
    if (args.sweep !== undefined) {
      const chart = renderSweepChart(rows, c, args.sweep);
      if (chart) process.stdout.write(`\n${c.bold(`Trade-off across ${args.sweep}`)}\n${chart}`);
    }
  }
  const failed = runs.filter((r) => r.error !== undefined);
  if (failed.length === 0) return ExitCode.ok;
  process.stderr.write(`streamsim compare: ${failed.length} of ${runs.length} runs could not be made (see their rows)\n`);
  return failed.some((r) => exitCodeOf(r.error) === ExitCode.internal) ? ExitCode.internal : exitCodeOf(failed[0]?.error);
}
