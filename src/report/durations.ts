/** Durations as people write them in scenario files: 2m, 90s, 1.5s, 250ms. */
export function formatDuration(ms: number): string {
  if (ms === Infinity) return '∞';
  if (ms === 0) return '0';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  if (ms > 1000) return `${ms / 1000}s`;
  return `${ms}ms`;
}
