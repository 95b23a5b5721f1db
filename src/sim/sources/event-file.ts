/**
 * Parsers for event files, JSONL (one JSON object a line) and CSV (a header row naming the
 * columns). Both are pure: the CLI reads the file and passes the text. Every mistake is a
 * SourceFileError naming the file, the line, the field and what was expected.
 *
 * Fields: key, value, eventTime (required); arrivalTime, partition (default 0), marker (optional).
 * Times are integer ms, durations (90s, 2m, 1h, 500ms) or clock times (12:00:26, 12:00:26.250).
 */
import { splitCsvLine } from './csv-line.js';
import { EVENT_FIELDS, eventFieldNamed, readEventRow, type EventField, type EventRow } from './event-fields.js';
import { SourceFileError } from './source-file-error.js';

export { SourceFileError } from './source-file-error.js';
export type { EventRow } from './event-fields.js';

const FIELD_LIST = EVENT_FIELDS.join(', ');
const REQUIRED_COLUMNS: readonly EventField[] = ['key', 'value', 'eventTime'];

/** Lines with their 1-based numbers, blank ones left out. Accepts \n and \r\n endings. */
function contentLines(text: string): { readonly text: string; readonly line: number }[] {
  const lines: { text: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') lines.push({ text: line, line: i + 1 });
  });
  return lines;
}

function parseJsonObject(text: string, fileName: string, line: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceFileError(fileName, line, undefined, `expected a JSON object, got invalid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SourceFileError(fileName, line, undefined, `expected a JSON object, got ${JSON.stringify(parsed)}`);
  }
  return parsed as Record<string, unknown>;
}

/** Parses JSONL: each non-blank line one object such as {"key":"a","value":3,"eventTime":"12:00:26"}. */
export function parseJsonl(text: string, fileName: string): EventRow[] {
  return contentLines(text).map(({ text: lineText, line }) => {
    const object = parseJsonObject(lineText, fileName, line);
    for (const name of Object.keys(object)) {
      // Exact names only: a JSON field in another case is more likely a typo than a choice.
      if (!(EVENT_FIELDS as readonly string[]).includes(name)) {
        throw new SourceFileError(fileName, line, name, `unknown field; expected one of ${FIELD_LIST}`);
      }
    }
    return readEventRow({ fileName, line, rawOf: (field) => object[field] });
  });
}

/** Maps each column of the header to its field; names match in any letter case. */
function readHeader(text: string, fileName: string, line: number): EventField[] {
  const names = splitCsvLine(text, { fileName, line, columnName: (i) => `header column ${i + 1}` });
  const columns: EventField[] = [];
  names.forEach((name, i) => {
    const field = eventFieldNamed(name);
    if (field === undefined) {
      throw new SourceFileError(fileName, line, `header column ${i + 1}`, `unknown column ${JSON.stringify(name)}; expected one of ${FIELD_LIST}`);
    }
    if (columns.includes(field)) throw new SourceFileError(fileName, line, `header column ${i + 1}`, `column ${field} appears twice`);
    columns.push(field);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) throw new SourceFileError(fileName, line, 'header', `missing column ${required}; the header must name ${REQUIRED_COLUMNS.join(', ')}`);
  }
  return columns;
}

/** Parses CSV with a header row, e.g. `key,value,eventTime` then `a,3,12:00:26`. */
export function parseCsv(text: string, fileName: string): EventRow[] {
  const [header, ...rows] = contentLines(text);
  if (header === undefined) {
    throw new SourceFileError(fileName, 1, 'header', `expected a header row naming ${REQUIRED_COLUMNS.join(', ')}`);
  }
  const columns = readHeader(header.text, fileName, header.line);
  const columnName = (i: number) => columns[i] ?? `column ${i + 1}`;
  return rows.map(({ text: lineText, line }) => {
    const cells = splitCsvLine(lineText, { fileName, line, columnName });
    if (cells.length !== columns.length) {
      throw new SourceFileError(fileName, line, undefined, `expected ${columns.length} fields (${columns.join(', ')}), got ${cells.length}`);
    }
    return readEventRow({ fileName, line, rawOf: (field) => cells[columns.indexOf(field)] });
  });
}
