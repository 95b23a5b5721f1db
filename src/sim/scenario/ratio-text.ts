/**
 * Shares as scenario files write them (`5%`, `0.5%`, `0.05`), read into integer ratios, because the
 * simulator draws with `Prng.chance(ratio(n, d))` and a ratio prints and compares exactly (TigerBeetle's rule).
 * The ratio keeps the written precision and is not reduced: `5%` is 5/100, `0.5%` is 5/1000.
 */
export interface RatioText {
  readonly numerator: number;
  readonly denominator: number;
}

const PERCENT = /^(\d+)(?:\.(\d+))?\s*%$/;
const FRACTION = /^(\d+)(?:\.(\d+))?$/;

function decimalRatio(whole: string, fraction: string, scale: number): RatioText | undefined {
  const numerator = Number(whole + fraction);
  const denominator = scale * 10 ** fraction.length;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) return undefined;
  if (numerator > denominator) return undefined;
  return { numerator, denominator };
}

/**
 * A share in [0, 1] as an integer ratio: a percentage string (`"5%"` → 5/100, `"0.5%"` → 5/1000) or a
 * plain fraction (`0.05` → 5/100, `1` → 1/1). Undefined for anything else, including shares above 100%.
 */
export function parseShare(input: string | number): RatioText | undefined {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input.trim();
  const percent = PERCENT.exec(text);
  if (percent !== null) return decimalRatio(percent[1] ?? '', percent[2] ?? '', 100);
  // String(1e-7) is "1e-7", which FRACTION refuses: such a share is not one anyone writes.
  const fraction = FRACTION.exec(text);
  if (fraction !== null) return decimalRatio(fraction[1] ?? '', fraction[2] ?? '', 1);
  return undefined;
}
