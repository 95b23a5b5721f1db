/**
 * One complete, checked run: the engine's run, the exact answer computed independently from the
 * same log, and the checkers' verdicts. Everything the report, the UI and the tests need.
 */
import { abortedPanes } from '../checkers/aborted-panes.js';
import { checkRun, type CheckResult } from '../checkers/check-run.js';
import type { RestoredStart, RestoredWindowState } from '../checkers/restored-start.js';
import type { StartPoint } from '../engines/native/native-engine.js';
import { heldBeforeSavepoint } from '../savepoint/resume.js';
import { keyWindowId } from '../truth/ids.js';
import { runEngine } from '../engines/run.js';
import type { EngineName, RunOptions, RunResult } from '../engines/engine.js';
import type { Scenario } from '../scenario/types.js';
import { computeLedger, type Ledger } from '../delivery/ledger.js';
import type { ReaderView } from '../delivery/sink-system.js';
import { computeTruth, type Truth } from '../truth/exact-answer.js';

export interface CheckedRun {
  readonly run: RunResult;
  readonly truth: Truth;
  readonly check: CheckResult;
  /**
   * For a scenario with faults: each reader's ledger against the failure-free run of the same
   * trace; the first is the sink's default reader.
   */
  readonly ledger: readonly Ledger[];
}

/** The scenario without its faults: the baseline a ledger compares with. */
export function withoutFaults(scenario: Scenario): Scenario {
  const ft = scenario.faultTolerance;
  if (ft === undefined) return scenario;
  const { randomFaults: _random, ...rest } = ft;
  return { ...scenario, faultTolerance: { ...rest, faults: [] } };
}

export function hasFaults(scenario: Scenario): boolean {
  const ft = scenario.faultTolerance;
  return ft !== undefined && (ft.faults.length > 0 || (ft.randomFaults !== undefined && ft.randomFaults.crashes + ft.randomFaults.jobFailures > 0));
}

export function engineOf(scenario: Scenario): EngineName {
  return scenario.engine?.type ?? 'native';
}

/**
 * What a resumed run started from, for the checkers: the saved offsets and each restored window's
 * contents, with what the earlier job's panes had left a reader holding (heldBeforeSavepoint).
 */
export function restoredStartOf(scenario: Scenario, from: StartPoint | undefined): RestoredStart | undefined {
  if (from === undefined) return undefined;
  const windows = new Map<string, RestoredWindowState>();
  for (const entry of from.operator?.windows ?? []) {
    const window = { start: entry.start, end: entry.end };
    windows.set(keyWindowId(entry.key, window), { key: entry.key, window, contents: entry.total, held: heldBeforeSavepoint(entry, scenario) });
  }
  return { offsets: new Map(from.offsets.map((o) => [o.partition, o.offset])), windows };
}

export function simulate(scenario: Scenario, options: RunOptions = {}): CheckedRun {
  const engine = engineOf(scenario);
  const run = runEngine(engine, scenario, options);
  const truth = computeTruth(scenario, run.log);
  const reader = { aborted: abortedPanes(run.trace, run.sink.writes), upsert: run.sink.kind === 'idempotent' };
  const check = checkRun(scenario, run.trace, truth, reader, restoredStartOf(scenario, options.fromSavepoint));
  let ledger: Ledger[] = [];
  if (hasFaults(scenario)) {
    const baseline = runEngine(engine, withoutFaults(scenario), { ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    const views: ReaderView[] = [run.sink.defaultView()];
    for (const r of scenario.faultTolerance?.delivery.readers ?? []) if (!views.includes(r)) views.push(r);
    ledger = views.map((v) => computeLedger(run.sink, baseline.sink, v));
  }
  return { run, truth, check, ledger };
}
