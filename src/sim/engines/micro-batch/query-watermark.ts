/**
 * The watermark of a micro-batch query (Spark's WatermarkTracker over EventTimeWatermarkExec).
 *
 * withWatermark(col, delay): every batch tracks the largest event time it saw; at the END of batch
 * N the watermark becomes max event time seen − delay, and batch N+1 APPLIES it (late-data
 * filtering and state eviction in batch N+1 use it; SEMANTICS.md ⚑). It never goes back.
 *
 * Each partition feeds the scenario's watermark generator (bounded out-of-orderness = the
 * withWatermark delay; the rule book says maxSeen − B for Spark, maxSeen − B − 1 for Flink), and
 * the partitions combine as the rule book says: Spark's max is one global "max event time over
 * all data − delay"; Flink's and Beam's min is their per-split watermark. Other strategies:
 * - perfect: the oracle is asked at the end of each batch for the smallest event time not yet
 *   planned; it speaks for the whole input, so it combines by min under every rule book (a max of
 *   per-partition oracles would not be perfect);
 * - scripted: a timeline step at time t is observed by the first batch planned at or after t, as
 *   that batch observes the data appended by then, and like a watermark computed from data it
 *   applies from the next batch on (so data arriving with the step is judged by the watermark
 *   before it, as in the native engine, where a source reads its data before the step);
 * - idleness (withIdleness, min combine only): a partition that had no data for the timeout is
 *   left out of the minimum, measured at batch ends.
 * At the end of a bounded input, a rule book that flushes (Flink, Beam) moves the watermark to +∞,
 * as the native engine's final watermark does; Spark's does not, so its last windows stay open.
 */
import type { Scenario } from '../../scenario/types.js';
import type { EngineRules } from '../../semantics/rules.js';
import type { LogCursor, ScriptedWatermark } from '../../sources/log.js';
import type { TraceSink } from '../../trace/events.js';
import type { WatermarkGenerator } from '../../watermarks/generator.js';
import { createWatermarkGenerator, idleTimeoutMs } from '../../watermarks/create.js';

export interface QueryWatermarkConfig {
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly trace: TraceSink;
  readonly scripted: readonly ScriptedWatermark[];
  /** The planner's cursor of each partition (the perfect watermark asks it what is still to come). */
  readonly cursorOf: (partition: number) => LogCursor;
  readonly partitions: number;
}

export class QueryWatermark {
  private readonly generators: WatermarkGenerator[];
  /** Each partition's estimate, monotone. */
  readonly partitionWatermarks: number[];
  private readonly lastActiveAt: number[];
  private readonly idle: boolean[];
  private readonly useMin: boolean;
  private readonly idleTimeout: number | undefined;
  /** The watermark the next batch applies. */
  current = -Infinity;

  constructor(private readonly cfg: QueryWatermarkConfig, restored: { readonly watermark: number; readonly partitions: readonly number[] } | undefined, now: number) {
    const spec = cfg.scenario.watermark;
    this.generators = Array.from({ length: cfg.partitions }, (_, p) => createWatermarkGenerator(spec, cfg.rules, cfg.cursorOf(p)));
    this.partitionWatermarks = Array.from({ length: cfg.partitions }, (_, p) => restored?.partitions[p] ?? -Infinity);
    this.lastActiveAt = Array.from({ length: cfg.partitions }, () => now);
    this.idle = Array.from({ length: cfg.partitions }, () => false);
    this.useMin = spec.type === 'perfect' || cfg.rules.combineInputs === 'min';
    this.idleTimeout = this.useMin ? idleTimeoutMs(spec) : undefined;
    this.current = restored?.watermark ?? -Infinity;
  }

  /** A record of `partition` with its windowing timestamp, read by a batch at `now`. */
  onRecord(partition: number, timestamp: number, now: number, marker: boolean): void {
    this.lastActiveAt[partition] = now;
    if (this.idle[partition]) this.setIdle(partition, false, now);
    const punctuated = (this.generators[partition] as WatermarkGenerator).onEvent(timestamp, now, marker);
    if (punctuated !== undefined) this.advancePartition(partition, punctuated, now);
  }

  /**
   * The end of a batch: the watermark the next batch applies. `inputEnded` when every partition
   * is exhausted and the script is over. The generators are asked only after a batch that read
   * data, as Spark's EventTimeWatermarkExec learns only from rows: otherwise a generator that
   * moves with processing time alone (percentile) would call for no-data batches forever.
   */
  endOfBatch(now: number, plannedAt: number, inputEnded: boolean, readData: boolean): number {
    this.generators.forEach((g, p) => {
      if (this.idleTimeout !== undefined && !this.idle[p] && now - (this.lastActiveAt[p] as number) >= this.idleTimeout) this.setIdle(p, true, now);
      if (readData) this.advancePartition(p, g.onPeriodicEmit(now), now);
    });
    let candidate = Math.max(this.combine(), this.scriptedAt(plannedAt));
    if (inputEnded && this.cfg.rules.flushesAtEndOfInput && this.cfg.scenario.watermark.type !== 'scripted') candidate = Infinity;
    if (candidate > this.current) this.current = candidate;
    return this.current;
  }

  /** The scripted watermark a batch planned at `now` observes: the last timeline step at or before it. */
  scriptedAt(now: number): number {
    let w = -Infinity;
    for (const step of this.cfg.scripted) if (step.at <= now && step.watermark > w) w = step.watermark;
    return w;
  }

  /** A scripted step at or before `now` that no batch has observed yet: a no-data batch has a watermark to move. */
  scriptPending(now: number): boolean {
    return this.scriptedAt(now) > this.current;
  }

  /** The first scripted step after `now`, when a batch will have a watermark to move. */
  nextScriptedAfter(now: number): number {
    let at = Infinity;
    for (const step of this.cfg.scripted) if (step.at > now && step.watermark > this.current) at = Math.min(at, step.at);
    return at;
  }

  private combine(): number {
    let combined = this.useMin ? Infinity : -Infinity;
    let active = 0;
    this.partitionWatermarks.forEach((w, p) => {
      if (this.idle[p]) return;
      active++;
      combined = this.useMin ? Math.min(combined, w) : Math.max(combined, w);
    });
    return active === 0 ? -Infinity : combined;
  }

  private advancePartition(p: number, candidate: number, now: number): void {
    if (!(candidate > (this.partitionWatermarks[p] as number))) return;
    this.partitionWatermarks[p] = candidate;
    if (this.cfg.trace.detailed) this.cfg.trace.emit({ type: 'watermark-advanced', at: now, scope: 'partition', id: p, watermark: candidate });
  }

  private setIdle(p: number, idle: boolean, now: number): void {
    this.idle[p] = idle;
    this.cfg.trace.emit({ type: 'partition-idle', at: now, partition: p, idle });
  }
}
