/**
 * Everything in a generated scenario but its input, and the one map from draws to a Scenario
 * (`toScenario`), which applies the engines' cross-field rules rather than filtering draws.
 */
import fc from 'fast-check';
import type { Accumulation } from '../../src/sim/model/pane.js';
import type { Semantics } from '../../src/sim/model/semantics.js';
import type { AggregateKind, InputSpec, Scenario } from '../../src/sim/scenario/types.js';
import { durationMs } from './durations.js';
import { pipelineDraw, toPipeline, type PipelineDraw } from './pipeline.js';
import { DEFAULT_LATE_FIRING, toTrigger, triggerDraw, type TriggerDraw } from './triggers.js';
import { ALL_WATERMARKS, toWatermark, watermarkDraw, type WatermarkDraw, type WatermarkType } from './watermarks.js';
import { ALL_WINDOWS, toWindow, windowDraw, type WindowDraw, type WindowType } from './windows.js';

export const ALL_SEMANTICS: readonly Semantics[] = ['flink', 'beam', 'spark', 'kafka-streams'];
export const ALL_AGGREGATES: readonly AggregateKind[] = ['count', 'sum', 'min', 'max', 'avg'];
export const ALL_ACCUMULATIONS: readonly Accumulation[] = ['discarding', 'accumulating', 'accumulating-retracting'];

export interface ScenarioConstraints {
  /** Whose rules; default all four. Spark and Kafka Streams scenarios lose their triggers and lateness as their rules require. */
  readonly semantics?: readonly Semantics[];
  /** Default all four window types. */
  readonly windows?: readonly WindowType[];
  /** Default all four generated strategies. */
  readonly watermarks?: readonly WatermarkType[];
  /** Default all five aggregates. */
  readonly aggregates?: readonly AggregateKind[];
  /** Default all three modes (Kafka Streams is always accumulating). */
  readonly accumulations?: readonly Accumulation[];
  /** Early firings (count, after-first-element, aligned); default true. Late firings are always drawn. */
  readonly earlyFirings?: boolean;
  /** Allowed lateness up to 20 s; default true (false: always 0). */
  readonly lateness?: boolean;
  /** A filter and a map in the pipeline; default false (the pipeline is {}). */
  readonly pipeline?: boolean;
  /**
   * Source parallelism above the number of partitions, which leaves a source task with nothing to
   * read; default true. False caps it at the partition count (see end-of-input.test.ts: such a task
   * never sends a watermark, a known bug that would otherwise mask every other failure).
   */
  readonly emptySourceTasks?: boolean;
  /** Most events of an `events` input; default EVENTS_MAX (40). */
  readonly maxEvents?: number;
}

export interface SettingsDraw {
  readonly seed: number;
  readonly semantics: Semantics;
  readonly window: WindowDraw;
  readonly aggregate: AggregateKind;
  readonly watermark: WatermarkDraw;
  readonly trigger: TriggerDraw;
  readonly latenessMs: number;
  readonly accumulation: Accumulation;
  readonly lateData: 'drop' | 'side-output';
  readonly sourceParallelism: number;
  readonly windowParallelism: number;
  readonly channelDelayMs: number;
  readonly pipeline: PipelineDraw;
  readonly emptySourceTasks: boolean;
}

/** A seed for a PRNG that folds it to 32 bits: non-negative 31-bit values never collide. */
export function seedArb(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 0x7fff_ffff });
}

export function settingsDraw(c: ScenarioConstraints = {}): fc.Arbitrary<SettingsDraw> {
  return fc.record({
    seed: seedArb(),
    semantics: fc.constantFrom(...(c.semantics ?? ALL_SEMANTICS)),
    window: windowDraw(c.windows ?? ALL_WINDOWS),
    aggregate: fc.constantFrom(...(c.aggregates ?? ALL_AGGREGATES)),
    watermark: watermarkDraw(c.watermarks ?? ALL_WATERMARKS),
    trigger: triggerDraw(c.earlyFirings ?? true),
    latenessMs: c.lateness === false ? fc.constant(0) : durationMs(20_000),
    accumulation: fc.constantFrom(...(c.accumulations ?? ALL_ACCUMULATIONS)),
    lateData: fc.constantFrom<'drop' | 'side-output'>('drop', 'side-output'),
    sourceParallelism: fc.integer({ min: 1, max: 3 }),
    windowParallelism: fc.integer({ min: 1, max: 3 }),
    channelDelayMs: fc.integer({ min: 0, max: 50 }),
    pipeline: pipelineDraw(c.pipeline ?? false),
    emptySourceTasks: fc.constant(c.emptySourceTasks ?? true),
  });
}

/**
 * The one map from draws to a Scenario. It applies the engines' cross-field rules
 * (src/sim/scenario/rules.ts): Spark has no triggers and no allowed lateness (its watermark delay
 * is its only bound); Kafka Streams has no triggers and every update carries the whole aggregate.
 */
export function toScenario(input: InputSpec, d: SettingsDraw): Scenario {
  const triggerless = d.semantics === 'spark' || d.semantics === 'kafka-streams';
  const sourceParallelism = d.emptySourceTasks ? d.sourceParallelism : Math.min(d.sourceParallelism, partitionsOf(input));
  return {
    name: 'generated',
    description: 'a scenario drawn by a property test',
    covers: [],
    story: '',
    source: 'generated',
    seed: d.seed,
    semantics: d.semantics,
    timeDomain: 'event-time',
    input,
    pipeline: toPipeline(d.pipeline),
    window: toWindow(d.window),
    aggregate: d.aggregate,
    watermark: toWatermark(d.watermark),
    trigger: triggerless ? { late: DEFAULT_LATE_FIRING } : toTrigger(d.trigger),
    allowedLatenessMs: d.semantics === 'spark' ? 0 : d.latenessMs,
    accumulation: d.semantics === 'kafka-streams' ? 'accumulating' : d.accumulation,
    lateData: d.lateData,
    parallelism: { source: sourceParallelism, window: d.windowParallelism },
    channelDelayMs: d.channelDelayMs,
    outputMode: 'append',
    suppress: false,
    maxSteps: 5_000_000,
  };
}

function partitionsOf(input: InputSpec): number {
  switch (input.kind) {
    case 'events':
    case 'timeline':
      return input.partitions;
    case 'generator':
      return input.generator.partitions;
  }
}
