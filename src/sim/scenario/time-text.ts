/**
 * Times and durations as scenario files write them, read into integer milliseconds.
 *
 * Accepted forms:
 *   - an integer number: milliseconds (`500`, `-200`);
 *   - a digit string: milliseconds (`"500"`);
 *   - a number with a unit, or several (`"500ms"`, `"90s"`, `"1.5s"`, `"2m"`, `"1h"`, `"1m30s"`);
 *     units are ms, s, m, h and d, and the total must be a whole number of milliseconds;
 *   - a clock time, milliseconds since midnight (`"12:00:26"`, `"9:05:00"`, `"12:00:26.250"`).
 *
 * Anything else is `undefined`, never a guess: the caller turns it into an error that names the field.
 * Arithmetic is exact (BigInt over the decimal digits), so `"1.1s"` is 1100 and not 1100.0000000000002.
 *
 * Costs are the exception: they are microseconds, fractions allowed (parseMicroseconds, at the end).
 */

const UNIT_MS: Readonly<Record<string, bigint>> = { ms: 1n, s: 1000n, m: 60_000n, h: 3_600_000n, d: 86_400_000n };

const DIGITS = /^-?\d+$/;
/** One or more `<decimal><unit>` terms, e.g. `1h30m` or `1.5 s`; `ms` is tried before `m`. */
const TERM = /(\d+)(?:\.(\d+))?\s*(ms|s|m|h|d)/y;
const CLOCK = /^(\d{1,3}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/;

function toSafeNumber(ms: bigint): number | undefined {
  const n = Number(ms);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `"1.5s"` → 1500; `"1h30m"` → 5400000; undefined unless every character belongs to a term. */
function parseUnits(text: string): number | undefined {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1).trimStart() : text;
  if (body === '') return undefined;
  let total = 0n;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < body.length) {
    const at = TERM.lastIndex;
    const m = TERM.exec(body);
    if (m === null || m.index !== at) return undefined;
    const [, whole = '', fraction = '', unit = ''] = m;
    const scale = 10n ** BigInt(fraction.length);
    const scaled = (BigInt(whole) * scale + BigInt(fraction === '' ? '0' : fraction)) * (UNIT_MS[unit] ?? 0n);
    // A fraction that does not land on a whole millisecond ("1.0005s") is not a time streamsim can hold.
    if (scaled % scale !== 0n) return undefined;
    total += scaled / scale;
    // Allow spaces between terms: "1m 30s".
    while (body[TERM.lastIndex] === ' ') TERM.lastIndex++;
  }
  return toSafeNumber(negative ? -total : total);
}

/** `"12:00:26.250"` → 43226250 (milliseconds since midnight). */
function parseClock(text: string): number | undefined {
  const m = CLOCK.exec(text);
  if (m === null) return undefined;
  const [, h = '0', min = '0', s = '0', fraction = ''] = m;
  // ".25" means 250 ms, as a decimal fraction of a second does.
  const millis = fraction === '' ? 0 : Number(fraction.padEnd(3, '0'));
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + millis;
}

/** True when `text` is written as a clock time (so a caller can reject it where a duration belongs). */
export function isClockText(text: string): boolean {
  return CLOCK.test(text.trim());
}

/**
 * A time or a signed duration in integer milliseconds, or undefined when `input` is none of the
 * accepted forms (see the file comment). Numbers must be integers: `1.5` is ambiguous, `"1.5s"` is not.
 */
export function parseTime(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (text === '') return undefined;
  if (DIGITS.test(text)) return toSafeNumber(BigInt(text));
  if (text.includes(':')) return parseClock(text);
  return parseUnits(text);
}

/**
 * A non-negative duration in integer milliseconds. Clock times are refused: `"00:02:00"` where a
 * duration belongs is more often a mix-up of fields than a way of writing two minutes.
 */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'string' && isClockText(input)) return undefined;
  const ms = parseTime(input);
  return ms !== undefined && ms >= 0 ? ms : undefined;
}

/** A strictly positive duration in integer milliseconds (a window size, a gap, an interval). */
export function parsePositiveDuration(input: string | number): number | undefined {
  const ms = parseDuration(input);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

// ---------------------------------------------------------------------------------------------
// Costs in microseconds

/** Decimal exponent from each unit to microseconds; `µs` is the micro sign, `μs` the Greek mu. */
const MICRO_EXPONENT: Readonly<Record<string, number>> = { us: 0, 'µs': 0, 'μs': 0, ms: 3, s: 6 };
const MICRO = /^(\d+(?:\.\d+)?)\s*(us|µs|μs|ms|s)?$/;

/**
 * A non-negative cost in microseconds, fractions allowed: a plain number or digits are microseconds
 * (`0.2`), text may carry a unit (`2us`, `0.5us`, `1µs`, `3ms`, `1s`). The unit scales the decimal
 * text itself, so `"1.1ms"` is 1100 and not 1100.0000000000002. Undefined for anything else.
 */
export function parseMicroseconds(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input + 0 : undefined; // + 0 turns -0 into 0
  const m = MICRO.exec(input.trim());
  if (m === null) return undefined;
  const [, amount = '', unit = 'us'] = m;
  const us = Number(`${amount}e${MICRO_EXPONENT[unit] ?? 0}`);
  return Number.isFinite(us) ? us : undefined;
}
