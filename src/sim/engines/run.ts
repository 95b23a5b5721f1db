/**
 * Runs a scenario on the engine named. Every engine takes the same scenario and options and returns
 * the same RunResult, so reports, checkers, benchmarks and the UI do not care which one ran.
 */
import type { EngineName, RunOptions, RunResult } from './engine.js';
import { runNative } from './native/native-engine.js';
import { runMicroBatch } from './micro-batch/micro-batch-engine.js';
import type { Scenario } from '../scenario/types.js';
import { assertNever } from '../kernel/assert.js';

export function runEngine(engine: EngineName, scenario: Scenario, options: RunOptions = {}): RunResult {
  switch (engine) {
    case 'native':
      return runNative(scenario, options);
    case 'micro-batch':
      return runMicroBatch(scenario, options);
    default:
      return assertNever(engine, 'runEngine');
  }
}
