/**
 * "Did you mean …?" for misspelt field names and keywords: the closest candidate by edit distance,
 * after folding case and separators, so `max_delay`, `maxdelay` and `maxDelya` all find `maxDelay`.
 */

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance with one row of memory. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
