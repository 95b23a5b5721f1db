/**
 * Scenarios are golden examples (STYLE.md, after SimPy): each bundled scenario's plain report is
 * checked in beside it as <name>.expected.txt and must come out byte for byte. After an intended
 * change, regenerate with `npm run golden:update` and read the diff before committing it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bundledScenarioFiles } from '../src/cli/scenario-files.js';
import { goldenPathFor, renderGolden } from './golden.js';

const files = bundledScenarioFiles();

test('the curriculum has at least the lessons issue 2 asks for', () => {
  assert.ok(files.length >= 6, `expected at least six bundled scenarios, found ${files.length}`);
});

for (const file of files) {
  test(`golden: ${basename(file)}`, () => {
    const expectedPath = goldenPathFor(file);
    assert.ok(existsSync(expectedPath), `${basename(expectedPath)} is missing; run npm run golden:update`);
    const actual = renderGolden(file);
    assert.equal(actual, readFileSync(expectedPath, 'utf8'), `${basename(file)} differs from its golden output`);
  });
}
