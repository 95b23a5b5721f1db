/**
 * Reading a savepoint file's text back into a document, refusing anything that is not exactly a
 * savepoint this version wrote: not JSON, cut off, another format or version, a checksum that does
 * not match the content, a field of the wrong shape, or state that contradicts itself (a key
 * filed under the wrong key group would be restored on the wrong task). Never a half-read state.
 * Each refusal is a SavepointError whose message names the file and the one thing wrong.
 */
import { keyGroupOf } from '../operators/key-groups.js';
import type { WindowEntry } from '../operators/window-snapshot.js';
import { checksumOf } from './checksum.js';
import { SAVEPOINT_FORMAT, SAVEPOINT_VERSION, type SavepointDocument } from './document.js';
import { describeIssue, savepointSchema, shown, type SavepointForm } from './schema.js';

export class SavepointError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SavepointError';
  }
}

export interface DecodedSavepoint {
  readonly document: SavepointDocument;
  /** As written in the file, `sha256:<hex>`; it identifies the savepoint in reports. */
  readonly checksum: string;
}

export function decodeSavepoint(text: string, file: string): DecodedSavepoint {
  const fail = (problem: string): never => {
    throw new SavepointError(file, problem);
  };
  if (text.trim() === '') fail('the savepoint file is empty');
  const raw = parseJson(text, fail);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`not a savepoint: expected a JSON object, got ${shown(raw)}`);
  const object = raw as Record<string, unknown>;
  if (object['format'] !== SAVEPOINT_FORMAT) {
    fail(`not a streamsim savepoint: ${'format' in object ? `format is ${shown(object['format'])}` : 'it has no "format" field'}, expected "${SAVEPOINT_FORMAT}"`);
  }
  if (object['version'] !== SAVEPOINT_VERSION) {
    fail(`savepoint format version ${shown(object['version'])} is not supported: this streamsim reads version ${SAVEPOINT_VERSION}`);
  }
  const written = object['checksum'];
  if (typeof written !== 'string') fail('the savepoint has no checksum: it was not written by streamsim, or it was edited');
  const { checksum: _checksum, ...body } = object;
  const actual = checksumOf(body);
  if (actual !== written) {
    fail(`checksum mismatch: the file says ${abbreviate(String(written))}, its content hashes to ${abbreviate(actual)}; the savepoint was changed or corrupted after it was written`);
  }
  const parsed = savepointSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail(`invalid savepoint: ${first ? describeIssue(first) : parsed.error.message}`);
  }
  const problem = consistencyProblem(parsed.data);
  if (problem !== undefined) fail(`invalid savepoint: ${problem}`);
  return { document: documentOf(parsed.data), checksum: parsed.data.checksum };
}

function parseJson(text: string, fail: (problem: string) => never): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    // JSON that stops before the document does: the file was cut off (a copy or a write interrupted).
    if (/Unexpected end of JSON input/.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length)) {
      return fail(`the savepoint file is truncated: its JSON ends after ${text.length} bytes, before the document does`);
    }
    return fail(`not a savepoint: not valid JSON (${message.replace(/\s+/g, ' ')})`);
  }
}

function abbreviate(checksum: string): string {
  return checksum.length > 23 ? `${checksum.slice(0, 23)}…` : checksum;
}

/** Facts that relate fields: key groups in range, sorted and true to their keys; sane windows and accumulators; sources in range. */
function consistencyProblem(form: SavepointForm): string | undefined {
  const { maxParallelism, parallelism, partitions } = form.job;
  if (parallelism.window > maxParallelism) return `job.parallelism.window: ${parallelism.window} is above the max parallelism ${maxParallelism}`;
  let previous = -1;
  for (const [i, source] of form.sources.entries()) {
    if (source.partition <= previous) return `sources[${i}].partition: partitions must be listed once each, in order (got ${source.partition} after ${previous})`;
    if (source.partition >= partitions) return `sources[${i}].partition: ${source.partition} is not a partition of a log with ${partitions}`;
    previous = source.partition;
  }
  previous = -1;
  for (const [g, group] of form.state.keyGroups.entries()) {
    const at = `state.keyGroups[${g}]`;
    if (group.keyGroup >= maxParallelism) return `${at}.keyGroup: ${group.keyGroup} is not below the max parallelism ${maxParallelism}`;
    if (group.keyGroup <= previous) return `${at}.keyGroup: key groups must be listed once each, in order (got ${group.keyGroup} after ${previous})`;
    previous = group.keyGroup;
    for (const [w, entry] of group.windows.entries()) {
      const path = `${at}.windows[${w}]`;
      const owner = keyGroupOf(entry.key, maxParallelism);
      if (owner !== group.keyGroup) return `${path}.key: key ${JSON.stringify(entry.key)} belongs to key group ${owner}, not ${group.keyGroup}`;
      if (!(entry.start < entry.end)) return `${path}: the window's start must be before its end`;
      if (entry.pane.count > entry.total.count) return `${path}.pane.count: the pane holds ${entry.pane.count} elements, more than the window's ${entry.total.count}`;
    }
  }
  return undefined;
}

function documentOf(form: SavepointForm): SavepointDocument {
  const { checksum: _checksum, job, state, ...rest } = form;
  return {
    ...rest,
    job: {
      ...job,
      window: job.window,
      trigger: { ...(job.trigger.early ? { early: job.trigger.early } : {}), late: job.trigger.late },
      pipeline: definedOnly({ map: job.pipeline.map, filter: job.pipeline.filter && definedOnly(job.pipeline.filter) }),
    },
    state: {
      watermark: state.watermark,
      keyGroups: state.keyGroups.map((g) => ({ keyGroup: g.keyGroup, windows: g.windows.map((w): WindowEntry => ({ ...w, keyGroup: g.keyGroup })) })),
    },
  };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
