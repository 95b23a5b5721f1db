/**
 * What every engine offers: run a scenario on the simulated clock and hand back the trace and the
 * panes it wrote. Engines differ in how they move data (per record, per micro-batch); the report,
 * checkers and UI read only this result.
 */
import type { KeyTable } from '../model/record.js';
import type { Pane } from '../model/pane.js';
import type { Scenario } from '../scenario/types.js';
import type { BuiltInput, PartitionedLog } from '../sources/log.js';
import type { TraceEvent, TraceSink } from '../trace/events.js';
import type { SinkSystem } from '../delivery/sink-system.js';
import type { CheckpointStats, CompletedCheckpoint } from './native/checkpoint-coordinator.js';
import type { StartPoint } from './native/native-engine.js';

export type EngineName = 'native' | 'micro-batch';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Where the trace goes; by default an in-memory array returned in the result. */
  readonly trace?: TraceSink;
  /** Keep every pane in the result (default true); benchmarks count them instead. */
  readonly keepPanes?: boolean;
  /** A prebuilt input, so several runs (or the truth) share one log. */
  readonly input?: BuiltInput;
  /** Start from a savepoint's offsets and state instead of the beginning. */
  readonly fromSavepoint?: StartPoint;
}

/** What one task did over the run, in simulated time (the busy and backpressured time of Flink's web UI). */
export interface TaskStats {
  /** As the trace and fault specs name it: source-0, window-1; a micro-batch engine names its stages. */
  readonly name: string;
  readonly records: number;
  readonly busyMs: number;
  /** Time the task had work but could not hand it on (no credit downstream). */
  readonly backpressuredMs: number;
}

export interface RunResult {
  readonly engine: EngineName;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly keys: KeyTable;
  readonly log: PartitionedLog;
  readonly trace: readonly TraceEvent[];
  readonly panes: readonly Pane[];
  readonly panesWritten: number;
  /** Simulated time when the last scheduled entry ran. */
  readonly endedAt: number;
  readonly steps: number;
  /** (key, window) states still open at the end: windows the clock never closed. */
  readonly openWindows: number;
  /** Figures of every completed checkpoint, in order. */
  readonly checkpoints: readonly CheckpointStats[];
  readonly abortedCheckpoints: readonly number[];
  /** Savepoints taken, with their state. */
  readonly savepoints: readonly CompletedCheckpoint[];
  /** The external system the job wrote to: every write, and what each reader sees when. */
  readonly sink: SinkSystem;
  readonly failures: number;
  readonly restarts: number;
  /** Per task of the job graph, summed over restarts: sources first, then unchained filter and map tasks, then window tasks. */
  readonly tasks: readonly TaskStats[];
}
