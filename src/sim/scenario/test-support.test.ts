/**
 * Shared assertions for the scenario tests (a .test file so the build ships it only with the tests).
 * `expectScenarioError` checks the whole contract of an error: it is a ScenarioError, its message
 * starts with `file:line: path: `, and it says what was expected and, when given, what was found.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, ScenarioError, type ParseScenarioOptions } from './parse.js';

export const NO_FILES: ParseScenarioOptions = {
  readFile: (path) => {
    throw new Error(`ENOENT: no such file, open '${path}'`);
  },
  parseEventFile: () => [],
};

export interface ExpectedError {
  readonly path: string;
  readonly line: number | undefined;
  /** Text the message must contain after the path: the expectation. */
  readonly expected: string;
  /** Text the message must contain after "got" (or anywhere, for unknown fields). */
  readonly found?: string;
  /** More text the message must contain (a "did you mean", the reason). */
  readonly mentions?: readonly string[];
}

export function expectScenarioError(text: string, want: ExpectedError, file = 'bad.yaml', options: ParseScenarioOptions = NO_FILES): ScenarioError {
  let caught: unknown;
  try {
    parseScenario(text, file, options);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ScenarioError, `expected a ScenarioError, got ${String(caught)}`);
  const e = caught;
  const where = want.line === undefined ? file : `${file}:${want.line}`;
  const prefix = want.path === '' ? `${where}: ` : `${where}: ${want.path}: `;
  assert.ok(e.message.startsWith(prefix), `message should start with ${JSON.stringify(prefix)}: ${e.message}`);
  assert.equal(e.file, file);
  assert.equal(e.path, want.path);
  assert.equal(e.line, want.line);
  assert.ok(e.expected.includes(want.expected), `expected field ${JSON.stringify(e.expected)} should include ${JSON.stringify(want.expected)}`);
  assert.ok(e.message.includes(want.expected), `message should include ${JSON.stringify(want.expected)}: ${e.message}`);
  if (want.found !== undefined) assert.ok(e.message.includes(want.found), `message should include ${JSON.stringify(want.found)}: ${e.message}`);
  for (const m of want.mentions ?? []) assert.ok(e.message.includes(m), `message should include ${JSON.stringify(m)}: ${e.message}`);
  return e;
}

it('test-support: expectScenarioError fails when the file parses', () => {
  assert.throws(() => expectScenarioError('input: { generator: { events: 1 } }\nwindow: { type: global }', { path: '', line: 1, expected: 'x' }), assert.AssertionError);
});
