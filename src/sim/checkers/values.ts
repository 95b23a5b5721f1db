/**
 * When two aggregate values are the same. The engine adds its values in arrival order and the
 * truth in timestamp order, and a discarding consumer rebuilds an average from value × count, so
 * floating-point results can differ in the last bits: values are compared with a relative
 * tolerance. Integer inputs (the common case) compare exactly well within it.
 */
export const RELATIVE_TOLERANCE = 1e-9;

export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
