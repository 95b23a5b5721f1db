/**
 * The micro-batch engine (Spark Structured Streaming-like) behind the common engine interface: it
 * runs the scenario as a streaming query of micro-batches (micro-batch-query.ts) and returns the
 * same RunResult as the native engine, so reports, checkers, benchmarks and the UI read it alike.
 * Spark has no Flink-style checkpoints or savepoints: its offset and commit logs and state store
 * versions are written every batch, so `checkpoints`, `abortedCheckpoints` and `savepoints` are
 * empty and the batches appear in the trace (batch-planned, batch-committed).
 */
import { Prng } from '../../kernel/prng.js';
import { KeyTable } from '../../model/record.js';
import type { Scenario } from '../../scenario/types.js';
import { buildInput } from '../../sources/build-input.js';
import { ArrayTrace } from '../../trace/events.js';
import type { RunOptions, RunResult } from '../engine.js';
import { MicroBatchQuery } from './micro-batch-query.js';

export function runMicroBatch(scenario: Scenario, options: RunOptions = {}): RunResult {
  if (options.fromSavepoint !== undefined) {
    throw new Error('micro-batch engine: resuming from a savepoint is a native-engine feature; Spark resumes from its checkpoint location');
  }
  const seed = options.seed ?? scenario.seed;
  const prng = new Prng(seed);
  const keys = new KeyTable();
  const input = options.input ?? buildInput(scenario.input, prng.fork('input'), keys);
  const trace = options.trace ?? new ArrayTrace();
  const query = new MicroBatchQuery(scenario, input, input.log.keys, trace, prng, options.keepPanes ?? true);
  query.run();
  return {
    engine: 'micro-batch',
    scenario,
    seed,
    keys: input.log.keys,
    log: input.log,
    trace: trace instanceof ArrayTrace ? trace.events : [],
    panes: query.sink.writes.map((w) => w.pane),
    panesWritten: query.sink.written,
    endedAt: query.scheduler.now,
    steps: query.scheduler.stepsTaken,
    openWindows: query.stage.openWindows,
    checkpoints: [],
    abortedCheckpoints: [],
    savepoints: [],
    sink: query.sink,
    failures: query.failures,
    restarts: query.restarts,
    tasks: query.taskStats(),
  };
}
