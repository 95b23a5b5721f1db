/**
 * Every default a scenario file may leave out, in one place, with the rule it follows.
 * The schema (schema.ts) and the normalizer (parse.ts) read these; nothing else invents a default.
 */
import type { Accumulation } from '../model/pane.js';
import type { Semantics } from '../model/semantics.js';
import type { AggregateKind, FiringSpec, TimeDomain } from './types.js';

export const SCENARIO_DEFAULTS = {
  description: '',
  covers: [] as readonly string[],
  story: '',
  seed: 1,
  semantics: 'flink' as Semantics,
  timeDomain: 'event-time' as TimeDomain,
  aggregate: 'sum' as AggregateKind,
  /** Flink's EventTimeTrigger without a purging wrapper keeps the window contents between firings. */
  accumulation: 'accumulating' as Accumulation,
  lateData: 'drop' as 'drop' | 'side-output',
  allowedLatenessMs: 0,
  /** Every late element fires once more, as Flink's EventTimeTrigger and Beam's default trigger do. */
  lateFiring: { type: 'count', count: 1 } as FiringSpec,
  parallelism: 1,
  channelDelayMs: 0,
  outputMode: 'append' as 'append' | 'update',
  maxSteps: 50_000_000,
} as const;

export const WINDOW_DEFAULTS = {
  /** Windows are epoch-aligned unless an offset is given (Flink's TumblingEventTimeWindows.of(size)). */
  offsetMs: 0,
} as const;

export const WATERMARK_DEFAULTS = {
  /** Flink's pipeline.auto-watermark-interval: 200 ms of processing time. */
  intervalMs: 200,
  /** Flink forMonotonousTimestamps / a punctuated generator with no bound. */
  punctuatedMaxDelayMs: 0,
  percentileSample: 1000,
} as const;

export const GENERATOR_DEFAULTS = {
  ratePerSec: 1000,
  startMs: 0,
  partitions: 1,
  keys: 1000,
  /** Values are integers uniform in [valueMin, valueMax). */
  valueMin: 0,
  valueMax: 100,
  idleFromMs: 0,
  idleUntilMs: Infinity,
} as const;

export const DISORDER_DEFAULTS = {
  /** The Pareto shape of the straggler tail; 1.5 gives a finite mean and an infinite variance. */
  heavyTailedAlpha: 1.5,
  heavyTailedMaxDelayMs: 600_000,
} as const;

export const PIPELINE_DEFAULTS = {
  multiply: 1,
  add: 0,
} as const;

/**
 * Without a `watermark` field: a timeline that scripts the watermark gets the scripted strategy;
 * anything else gets the perfect watermark, the baseline against which heuristics are judged
 * (Streaming Systems ch. 3), so a scenario that does not mention watermarks shows no late data.
 */
export const DEFAULT_UNSCRIPTED_WATERMARK = { type: 'perfect', intervalMs: WATERMARK_DEFAULTS.intervalMs } as const;
