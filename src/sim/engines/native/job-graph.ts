/**
 * The native engine's job graph, built afresh at the start and after every restart: source tasks,
 * the unchained stateless operator tasks when chaining is off, and window tasks with their chained
 * sinks, connected by credit-based channels.
 *
 * Chaining (Flink's operator chaining, on by default): filter and map run inside the source task,
 * so a record crosses one network hop, the keyed shuffle to the window tasks. With chaining off
 * (disableOperatorChaining()) each of them is a task of its own with the source's parallelism,
 * connected one-to-one (forward), and each connection is a hop with serialisation, buffering,
 * credit and latency. The sink stays chained to the window operator in both cases: the
 * two-phase-commit sink pre-commits on the window task's snapshot (barrier-alignment.ts).
 */
import type { Scheduler } from '../../kernel/scheduler.js';
import type { EngineRules } from '../../semantics/rules.js';
import type { BuiltInput } from '../../sources/log.js';
import type { TraceSink } from '../../trace/events.js';
import type { CompiledPipeline } from '../../operators/pipeline.js';
import { operatorIndexFor } from '../../operators/key-groups.js';
import type { Scenario } from '../../scenario/types.js';
import { createWatermarkGenerator, emitIntervalMs, idleTimeoutMs } from '../../watermarks/create.js';
import { Channel, type ChannelReceiver, type ChannelSender } from '../channel.js';
import type { TaskStats } from '../engine.js';
import type { TaskCosts } from './costs.js';
import type { StartPoint } from './native-engine.js';
import { NativeOperatorTask } from './operator-task.js';
import { NativeSourceTask, type PartitionReader } from './source-task.js';
import { NativeWindowTask, type WindowTaskHost } from './window-task.js';

export interface Graph {
  readonly sources: NativeSourceTask[];
  /** Unchained filter and map tasks, stage by stage (filter-0, filter-1, map-0, map-1); empty when chained. */
  readonly operators: NativeOperatorTask[];
  readonly windows: NativeWindowTask[];
  readonly channels: Channel[];
}

export interface GraphContext {
  readonly scenario: Scenario;
  readonly rules: EngineRules;
  readonly scheduler: Scheduler;
  readonly trace: TraceSink;
  readonly input: BuiltInput;
  readonly pipeline: CompiledPipeline;
  readonly costs: TaskCosts;
  /** First instant of the job: periodic watermark emission is aligned to it. */
  readonly startMs: number;
  readonly windowHost: WindowTaskHost;
  /** The window task of a key (by key group). */
  route(key: number): number;
  onSourceRecord(task: number, now: number): void;
}

/** What a source task runs when filter and map are tasks of their own. */
const IDENTITY_PIPELINE: CompiledPipeline = { filters: false, keep: () => true, map: (v) => v };

