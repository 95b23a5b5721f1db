/**
 * Splits one CSV line into fields, RFC 4180 style: comma separated; a field may be enclosed in
 * double quotes, inside which a comma is literal and `""` is one quote. Unquoted fields are trimmed;
 * quoted ones are kept exactly. A quoted field cannot span lines (event files are one row a line).
 */
import { SourceFileError } from './source-file-error.js';

/** Where the line is, and what to call its i-th column, for error messages. */
export interface CsvLineContext {
  readonly fileName: string;
  readonly line: number;
  columnName(index: number): string;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Reads the quoted field whose opening quote is at `open`; returns its text and the index after the closing quote. */
function readQuoted(text: string, open: number, column: number, context: CsvLineContext): { value: string; end: number } {
  let value = '';
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      throw new SourceFileError(context.fileName, context.line, context.columnName(column), 'unterminated quoted field; expected a closing "');
    }
    value += text.slice(from, quote);
    if (text[quote + 1] !== '"') return { value, end: quote + 1 };
    value += '"';
    from = quote + 2;
  }
}

export function splitCsvLine(text: string, context: CsvLineContext): string[] {
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    const first = skipBlanks(text, start);
    let end: number;
    if (text[first] === '"') {
      const quoted = readQuoted(text, first, fields.length, context);
      fields.push(quoted.value);
      end = skipBlanks(text, quoted.end);
      if (end < text.length && text[end] !== ',') {
        throw new SourceFileError(context.fileName, context.line, context.columnName(fields.length - 1), 'expected a comma after the closing quote');
      }
    } else {
      const comma = text.indexOf(',', start);
      end = comma < 0 ? text.length : comma;
      fields.push(text.slice(start, end).trim());
    }
    if (end >= text.length) return fields;
    start = end + 1;
  }
}
