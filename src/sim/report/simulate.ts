/**
 * One complete, checked run: the engine's run, the exact answer computed independently from the
 * same log, and the checkers' verdicts. Everything the report, the UI and the tests need.
 */
import { checkRun, type CheckResult } from '../checkers/check-run.js';
import { runNative } from '../engines/native/native-engine.js';
import type { RunOptions, RunResult } from '../engines/engine.js';
import type { Scenario } from '../scenario/types.js';
import { computeTruth, type Truth } from '../truth/exact-answer.js';

export interface CheckedRun {
  readonly run: RunResult;
  readonly truth: Truth;
  readonly check: CheckResult;
}

export function simulate(scenario: Scenario, options: RunOptions = {}): CheckedRun {
  const run = runNative(scenario, options);
  const truth = computeTruth(scenario, run.log);
  const check = checkRun(scenario, run.trace, truth);
  return { run, truth, check };
}
