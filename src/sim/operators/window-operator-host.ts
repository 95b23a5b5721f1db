/**
 * The window operator's boundary: what the task running it gives it (WindowOperatorConfig) and what
 * it asks of that task (WindowOperatorHost): where panes go, and processing-time timers, which the
 * task's clock drives (Flink's InternalTimerService for processing time).
 */
import type { KeyTable } from '../model/record.js';
import type { Pane } from '../model/pane.js';
import type { Scenario } from '../scenario/types.js';
import type { EngineRules } from '../semantics/rules.js';
import type { TraceSink } from '../trace/events.js';
import type { WindowState } from './window-state.js';

export type FiringPhase = 'early' | 'late';

export interface WindowOperatorHost {
  /** Where panes go (the sink chained to this operator). */
  emit(pane: Pane, clock: number): void;
  /** Sets a processing-time timer that calls onProcessingTimer(ws, phase, firings) at `at`. */
  registerProcessingTimer(at: number, ws: WindowState, phase: FiringPhase, firings: number): void;
}

export interface WindowOperatorConfig {
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly keys: KeyTable;
  readonly task: number;
  readonly trace: TraceSink;
  readonly host: WindowOperatorHost;
  /**
   * Stream slicing for sliding windows (slice-store.ts), on by default where it applies
   * (sliced-windows.ts slicingApplies). Off keeps one accumulator per window: the reference the
   * slicing tests compare with. Either way the panes and the trace are the same.
   */
  readonly slicing?: boolean;
}
