/**
 * Exact percentiles of every prefix of a sequence, computed once in O(n log n): after each value
 * is inserted into a Fenwick tree over the values' ranks, the k-th smallest is found by descending
 * the tree. The cursor then reads the percentiles of "the panes so far" with one lookup.
 *
 * Percentiles use the nearest-rank definition on the sorted values: p-th = the value at rank
 * ceil(p/100 · n) (1-based), so p100 is the maximum and every reported value is a real sample.
 */
export const PERCENTILES = [50, 90, 99, 100] as const;
export type Percentile = (typeof PERCENTILES)[number];

export interface PrefixPercentiles {
  /** Number of values; prefix k (1..count) holds values[0..k). */
  readonly count: number;
  /** `at(k)` is the percentiles of the first k values, or undefined for k = 0. */
  at(k: number): Readonly<Record<Percentile, number>> | undefined;
}

export function nearestRank(p: number, n: number): number {
  return Math.max(1, Math.ceil((p / 100) * n));
}

/** Percentiles of one array, sorting a copy: the reference the prefix structure is tested against. */
export function percentilesOf(values: readonly number[]): Record<Percentile, number> | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (p: number) => sorted[nearestRank(p, sorted.length) - 1] as number;
  return { 50: pick(50), 90: pick(90), 99: pick(99), 100: pick(100) };
}

export function prefixPercentiles(values: readonly number[]): PrefixPercentiles {
  const n = values.length;
  // Rank each value by (value, position) so equal values get distinct ranks.
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const rankOf = new Int32Array(n);
  order.forEach((index, rank) => (rankOf[index] = rank + 1));
  const tree = new Int32Array(n + 1);
  let top = 1;
  while (top * 2 <= n) top *= 2;
  const kth = (k: number): number => {
    // The smallest rank r with prefix-count(r) >= k.
    let pos = 0;
    let rest = k;
    for (let step = top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && (tree[next] as number) < rest) {
        pos = next;
        rest -= tree[next] as number;
      }
    }
    return values[order[pos] as number] as number;
  };
  const table: Float64Array[] = PERCENTILES.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let r = rankOf[i] as number; r <= n; r += r & -r) tree[r] = (tree[r] as number) + 1;
    PERCENTILES.forEach((p, j) => ((table[j] as Float64Array)[i] = kth(nearestRank(p, i + 1))));
  }
  return {
    count: n,
    at(k: number) {
      if (k <= 0) return undefined;
      const i = Math.min(k, n) - 1;
      const get = (j: number) => (table[j] as Float64Array)[i] as number;
      return { 50: get(0), 90: get(1), 99: get(2), 100: get(3) };
    },
  };
}
