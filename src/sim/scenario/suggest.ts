/**
 * "Did you mean …?" for misspelt field names and keywords: the closest candidate by edit distance,
 * after folding case and separators, so `max_delay`, `maxdelay` and `maxDelya` all find `maxDelay`.
 */

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), since
 * `flnik` for `flink` is one slip of the fingers, not two.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    const up = rows[i - 1] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The candidate `word` most likely meant, or undefined when none is close: at most a third of the
 * letters wrong (one for short words), or a clear prefix such as `afterFirst` for `afterFirstElement`.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = fold(word);
  if (w === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = fold(candidate);
    const distance = editDistance(w, c);
    const limit = Math.max(1, Math.floor(c.length / 3));
    const prefix = w.length >= 4 && c.startsWith(w);
    const score = prefix ? 0.5 : distance <= limit ? distance : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` (did you mean "size"?)`, or the empty string when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === undefined ? '' : ` (did you mean "${s}"?)`;
}
