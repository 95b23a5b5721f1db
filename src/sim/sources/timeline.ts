/**
 * A scripted timeline, like Beam's TestStream: at each step's processing time either some events
 * are appended to the log (in the listed order, each to its own partition) or the watermark is
 * set. The events become a materialized log; the watermark steps become scripted watermarks.
 */
import { assertNever } from '../kernel/assert.js';
import type { KeyTable } from '../model/record.js';
import type { TimelineStep } from '../scenario/types.js';
import type { BuiltInput, ScriptedWatermark } from './log.js';
import { MaterializedLog, type UnplacedEntry } from './materialized-log.js';

function checkStepTimes(steps: readonly TimelineStep[]): void {
  let previous = -Infinity;
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.at)) throw new Error(`timeline: step ${i + 1} has at = ${step.at}, expected an integer time in ms`);
    // TestStream's steps happen one after another; an earlier time after a later one is a mistake in the script.
    if (step.at < previous) {
      throw new Error(`timeline: step ${i + 1} at ${step.at} ms comes after a step at ${previous} ms; steps must be in time order`);
    }
    previous = step.at;
  });
}

/** Turns timeline steps into the log (over `partitions` partitions) and the scripted watermarks. */
export function buildTimeline(steps: readonly TimelineStep[], partitions: number, keys: KeyTable): BuiltInput {
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`timeline: partitions must be a positive integer, got ${partitions}`);
  checkStepTimes(steps);
  const entries: UnplacedEntry[] = [];
  const scriptedWatermarks: ScriptedWatermark[] = [];
  steps.forEach((step, i) => {
    switch (step.kind) {
      case 'events':
        for (const event of step.events) {
          if (!Number.isInteger(event.partition) || event.partition < 0 || event.partition >= partitions) {
            throw new Error(`timeline: step ${i + 1} has an event for partition ${event.partition}, but the input has partitions 0 … ${partitions - 1}`);
          }
          entries.push({
            partition: event.partition,
            key: keys.intern(event.key),
            value: event.value,
            eventTime: event.eventTime,
            appendTime: step.at,
            marker: event.marker === true,
          });
        }
        break;
      case 'watermark':
        scriptedWatermarks.push({ at: step.at, watermark: step.watermark });
        break;
      default:
        assertNever(step, 'timeline');
    }
  });
  return { log: new MaterializedLog(partitions, keys, entries), scriptedWatermarks };
}
