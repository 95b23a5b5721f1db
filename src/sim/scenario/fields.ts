/**
 * The leaves and joints of the scenario schema. Each leaf is a zod schema that reads one written
 * value into its normalized form or raises one issue whose message is the `expected …` phrase, so
 * every error in a scenario file reads the same way. Issue params carry what the error needs:
 *   - `mismatch`: the value is of the wrong kind altogether (text where a number belongs), which
 *     tells a union which of its options the author was not writing;
 *   - `choices`: the keywords allowed, for a "did you mean";
 *   - `unknownField` and `known`: a field the mapping does not have;
 *   - `found`: what to show after "got" when the raw value would not say it well.
 */
import { z } from 'zod';
import { parseDuration, parseMicroseconds, parsePositiveDuration, parseTime } from './time-text.js';
import { parseShare, type RatioText } from './ratio-text.js';
import { suggest } from './suggest.js';
import type { TaskRef } from './types.js';

type Kind = 'text' | 'number' | 'boolean' | 'mapping' | 'list' | 'null' | 'missing';

export function kindOf(value: unknown): Kind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'mapping';
  }
}

/**
 * A leaf: values of the accepted kinds go through `read`, which returns undefined to refuse them.
 * One issue, at the leaf's own path, whatever went wrong. `looksRight` says whether a value is of the
 * leaf's kind at all (digits for an integer), which is what a union needs to know.
 */
function leaf<T>(
  expected: string,
  kinds: readonly Kind[],
  read: (value: never) => T | undefined,
  params: Record<string, unknown> = {},
  looksRight: (value: unknown) => boolean = () => true,
) {
  return z.unknown().transform((value, ctx): T => {
    const ofKind = kinds.includes(kindOf(value)) && looksRight(value);
    const result = ofKind ? read(value as never) : undefined;
    if (result === undefined) {
      ctx.addIssue({ code: 'custom', message: expected, params: { ...params, mismatch: !ofKind } });
      return z.NEVER;
    }
    return result;
  });
}

export const EXPECTED = {
  positiveDuration: 'a positive duration (e.g. 2m, 90s, 500)',
  nonNegativeDuration: 'a non-negative duration (e.g. 0, 500ms, 5s)',
  time: 'a time (e.g. 12:00:26, 12:00:26.250, 90s or 500)',
  nonNegativeTime: 'a non-negative time (e.g. 12:00:26, 90s or 500)',
  timeOrEnd: 'a time (e.g. 12:02:00, 90s or 500) or end',
  share: 'a percentage (e.g. 5%, 0.5%) or a fraction in [0, 1]',
  text: 'text',
  key: 'a key (text or a number)',
  flag: 'true or false',
  durationOrAsap: 'a non-negative duration (e.g. 1s, 500ms) or asap',
  microseconds: 'a non-negative cost in microseconds (e.g. 2us, 0.5us, 3ms)',
  task: 'a task such as source-0 or window-1',
} as const;

export const text = (expected: string = EXPECTED.text) => leaf<string>(expected, ['text'], (v: string) => v);

/** Keys are names; a number written as a key is its decimal text (`7` → `"7"`). */
export const keyName = () =>
  leaf<string>(EXPECTED.key, ['text', 'number'], (v: string | number) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : undefined) : v));

export const flag = () => leaf<boolean>(EXPECTED.flag, ['boolean'], (v: boolean) => v);

export function keyword<const T extends string>(choices: readonly T[]) {
  return leaf<T>(`one of ${choices.join(', ')}`, ['text'], (v: string) => choices.find((c) => c === v), { choices });
}

const INTEGER_TEXT = /^-?\d+(_\d+)*$/;

/** An integer, written as a number or as digits with `_` separators (`50_000_000`, which YAML 1.2 reads as text). */
export function integer(expected: string, min = -Infinity, max = Infinity) {
  const digits = (v: unknown) => typeof v !== 'string' || INTEGER_TEXT.test(v.trim());
  const read = (v: number | string) => {
    const n = typeof v === 'number' ? v : Number(v.trim().replace(/_/g, ''));
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  };
  return leaf<number>(expected, ['number', 'text'], read, {}, digits);
}

export const positiveInteger = () => integer('a positive integer', 1);
export const nonNegativeInteger = () => integer('a non-negative integer', 0);

/** A finite number accepted by `ok`. */
export function number(expected: string, ok: (n: number) => boolean = () => true) {
  return leaf<number>(expected, ['number'], (v: number) => (Number.isFinite(v) && ok(v) ? v : undefined));
}

export const positiveDuration = () => leaf<number>(EXPECTED.positiveDuration, ['text', 'number'], parsePositiveDuration);
export const nonNegativeDuration = () => leaf<number>(EXPECTED.nonNegativeDuration, ['text', 'number'], parseDuration);
export const time = () => leaf<number>(EXPECTED.time, ['text', 'number'], parseTime);
export const nonNegativeTime = () =>
  leaf<number>(EXPECTED.nonNegativeTime, ['text', 'number'], (v: string | number) => {
    const ms = parseTime(v);
    return ms !== undefined && ms >= 0 ? ms : undefined;
  });

