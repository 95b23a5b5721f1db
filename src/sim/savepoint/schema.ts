/**
 * The JSON form of a savepoint document (version 1) as a zod schema: every field checked, the
 * "-inf" / "+inf" strings read back into infinities, and nothing unknown accepted, so a file from
 * another tool or a newer format fails here instead of restoring state it cannot mean. The checks
 * that relate fields (key groups, partitions) live in decode.ts.
 */
import { z } from 'zod';
import { SEMANTICS } from '../model/semantics.js';
import { ACCUMULATOR_FIELDS, MINUS_INFINITY, PLUS_INFINITY, SAVEPOINT_FORMAT, SAVEPOINT_VERSION } from './document.js';

/** A leaf read by `read`, or an issue "expected <what>, got <value>". */
function leaf<T>(what: string, read: (v: unknown) => T | undefined) {
  return z.unknown().transform((v, ctx): T => {
    const out = v === undefined ? undefined : read(v);
    if (out === undefined) {
      ctx.addIssue({ code: 'custom', message: v === undefined ? `missing (expected ${what})` : `expected ${what}, got ${shown(v)}` });
      return z.NEVER;
    }
    return out;
  });
}

export function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const safeInteger = (what: string, ok: (n: number) => boolean = () => true) =>
  leaf(what, (v) => (typeof v === 'number' && Number.isSafeInteger(v) && ok(v) ? v : undefined));
const nonNegativeInteger = () => safeInteger('a non-negative integer', (n) => n >= 0);
const positiveInteger = () => safeInteger('a positive integer', (n) => n > 0);
const finiteNumber = () => leaf('a finite number', (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
const text = () => leaf('a string', (v) => (typeof v === 'string' ? v : undefined));
const bool = () => leaf('true or false', (v) => (typeof v === 'boolean' ? v : undefined));
function oneOf<T extends string>(values: readonly T[]) {
  return leaf(`one of ${values.join(', ')}`, (v) => (values as readonly unknown[]).includes(v) ? (v as T) : undefined);
}
/** A time or value that may be unbounded: a number, "-inf" or "+inf". */
function extended(what: string, integral: boolean) {
  return leaf(`${what}, "${MINUS_INFINITY}" or "${PLUS_INFINITY}"`, (v) => {
    if (v === PLUS_INFINITY) return Infinity;
    if (v === MINUS_INFINITY) return -Infinity;
    if (typeof v !== 'number') return undefined;
    return integral ? (Number.isSafeInteger(v) ? v : undefined) : Number.isFinite(v) ? v : undefined;
  });
}
const extTime = () => extended('an integer time', true);
const extValue = () => extended('a number', false);

const windowBounds = z.strictObject({ start: extTime(), end: extTime() });

const accumulator = z.strictObject({ count: nonNegativeInteger(), sum: finiteNumber(), min: extValue(), max: extValue() });

const retractable = z.strictObject({ window: windowBounds, value: finiteNumber(), count: nonNegativeInteger(), index: nonNegativeInteger() });

const windowEntry = z.strictObject({
  key: text(),
  start: extTime(),
  end: extTime(),
  total: accumulator,
  pane: accumulator,
  maxEventTime: extTime(),
  maxIngestionTime: extTime(),
  paneMaxEventTime: extTime(),
  paneMaxIngestionTime: extTime(),
  nextIndex: nonNegativeInteger(),
  onTimePassed: bool(),
  lastEmitted: retractable.nullable(),
  pendingRetractions: z.array(retractable),
  processingTimer: z.strictObject({ at: safeInteger('an integer time'), phase: oneOf(['early', 'late'] as const) }).nullable(),
});

const windowSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tumbling'), sizeMs: positiveInteger(), offsetMs: safeInteger('an integer offset') }),
  z.strictObject({ type: z.literal('sliding'), sizeMs: positiveInteger(), everyMs: positiveInteger(), offsetMs: safeInteger('an integer offset') }),
  z.strictObject({ type: z.literal('session'), gapMs: positiveInteger() }),
  z.strictObject({ type: z.literal('global') }),
]);

const firingSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('after-first-element'), delayMs: nonNegativeInteger() }),
  z.strictObject({ type: z.literal('aligned'), everyMs: positiveInteger() }),
  z.strictObject({ type: z.literal('count'), count: positiveInteger() }),
]);

const pipelineSpec = z.strictObject({
  map: z.strictObject({ multiply: finiteNumber(), add: finiteNumber() }).optional(),
  filter: z
    .strictObject({
      valueMin: finiteNumber().optional(),
      valueMax: finiteNumber().optional(),
      keyParity: oneOf(['even', 'odd'] as const).optional(),
      keys: z.array(text()).optional(),
    })
    .optional(),
});

const jobIdentity = z.strictObject({
  scenario: text(),
  engine: oneOf(['native'] as const),
  semantics: oneOf(SEMANTICS),
  timeDomain: oneOf(['event-time', 'ingestion-time', 'processing-time'] as const),
  window: windowSpec,
  aggregate: oneOf(['count', 'sum', 'min', 'max', 'avg'] as const),
  accumulator: z.array(oneOf(ACCUMULATOR_FIELDS)),
  accumulation: oneOf(['discarding', 'accumulating', 'accumulating-retracting'] as const),
  allowedLatenessMs: nonNegativeInteger(),
  trigger: z.strictObject({ early: firingSpec.optional(), late: firingSpec }),
  pipeline: pipelineSpec,
  parallelism: z.strictObject({ source: positiveInteger(), window: positiveInteger() }),
  maxParallelism: positiveInteger(),
  partitions: positiveInteger(),
});

export const savepointSchema = z.strictObject({
  format: z.literal(SAVEPOINT_FORMAT),
  version: z.literal(SAVEPOINT_VERSION),
  savepoint: z.strictObject({ id: positiveInteger(), triggeredAt: safeInteger('an integer time'), completedAt: safeInteger('an integer time') }),
  job: jobIdentity,
  sources: z.array(z.strictObject({ partition: nonNegativeInteger(), offset: nonNegativeInteger() })),
  state: z.strictObject({
    watermark: extTime(),
    keyGroups: z.array(z.strictObject({ keyGroup: nonNegativeInteger(), windows: z.array(windowEntry) })),
  }),
  checksum: text(),
});

export type SavepointForm = z.output<typeof savepointSchema>;

/** The first problem zod found, as `path: what is wrong`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(the document)';
  switch (issue.code) {
    case 'custom':
      return `${path}: ${issue.message}`;
    case 'unrecognized_keys':
      return `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return `${path}: ${issue.input === undefined ? 'missing' : `expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : issue.expected}, got ${shown(issue.input)}`}`;
    case 'invalid_value':
      return `${path}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${shown(issue.input)}`;
    case 'invalid_union':
      return `${path}: ${issue.message}`;
    default:
      return `${path}: ${issue.message}`;
  }
}
