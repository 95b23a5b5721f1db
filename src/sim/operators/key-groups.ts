/**
 * Hash partitioning by key as Flink does it: the key's Java hashCode, spread by murmur, picks one of
 * `maxParallelism` key groups (default 128), and key groups map to operator instances in contiguous
 * ranges (KeyGroupRangeAssignment). Key groups are what make rescaling from a savepoint possible.
 */
import type { KeyTable } from '../model/record.js';

export const DEFAULT_MAX_PARALLELISM = 128;

/** java.lang.String.hashCode. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.flink.util.MathUtils.murmurHash: one round of murmur3 over an int, made non-negative. */
export function murmurHash(code: number): number {
  let h = Math.imul(code, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >= 0 ? h : h === -2147483648 ? 0 : -h;
}

export function keyGroupOf(keyName: string, maxParallelism = DEFAULT_MAX_PARALLELISM): number {
  return murmurHash(javaStringHash(keyName)) % maxParallelism;
}

/** KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup. */
export function operatorIndexFor(keyGroup: number, parallelism: number, maxParallelism = DEFAULT_MAX_PARALLELISM): number {
  return Math.floor((keyGroup * parallelism) / maxParallelism);
}

/**
 * Where a keyed stream sends each key: its name hashed to a key group, the group to one of
 * `parallelism` tasks (Flink's KeyGroupStreamPartitioner), worked out once per key.
 */
export class KeyRouter {
  private readonly cache: number[] = [];

  constructor(
    private readonly keys: KeyTable,
    private readonly parallelism: number,
  ) {}

  route(key: number): number {
    let target = this.cache[key];
    if (target === undefined) {
      target = operatorIndexFor(keyGroupOf(this.keys.name(key)), this.parallelism);
      this.cache[key] = target;
    }
    return target;
  }
}
