/**
 * Rule 1 of the house, enforced: nothing in src/sim reads the wall clock or the unseeded random source (the lint
 * rules say so too; this test holds even where lint is switched off with a comment).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Spelled in pieces, so that this file itself holds none of the calls it looks for.
const call = (object: string, member: string): RegExp => new RegExp(`\\b${object}\\s*\\.\\s*${member}\\s*\\(`);
const FORBIDDEN: readonly [RegExp, string][] = [
  [call('Math', 'rand' + 'om'), 'Math.random()'],
  [call('Date', 'n' + 'ow'), 'Date.now()'],
  [new RegExp('\\bnew\\s+' + 'Date\\s*\\('), 'new Date()'],
  [call('performance', 'n' + 'ow'), 'performance.now()'],
  [new RegExp('\\bprocess\\.' + 'hrtime\\b'), 'process.hrtime'],
  [new RegExp('\\bset(Time' + 'out|Inter' + 'val|Immediate)\\s*\\('), 'a wall-clock timer'],
];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-support.ts')) out.push(path);
  }
  return out;
}

it('each pattern finds the call it names (the guard can fail)', () => {
  for (const [pattern, what] of FORBIDDEN) {
    const sample = what === 'a wall-clock timer' ? 'setTimeout(f, 10)' : what === 'process.hrtime' ? 'process.hrtime.bigint()' : what;
    assert.match(`const x = ${sample};`, pattern, what);
  }
});

it('src/sim never reads the wall clock or Math.random', () => {
  // Compiled to dist/src; the TypeScript sources are two levels up, in src/sim.
  const root = fileURLToPath(new URL('../../src/sim', import.meta.url));
  const files = sources(root);
  assert.ok(files.length > 20, `expected the simulator's sources under ${root}`);
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(code)) return; // a comment line
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(code)) found.push(`${file}:${i + 1}: ${what}`);
    });
  }
  assert.deepEqual(found, []);
});