export function buildGraph(ctx: GraphContext, now: number, start: StartPoint): Graph {
  const sc = ctx.scenario;
  const wp = sc.parallelism.window;
  const log = ctx.input.log;
  const checkpoints = sc.faultTolerance?.checkpoints;
  const windows = Array.from(
    { length: wp },
    (_, index) =>
      new NativeWindowTask({
        index,
        scenario: sc,
        rules: ctx.rules,
        scheduler: ctx.scheduler,
        trace: ctx.trace,
        keys: log.keys,
        checkpointMode: checkpoints?.mode ?? 'aligned',
        alignedTimeoutMs: checkpoints?.alignedTimeoutMs,
        recordCostUs: ctx.costs.windowRecordUs,
        sinkCostUs: ctx.costs.sinkRecordUs,
        snapshotUsPerEntry: ctx.costs.snapshotUsPerEntry,
        host: ctx.windowHost,
      }),
  );
  const readers = partitionReaders(ctx, now, start);
  const stages = ctx.costs.stages;
  const chained = stages.length === 0;
  const channels: Channel[] = [];
  const connect = (sender: ChannelSender, receiver: ChannelReceiver, index: number): Channel => {
    const ch = new Channel(ctx.scheduler, ctx.costs.channel, receiver, sender, index);
    channels.push(ch);
    return ch;
  };
  const windowInputs: Channel[][] = windows.map(() => []);
  /** The last task before the shuffle connects to every window task; its input index is its subtask index. */
  const shuffleOutputs = (sender: ChannelSender, index: number): Channel[] =>
    windows.map((w, wi) => {
      const ch = connect(sender, w, index);
      (windowInputs[wi] as Channel[]).push(ch);
      return ch;
    });
  const operators: NativeOperatorTask[] = [];
  const sources = readers.map((rs, index) => {
    const outputs: Channel[] = [];
    const source = new NativeSourceTask({
      index,
      scenario: sc,
      rules: ctx.rules,
      scheduler: ctx.scheduler,
      trace: ctx.trace,
      keys: log.keys,
      pipeline: chained ? ctx.pipeline : IDENTITY_PIPELINE,
      readers: rs,
      outputs,
      route: chained ? (key) => ctx.route(key) : () => 0,
      intervalMs: sc.timeDomain === 'processing-time' ? undefined : emitIntervalMs(sc.watermark),
      idleTimeoutMs: idleTimeoutMs(sc.watermark),
      scripted: ctx.input.scriptedWatermarks,
      startMs: ctx.startMs,
      recordCostUs: ctx.costs.sourceRecordUs,
      emitCostUs: ctx.costs.sourceEmitUs,
      inlineBarriers: !chained,
      onRecord: (task, at) => ctx.onSourceRecord(task, at),
    });
    // The chain of forward hops behind this source: source → filter → map → shuffle.
    let upstream: ChannelSender = source;
    let upstreamOutputs = outputs;
    stages.forEach((costs, s) => {
      const last = s === stages.length - 1;
      const taskOutputs: Channel[] = [];
      const task = new NativeOperatorTask({
        kind: costs.kind,
        index,
        scheduler: ctx.scheduler,
        trace: ctx.trace,
        keys: log.keys,
        pipeline: ctx.pipeline,
        costs,
        outputs: taskOutputs,
        route: last ? (key) => ctx.route(key) : () => 0,
        priorityBarriers: last,
      });
      const input = connect(upstream, task, 0);
      upstreamOutputs.push(input);
      task.connect(input);
      operators.push(task);
      upstream = task;
      upstreamOutputs = taskOutputs;
    });
    upstreamOutputs.push(...shuffleOutputs(upstream, index));
    return source;
  });
  windows.forEach((w, i) => w.connect(windowInputs[i] as Channel[]));
  if (start.operator) {
    const snapshot = start.operator;
    windows.forEach((w) => {
      const inFlight = (start.inFlight ?? []).filter((r) => ctx.route(r.entry.key) === w.index);
      w.restore(snapshot, (e) => operatorIndexFor(e.keyGroup, wp) === w.index, inFlight, now);
    });
  }
  // Operator tasks were created source by source; list them stage by stage, as Flink's web UI does.
  operators.sort((a, b) => stages.findIndex((s) => s.kind === a.kind) - stages.findIndex((s) => s.kind === b.kind) || a.index - b.index);
  return { sources, operators, windows, channels };
}

/** Partitions are spread over source tasks round-robin (KafkaSourceEnumerator with start index 0). */
function partitionReaders(ctx: GraphContext, now: number, start: StartPoint): PartitionReader[][] {
  const sc = ctx.scenario;
  const log = ctx.input.log;
  const offsetOf = new Map(start.offsets.map((o) => [o.partition, o.offset]));
  const readers: PartitionReader[][] = Array.from({ length: sc.parallelism.source }, () => []);
  for (let p = 0; p < log.partitions; p++) {
    const cursor = log.open(p, offsetOf.get(p) ?? 0);
    (readers[p % sc.parallelism.source] as PartitionReader[]).push({
      partition: p,
      cursor,
      generator: createWatermarkGenerator(sc.watermark, ctx.rules, cursor),
      watermark: -Infinity,
      idle: false,
      lastActiveAt: now,
      outageUntil: 0,
    });
  }
  return readers;
}

/** Every task's figures, sources first, then the unchained operators stage by stage, then the window tasks. */
export function graphStats(g: Graph): TaskStats[] {
  return [
    ...g.sources.map((t, i) => ({ name: `source-${i}`, records: t.recordsRead, busyMs: t.meter.busyMs, backpressuredMs: t.backpressuredMs })),
    ...g.operators.map((t) => ({ name: t.name, records: t.recordsProcessed, busyMs: t.meter.busyMs, backpressuredMs: t.backpressuredMs })),
    ...g.windows.map((t) => ({ name: `window-${t.index}`, records: t.recordsProcessed, busyMs: t.meter.busyMs, backpressuredMs: 0 })),
  ];
}

/** Adds the figures of a restarted graph to those of the graphs before it (same shape every time). */
export function addStats(a: readonly TaskStats[], b: readonly TaskStats[]): TaskStats[] {
  if (a.length === 0) return [...b];
  return b.map((t, i) => {
    const o = a[i] as TaskStats;
    return { name: t.name, records: o.records + t.records, busyMs: o.busyMs + t.busyMs, backpressuredMs: o.backpressuredMs + t.backpressuredMs };
  });
}
