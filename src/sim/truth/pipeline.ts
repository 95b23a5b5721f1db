/**
 * The stateless part of the pipeline, as the truth applies it: filter, then map.
 *
 * Order rule (the engine follows the same): the filter sees the RAW value as it is in the log, and
 * only the events it keeps are mapped (value × multiply + add). So `valueMin`/`valueMax` are bounds
 * on the input, never on the mapped value.
 */
import type { PipelineSpec } from '../scenario/types.js';

export type KeyParity = 'even' | 'odd';

/**
 * The parity of the integer a key name ends with (`k42` → even, `user7` → odd). A name without a
 * trailing digit has no parity, so it fails either parity filter.
 */
export function keyParity(name: string): KeyParity | null {
  const last = name.charCodeAt(name.length - 1);
  const zero = 48;
  if (Number.isNaN(last) || last < zero || last > zero + 9) return null;
  // The parity of an integer is the parity of its last decimal digit, however long the number is.
  return (last - zero) % 2 === 0 ? 'even' : 'odd';
}

export type EventFilter = (key: string, rawValue: number) => boolean;

/** Builds the filter once: `[valueMin, valueMax)` on the raw value, key parity, key list; every set condition must hold. */
export function compileFilter(filter: PipelineSpec['filter']): EventFilter {
  if (filter === undefined) return () => true;
  const { valueMin, valueMax, keyParity: parity } = filter;
  const keys = filter.keys === undefined ? undefined : new Set(filter.keys);
  return (key, rawValue) => {
    if (valueMin !== undefined && rawValue < valueMin) return false;
    if (valueMax !== undefined && rawValue >= valueMax) return false;
    if (parity !== undefined && keyParity(key) !== parity) return false;
    if (keys !== undefined && !keys.has(key)) return false;
    return true;
  };
}

/** value × multiply + add; the identity when the pipeline has no map. */
export function applyMap(map: PipelineSpec['map'], value: number): number {
  return map === undefined ? value : value * map.multiply + map.add;
}
