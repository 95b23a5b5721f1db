/**
 * Shared fixtures for the savepoint tests: a small job (three teams, one-minute windows) that takes a
 * savepoint at 12:01:45 with three windows open, and helpers to edit a savepoint's JSON and sign it
 * again, so a test can reach the checks that come after the checksum.
 */
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../report/simulate.js';
import { checksumOf } from './checksum.js';
import type { SavepointDocument } from './document.js';
import { encodeSavepoint, savepointDocument } from './encode.js';

export const JOB_YAML = `name: upgrade
description: a job that takes a savepoint
semantics: flink
input:
  timeline:
    - { at: "12:00:10", events: [{ key: TeamA, value: 3, eventTime: "12:00:05" }] }
    - { at: "12:00:20", events: [{ key: TeamB, value: 4, eventTime: "12:00:12" }] }
    - { at: "12:01:05", events: [{ key: TeamA, value: 5, eventTime: "12:01:02" }] }
    - { at: "12:01:10", watermark: "12:01:00" }
    - { at: "12:01:30", events: [{ key: TeamB, value: 6, eventTime: "12:01:20" }] }
    - { at: "12:01:40", events: [{ key: TeamC, value: 1, eventTime: "12:01:35" }] }
    - { at: "12:02:00", events: [{ key: TeamA, value: 7, eventTime: "12:01:50" }] }
    - { at: "12:02:10", watermark: "12:02:00" }
    - { at: "12:02:20", events: [{ key: TeamB, value: 2, eventTime: "12:01:58" }] }
    - { at: "12:03:00", watermark: end }
window: { type: tumbling, size: 1m }
aggregate: sum
watermark: { type: scripted }
allowedLateness: 0
savepoints: ["12:01:45"]
`;

const NO_FILES = {
  readFile: (path: string): string => {
    throw new Error(`no file ${path} in a unit test`);
  },
  parseEventFile: () => [],
};

/** The job, with top-level fields replaced (or added) by YAML text. */
export function job(replace: Readonly<Record<string, string>> = {}): Scenario {
  let text = JOB_YAML;
  for (const [field, value] of Object.entries(replace)) {
    // The field's line and the indented lines of its block, if the job has the field.
    const block = new RegExp(`^${field}:.*\\n(?:[ ]+.*\\n)*`, 'm');
    text = block.test(text) ? text.replace(block, `${field}: ${value}\n`) : `${text}${field}: ${value}\n`;
  }
  return parseScenario(text, 'upgrade.yaml', NO_FILES);
}

/** The savepoint the job takes at 12:01:45. */
export function takenSavepoint(scenario: Scenario = job()): SavepointDocument {
  const run = simulate(scenario).run;
  const savepoint = run.savepoints[0];
  if (savepoint === undefined) throw new Error('the fixture job took no savepoint');
  return savepointDocument(scenario, savepoint);
}

/** The savepoint file's JSON, edited by `edit` and signed again with a valid checksum. */
export function resigned(doc: SavepointDocument, edit: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(encodeSavepoint(doc)) as Record<string, unknown>;
  edit(json);
  delete json['checksum'];
  return JSON.stringify({ ...json, checksum: checksumOf(json) }, null, 2);
}
