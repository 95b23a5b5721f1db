import type { RunOptions, RunResult } from '../engine.js';
import type { Scenario } from '../../scenario/types.js';

export function runMicroBatch(_scenario: Scenario, _options: RunOptions = {}): RunResult {
  throw new Error('micro-batch engine: under construction in this change');
}
