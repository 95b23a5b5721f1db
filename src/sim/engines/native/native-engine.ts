/**
 * The native (per-record, pipelined) engine, Flink-like: source tasks with chained filter and map,
 * a hash shuffle by key group over channels, and window tasks with chained sinks. Records and
 * watermarks flow through the same FIFO channels; everything happens on the simulated clock.
 */
import { Prng } from '../../kernel/prng.js';
import { Scheduler } from '../../kernel/scheduler.js';
import { KeyTable } from '../../model/record.js';
import type { Scenario } from '../../scenario/types.js';
import { rulesFor } from '../../semantics/rules.js';
import { buildInput } from '../../sources/build-input.js';
import type { BuiltInput } from '../../sources/log.js';
import { ArrayTrace, type TraceSink } from '../../trace/events.js';
import { compilePipeline } from '../../operators/pipeline.js';
import { keyGroupOf, operatorIndexFor } from '../../operators/key-groups.js';
import { createWatermarkGenerator, emitIntervalMs, idleTimeoutMs } from '../../watermarks/create.js';
import { Channel } from '../channel.js';
import { CollectingSink } from '../sink.js';
import { type PartitionReader, SourceTask } from '../source-task.js';
import { WindowTask } from '../window-task.js';
import type { RunOptions, RunResult } from '../engine.js';

export function runNative(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const prng = new Prng(seed);
  const keys = new KeyTable();
  const input: BuiltInput = options.input ?? buildInput(scenario.input, prng.fork('input'), keys);
  const trace: TraceSink = options.trace ?? new ArrayTrace();
  const rules = rulesFor(scenario.semantics);
  const scheduler = new Scheduler();
  const sink = new CollectingSink(trace, options.keepPanes ?? true);
  const log = input.log;
  const { source: sourceParallelism, window: windowParallelism } = scenario.parallelism;

  const windowTasks = Array.from(
    { length: windowParallelism },
    (_, index) => new WindowTask({ index, inputs: sourceParallelism, scenario, rules, scheduler, trace, keys: log.keys, sink }),
  );
  const routeCache: number[] = [];
  const route = (key: number): number => {
    let target = routeCache[key];
    if (target === undefined) {
      target = operatorIndexFor(keyGroupOf(log.keys.name(key)), windowParallelism);
      routeCache[key] = target;
    }
    return target;
  };

  const readersByTask: PartitionReader[][] = Array.from({ length: sourceParallelism }, () => []);
  let startMs = Infinity;
  for (let p = 0; p < log.partitions; p++) {
    const cursor = log.open(p, 0);
    startMs = Math.min(startMs, cursor.peekAppendTime());
    // Partitions are spread over source tasks round-robin (KafkaSourceEnumerator with start index 0).
    (readersByTask[p % sourceParallelism] as PartitionReader[]).push({
      partition: p,
      cursor,
      generator: createWatermarkGenerator(scenario.watermark, rules, cursor),
      watermark: -Infinity,
      idle: false,
      lastActiveAt: 0,
    });
  }
  for (const step of input.scriptedWatermarks) startMs = Math.min(startMs, step.at);
  if (startMs === Infinity) startMs = 0;
  for (const readers of readersByTask) for (const r of readers) r.lastActiveAt = startMs;

  const pipeline = compilePipeline(scenario.pipeline);
  const sourceTasks = readersByTask.map((readers, index) => {
    const outputs = windowTasks.map((task) => new Channel(scheduler, scenario.channelDelayMs, task, index));
    return new SourceTask({
      index,
      scenario,
      rules,
      scheduler,
      trace,
      keys: log.keys,
      pipeline,
      readers,
      outputs,
      route,
      intervalMs: scenario.timeDomain === 'processing-time' ? undefined : emitIntervalMs(scenario.watermark),
      idleTimeoutMs: idleTimeoutMs(scenario.watermark),
      scripted: input.scriptedWatermarks,
      startMs,
    });
  });
  for (const task of sourceTasks) task.start();
  scheduler.run(scenario.maxSteps);

  return {
    engine: 'native',
    scenario,
    seed,
    keys,
    log,
    trace: trace instanceof ArrayTrace ? trace.events : [],
    panes: sink.panes,
    panesWritten: sink.written,
    endedAt: scheduler.now,
    steps: scheduler.stepsTaken,
    openWindows: windowTasks.reduce((n, t) => n + t.operator.openWindows, 0),
  };
}
