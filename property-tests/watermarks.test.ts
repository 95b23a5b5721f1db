/**
 * Watermarks never go backwards in any operator (SEMANTICS.md, "Watermarks"): per (scope, id),
 * in every run, whatever the strategy, parallelism or semantics; and the checker agrees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TraceEvent } from '../src/sim/trace/events.js';
import { scenarioArb } from './arbitraries.js';
import { assertCheckerSeesNoWatermarkRegression, assertWatermarksMonotone, runLaw } from './laws.js';
import { checkProperty } from './replay.js';

test('watermarks: never regress per (scope, id), and the checker finds no violation', (t) => {
  checkProperty(
    runLaw(
      scenarioArb(),
      (r) => assertWatermarksMonotone(r.run.trace),
      (r) => assertCheckerSeesNoWatermarkRegression(r.check),
    ),
    { file: import.meta.url, test: t },
  );
});

/**
 * Under the watermark-driven engines, no watermark claims more than its inputs: a source task's
 * is at most the smallest of its partitions' (WatermarkOutputMultiplexer), and a window task's at
 * most the smallest of the source tasks' (StatusWatermarkValve). No idle timeout is configured, so
 * every input counts.
 */
function assertWatermarksBoundedByInputs(trace: readonly TraceEvent[], partitionsOfTask: (task: number) => number[], sourceTasks: number): void {
  const partition = new Map<number, number>();
  const source = new Map<number, number>();
  trace.forEach((e, index) => {
    if (e.type !== 'watermark-advanced') return;
    if (e.scope === 'partition') partition.set(e.id, e.watermark);
    else if (e.scope === 'source') {
      source.set(e.id, e.watermark);
      for (const p of partitionsOfTask(e.id)) {
        assert.ok(e.watermark <= (partition.get(p) ?? -Infinity), `source task ${e.id} at ${e.watermark} ahead of partition ${p} at ${partition.get(p) ?? -Infinity} (trace #${index})`);
      }
    } else {
      for (let t = 0; t < sourceTasks; t++) {
        assert.ok(e.watermark <= (source.get(t) ?? -Infinity), `window task ${e.id} at ${e.watermark} ahead of source task ${t} at ${source.get(t) ?? -Infinity} (trace #${index})`);
      }
    }
  });
}

test('watermarks (Flink, Beam): a source task never ahead of its partitions, a window task never ahead of a source task', (t) => {
  checkProperty(
    runLaw(scenarioArb({ semantics: ['flink', 'beam'], emptySourceTasks: false }), ({ run }, s) => {
      const tasks = s.parallelism.source;
      // Partitions go to source tasks round-robin (KafkaSourceEnumerator with start index 0).
      const partitionsOfTask = (task: number): number[] => Array.from({ length: run.log.partitions }, (_, p) => p).filter((p) => p % tasks === task);
      assertWatermarksBoundedByInputs(run.trace, partitionsOfTask, tasks);
    }),
    { file: import.meta.url, test: t },
  );
});
