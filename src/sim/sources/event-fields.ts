/**
 * The fields of an event row, shared by the JSONL and CSV parsers: what each field accepts, and how
 * a row is assembled from a lookup of raw values. Raw values are JSON values or CSV text; numbers
 * and times may be written either way, so `"value": "5"` and `value` column `5` mean the same.
 */
import type { EventSpec } from '../scenario/types.js';
import { parseTime } from '../scenario/time-text.js';
import { SourceFileError } from './source-file-error.js';

/** A row of an event file: an EventSpec plus, optionally, when it reached the log. */
export type EventRow = EventSpec & { readonly arrivalTime?: number };

export const EVENT_FIELDS = ['key', 'value', 'eventTime', 'arrivalTime', 'partition', 'marker'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

interface FieldTypes {
  readonly key: string;
  readonly value: number;
  readonly eventTime: number;
  readonly arrivalTime: number;
  readonly partition: number;
  readonly marker: boolean;
}

interface FieldRule<T> {
  /** Says what the field accepts, for the error message. */
  readonly expected: string;
  read(raw: unknown): T | undefined;
}

function readKey(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
}

function readNumber(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Integer ms, a duration or a clock time, as scenario files write them (scenario/time-text.ts). */
function readTime(raw: unknown): number | undefined {
  return typeof raw === 'number' || typeof raw === 'string' ? parseTime(raw) : undefined;
}

function readPartition(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function readMarker(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

const TIME = 'a time (ms, 90s, 12:00:26)';

const RULES: { readonly [F in EventField]: FieldRule<FieldTypes[F]> } = {
  key: { expected: 'a non-empty key', read: readKey },
  value: { expected: 'a number', read: readNumber },
  eventTime: { expected: TIME, read: readTime },
  arrivalTime: { expected: TIME, read: readTime },
  partition: { expected: 'a non-negative integer partition', read: readPartition },
  marker: { expected: 'true or false', read: readMarker },
};

/** Absent: not given, JSON null, or an empty CSV cell. */
function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '';
}

function describe(raw: unknown): string {
  return JSON.stringify(raw) ?? String(raw);
}

/** Where a row comes from, for error messages, and how to look up its raw values. */
export interface RowSource {
  readonly fileName: string;
  readonly line: number;
  rawOf(field: EventField): unknown;
}

function readOptional<F extends EventField>(row: RowSource, field: F): FieldTypes[F] | undefined {
  const raw = row.rawOf(field);
  if (isAbsent(raw)) return undefined;
  const rule: FieldRule<FieldTypes[F]> = RULES[field];
  const value = rule.read(raw);
  if (value === undefined) throw new SourceFileError(row.fileName, row.line, field, `expected ${rule.expected}, got ${describe(raw)}`);
  return value;
}

function readRequired<F extends EventField>(row: RowSource, field: F): FieldTypes[F] {
  const value = readOptional(row, field);
  if (value === undefined) throw new SourceFileError(row.fileName, row.line, field, `missing; expected ${RULES[field].expected}`);
  return value;
}

/** Assembles a row, reading the fields in their documented order so the first mistake is reported; the partition defaults to 0. */
export function readEventRow(row: RowSource): EventRow {
  const key = readRequired(row, 'key');
  const value = readRequired(row, 'value');
  const eventTime = readRequired(row, 'eventTime');
  const arrivalTime = readOptional(row, 'arrivalTime');
  const partition = readOptional(row, 'partition') ?? 0;
  const marker = readOptional(row, 'marker');
  return {
    key,
    value,
    eventTime,
    ...(arrivalTime === undefined ? {} : { arrivalTime }),
    partition,
    ...(marker === undefined ? {} : { marker }),
  };
}

/** The canonical name of a field written in any letter case, or undefined when it is not one. */
export function eventFieldNamed(name: string): EventField | undefined {
  const lower = name.toLowerCase();
  return EVENT_FIELDS.find((field) => field.toLowerCase() === lower);
}
