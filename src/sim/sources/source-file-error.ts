/**
 * A mistake in an event file, located the way compilers locate them: `file:line: field: problem`,
 * e.g. `events.csv:7: eventTime: expected a time (ms, 90s, 12:00:26), got "soon"`.
 */
export class SourceFileError extends Error {
  constructor(
    readonly fileName: string,
    /** 1-based line number in the file. */
    readonly line: number,
    /** The column or JSON field at fault; undefined when the whole line is. */
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(`${fileName}:${line}: ${field === undefined ? '' : `${field}: `}${problem}`);
    this.name = 'SourceFileError';
  }
}
