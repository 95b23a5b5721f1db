/**
 * Finding and loading scenario files: a path, or the name of a bundled scenario. File reading lives
 * here, outside the pure simulator, which receives text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { parseScenario } from '../sim/scenario/parse.js';
import type { Scenario } from '../sim/scenario/types.js';
import { parseCsv, parseJsonl } from '../sim/sources/event-file.js';
import { UserError } from './exit-codes.js';

/** The bundled curriculum: `scenarios/` at the package root (dist/src/cli → ../../../scenarios). */
export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scenarios');

export function bundledScenarioFiles(): string[] {
  if (!existsSync(BUNDLED_DIR)) return [];
  return readdirSync(BUNDLED_DIR)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(BUNDLED_DIR, f));
}

/** A path if one exists, else a bundled scenario by name (with or without .yaml). */
export function resolveScenarioPath(nameOrPath: string): string {
  const asPath = isAbsolute(nameOrPath) ? nameOrPath : resolve(process.cwd(), nameOrPath);
  if (existsSync(asPath)) return asPath;
  const base = nameOrPath.replace(/\.ya?ml$/, '');
  for (const ext of ['.yaml', '.yml']) {
    const bundled = join(BUNDLED_DIR, base + ext);
    if (existsSync(bundled)) return bundled;
  }
  const names = bundledScenarioFiles().map((f) => f.slice(BUNDLED_DIR.length + 1).replace(/\.ya?ml$/, ''));
  throw new UserError(`streamsim: no scenario file or bundled scenario named '${nameOrPath}'.\nBundled scenarios: ${names.join(', ')}\n(see \`streamsim list\`)`);
}

/**
 * Loads a scenario, optionally with top-level fields replaced (`compare` varies semantics or the
 * watermark this way). Overrides are applied to the YAML document and the result goes through the
 * same schema and rules as the file, so an override that breaks a rule gets the same clear error.
 */
export function loadScenario(nameOrPath: string, overrides: Readonly<Record<string, unknown>> = {}): Scenario {
  const path = resolveScenarioPath(nameOrPath);
  let text = readText(path);
  let shown = displayName(path);
  const entries = Object.entries(overrides);
  if (entries.length > 0) {
    const doc = parseDocument(text);
    // A dotted field (cost.buffer.timeout) sets one setting inside a mapping, keeping its siblings.
    for (const [field, value] of entries) {
      try {
        doc.setIn(field.split('.'), doc.createNode(value));
      } catch (error) {
        throw new UserError(`${shown}: cannot set ${field}: ${(error as Error).message}`);
      }
    }
    text = doc.toString();
    shown = `${shown} (with ${entries.map(([f, v]) => `${f}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')})`;
  }
  return parseScenario(text, shown, {
    readFile: (relative: string) => readText(isAbsolute(relative) ? relative : join(dirname(path), relative)),
    parseEventFile: (content: string, fileName: string) =>
      extname(fileName).toLowerCase() === '.csv' ? parseCsv(content, fileName) : parseJsonl(content, fileName),
  });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new UserError(`${displayName(path)}: cannot read the file: ${reason}`);
  }
}

/** Bundled files print as scenarios/name.yaml; others relative to the working directory when inside it. */
export function displayName(path: string): string {
  if (path.startsWith(BUNDLED_DIR + '/')) return `scenarios/${path.slice(BUNDLED_DIR.length + 1)}`;
  const cwd = process.cwd() + '/';
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}
