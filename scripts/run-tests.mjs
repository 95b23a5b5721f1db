#!/usr/bin/env node
// Runs the compiled tests with node's own test runner. Node 20 has no --test globbing, so we list the files.
// Usage: node scripts/run-tests.mjs [unit|props|e2e|all]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const which = process.argv[2] ?? 'all';
const roots = {
  unit: ['dist/src', 'dist/scenarios', 'dist/benchmarks'],
  props: ['dist/property-tests'],
  e2e: ['dist/e2e'],
  all: ['dist/src', 'dist/scenarios', 'dist/benchmarks', 'dist/property-tests', 'dist/e2e'],
}[which];
if (!roots) {
  process.stderr.write(`run-tests: unknown suite '${which}' (expected unit, props, e2e or all)\n`);
  process.exit(2);
}
function walk(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}
const files = roots.flatMap((root) => walk(root, []));
if (files.length === 0) {
  process.stderr.write('run-tests: no compiled test files found; run `npm run build` first.\n');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
