/** Sparklines: one block character per bucket, scaled to a fixed maximum so the line does not jump as it grows. */
const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** `undefined` buckets (the future) are blank; zero is the lowest block. */
export function sparkline(values: readonly (number | undefined)[], max: number): string {
  return values
    .map((v) => {
      if (v === undefined) return ' ';
      if (v <= 0 || max <= 0) return LEVELS[0];
      const level = Math.max(1, Math.min(LEVELS.length - 1, Math.ceil((v / max) * (LEVELS.length - 1))));
      return LEVELS[level] ?? LEVELS[0];
    })
    .join('');
}