/** A time, or `end` for the end of time (the watermark that closes every window; Infinity). */
export const timeOrEnd = () =>
  leaf<number>(EXPECTED.timeOrEnd, ['text', 'number'], (v: string | number) => (v === 'end' ? Infinity : parseTime(v)));

export const share = () => leaf<RatioText>(EXPECTED.share, ['text', 'number'], parseShare);

/** A duration, or `asap` for as fast as possible (0): a micro-batch trigger interval. */
export const durationOrAsap = () =>
  leaf<number>(EXPECTED.durationOrAsap, ['text', 'number'], (v: string | number) => (v === 'asap' ? 0 : parseDuration(v)));

/** A cost in microseconds, fractions allowed (`0.5us`, `3ms`, or a plain number of microseconds). */
export const microseconds = () => leaf<number>(EXPECTED.microseconds, ['text', 'number'], parseMicroseconds);

const TASK_TEXT = /^(source|window)-(0|[1-9]\d*)$/;

/** A task of the job graph, `source-0` or `window-2`; whether it exists depends on the parallelism (rules.ts). */
export const task = () =>
  leaf<TaskRef>(EXPECTED.task, ['text'], (v: string) => {
    const m = TASK_TEXT.exec(v.trim());
    const index = Number(m?.[2]);
    return m === null || !Number.isSafeInteger(index) ? undefined : { stage: m[1] === 'source' ? 'source' : 'window', index };
  });

/** A list, with an `expected` phrase for anything that is not one. */
export function list<T extends z.ZodType>(item: T, expected: string) {
  return z.array(item, { error: (iss) => (iss.code === 'invalid_type' ? expected : undefined) });
}

/**
 * A mapping with exactly the fields of `shape`. Unknown fields are errors (with a suggestion); they
 * are checked even when a known field is wrong too, since a misspelt name explains a missing one.
 */
export function mapping<S extends z.ZodRawShape>(shape: S, expected?: string) {
  const known = Object.keys(shape);
  const phrase = expected ?? `a mapping with ${known.join(', ')}`;
  return z
    .looseObject(shape, { error: (iss) => (iss.code === 'invalid_type' ? phrase : undefined) })
    .superRefine(
      (value, ctx) => {
        if (kindOf(value) !== 'mapping') return;
        for (const field of Object.keys(value)) {
          if (known.includes(field)) continue;
          ctx.addIssue({ code: 'custom', path: [field], message: `one of ${known.join(', ')}`, params: { unknownField: field, known } });
        }
      },
      { when: () => true },
    );
}

/** `"a, b or c"` */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}

/**
 * A check for a mapping whose fields are alternatives (`every`, `count`, `afterFirstElement`):
 * exactly one of `fields` must be written.
 */
export function exactlyOne(fields: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const given = fields.filter((f) => value[f] !== undefined);
    if (given.length === 1) return;
    const found = given.length === 0 ? `none of them` : given.join(' and ');
    ctx.addIssue({ code: 'custom', message: `exactly one of ${orList(fields)}`, params: { found } });
  };
}

/**
 * A mapping whose kind is the one field of `kinds` it writes (`{ crash: window-0, at: 30s }`,
 * `{ slow: window-0, factor: 10 }`), read by that kind's schema so every error is that kind's own.
 * With no kind field written, a field that looks like a misspelt kind is reported as unknown, since
 * it explains the missing one; otherwise the mapping needs exactly one of the kinds.
 */
export function keyedBy<T>(kinds: Readonly<Record<string, z.ZodType<T>>>, expected: string) {
  const names = Object.keys(kinds);
  return z.unknown().transform((value, ctx): T => {
    if (kindOf(value) !== 'mapping') {
      ctx.addIssue({ code: 'custom', message: expected, params: { mismatch: true } });
      return z.NEVER;
    }
    const fields = value as Record<string, unknown>;
    const given = names.filter((name) => fields[name] !== undefined);
    const [only] = given;
    const schema = only === undefined ? undefined : kinds[only];
    if (given.length === 1 && schema !== undefined) {
      const read = schema.safeParse(value);
      if (read.success) return read.data;
      for (const issue of read.error.issues) ctx.addIssue({ ...issue, path: [...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    }
    if (given.length === 0) {
      const misspelt = Object.keys(fields).filter((field) => suggest(field, names) !== undefined);
      for (const field of misspelt) {
        ctx.addIssue({ code: 'custom', path: [field], message: `one of ${names.join(', ')}`, params: { unknownField: field, known: names } });
      }
      if (misspelt.length > 0) return z.NEVER;
    }
    const found = given.length === 0 ? 'none of them' : given.join(' and ');
    ctx.addIssue({ code: 'custom', message: `exactly one of ${orList(names)}`, params: { found } });
    return z.NEVER;
  });
}
