/**
 * Validation of a GeneratorSpec at the boundary, with messages that name the misused field. The
 * key distribution, the disorder model and the rate profile validate their own parts when compiled.
 */
import type { GeneratorSpec } from '../scenario/types.js';

function isInteger(x: number, min: number): boolean {
  return Number.isInteger(x) && x >= min;
}

function checkPartitionRef(what: string, partition: number, partitions: number): void {
  if (!isInteger(partition, 0) || partition >= partitions) {
    throw new Error(`generator: ${what}.partition must be an integer in [0, ${partitions}), got ${partition}`);
  }
}

function checkOptionalParts(spec: GeneratorSpec): void {
  const { laggingPartition: lagging, idlePartition: idle, markerEvery } = spec;
  if (lagging !== undefined) {
    checkPartitionRef('laggingPartition', lagging.partition, spec.partitions);
    if (!isInteger(lagging.lagMs, 0)) throw new Error(`generator: laggingPartition.lagMs must be a non-negative integer, got ${lagging.lagMs}`);
  }
  if (idle !== undefined) {
    checkPartitionRef('idlePartition', idle.partition, spec.partitions);
    if (!Number.isInteger(idle.fromMs)) throw new Error(`generator: idlePartition.fromMs must be an integer, got ${idle.fromMs}`);
    if (!(Number.isInteger(idle.untilMs) || idle.untilMs === Infinity) || idle.untilMs < idle.fromMs) {
      throw new Error(`generator: idlePartition.untilMs must be an integer ≥ fromMs (${idle.fromMs}) or Infinity, got ${idle.untilMs}`);
    }
  }
  if (markerEvery !== undefined && !isInteger(markerEvery, 1)) {
    throw new Error(`generator: markerEvery must be a positive integer, got ${markerEvery}`);
  }
}

/** Throws on the first field of `spec` that is out of range. */
export function validateGeneratorSpec(spec: GeneratorSpec): void {
  if (!isInteger(spec.events, 0)) throw new Error(`generator: events must be a non-negative integer, got ${spec.events}`);
  if (!isInteger(spec.partitions, 1)) throw new Error(`generator: partitions must be a positive integer, got ${spec.partitions}`);
  if (!isInteger(spec.keys, 1)) throw new Error(`generator: keys must be a positive integer, got ${spec.keys}`);
  if (!Number.isInteger(spec.valueMin) || !Number.isInteger(spec.valueMax) || spec.valueMax <= spec.valueMin) {
    throw new Error(`generator: values are drawn from [valueMin, valueMax), so both must be integers with valueMax > valueMin, got [${spec.valueMin}, ${spec.valueMax})`);
  }
  checkOptionalParts(spec);
}
