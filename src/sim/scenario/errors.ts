/**
 * The one error a scenario file can produce. Its message starts with the file (and line, when known),
 * then names the field path and says what was expected and what was found:
 *
 *   scores.yaml:14: window.size: expected a positive duration (e.g. 2m, 90s, 500), got "-5s"
 *
 * The parts are kept as fields too, so a CLI or a test can use them without parsing the message.
 */
export type PathSegment = string | number;

export interface ScenarioErrorInit {
  readonly file: string;
  /** Field path as written, `input.timeline[2].at`; empty for the file as a whole. */
  readonly path: string;
  /** 1-based line in the file, when the field (or its nearest written parent) can be found. */
  readonly line?: number;
  /** What the field must be: `a positive duration (e.g. 2m, 90s, 500)`. */
  readonly expected: string;
  /** What was written, already quoted for display: `"-5s"`. Absent when nothing was written. */
  readonly found?: string;
  /** Replaces the `expected …, got …` sentence when the problem is best said otherwise (`unknown field`). */
  readonly problem?: string;
}

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly file: string;
  readonly path: string;
  readonly line?: number;
  readonly expected: string;
  readonly found?: string;

  constructor(init: ScenarioErrorInit) {
    super(formatMessage(init));
    this.file = init.file;
    this.path = init.path;
    if (init.line !== undefined) this.line = init.line;
    this.expected = init.expected;
    if (init.found !== undefined) this.found = init.found;
  }
}

function formatMessage(init: ScenarioErrorInit): string {
  const where = init.line === undefined ? init.file : `${init.file}:${init.line}`;
  const field = init.path === '' ? '' : `${init.path}: `;
  const detail = init.problem ?? `expected ${init.expected}, got ${init.found ?? 'nothing'}`;
  return `${where}: ${field}${detail}`;
}

/** `['input', 'timeline', 2, 'at']` → `input.timeline[2].at`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

const PLAIN = /^[A-Za-z0-9_.:%+-][A-Za-z0-9_.:%+\- ]*$/;
const MAX_FOUND_CHARS = 80;

/** A value inside a collection, written as compact flow YAML: `{ uniform: 6s }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return PLAIN.test(value) && value.trim() === value ? value : JSON.stringify(value);
  return String(value);
}

/**
 * How a written value appears after "got": scalars as JSON (`"-5s"`, `12`, `null`), collections as
 * compact flow YAML, cut short when long. Undefined for a value that was not written at all.
 */
export function describeFound(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? JSON.stringify(value) : flow(value);
  return text.length <= MAX_FOUND_CHARS ? text : `${text.slice(0, MAX_FOUND_CHARS - 1)}…`;
}
