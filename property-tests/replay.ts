/**
 * Runs a fast-check property the same way in every test file, so that a failure can be replayed.
 *
 * Environment (all optional):
 * - FC_NUM_RUNS: runs per property (default 100; CI keeps it there so the suite stays under a minute).
 * - FC_SEED: the seed fast-check printed for a failure; with it alone, the whole run replays.
 * - FC_PATH: the path fast-check printed; with FC_SEED, it replays the shrunk counterexample at once.
 *
 * A failure message ends with the exact command that replays it (only that test of the file), e.g.
 *   FC_SEED=-1822419 FC_PATH="7:0:1" node --enable-source-maps --test --test-name-pattern='^accounting: …$' dist/property-tests/accounting.test.js
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const DEFAULT_NUM_RUNS = 100;

export interface CheckOptions<Ts = unknown> {
  /** `import.meta.url` of the test file, so the replay command names it. */
  readonly file: string;
  /** The node:test context, so the replay command runs only this test of the file. */
  readonly test?: { readonly name: string };
  /** A multiple of FC_NUM_RUNS, for a property that is much cheaper or dearer than the others. */
  readonly runsFactor?: number;
  /** Inputs tried before the random ones: known counterexamples, kept as regressions. */
  readonly examples?: readonly Ts[];
}

function integerFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`replay: ${name} must be an integer, got ${JSON.stringify(text)}`);
  return n;
}

/** FC_NUM_RUNS, or the default of 100. */
export function numRuns(): number {
  const n = integerFromEnv('FC_NUM_RUNS') ?? DEFAULT_NUM_RUNS;
  if (n < 1) throw new Error(`replay: FC_NUM_RUNS must be a positive integer, got ${n}`);
  return n;
}

/** The parameters fast-check gets: the run count, and the seed and path to replay when set. */
export function replayParameters(runsFactor = 1): fc.Parameters<unknown> {
  const seed = integerFromEnv('FC_SEED');
  const path = process.env.FC_PATH;
  if (path !== undefined && path !== '' && seed === undefined) throw new Error('replay: FC_PATH needs FC_SEED as well');
  return {
    numRuns: Math.max(1, Math.round(numRuns() * runsFactor)),
    // node:test shows an Error's message but not its cause: put the failing assertion in the report.
    includeErrorInReport: true,
    ...(seed !== undefined ? { seed } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
  };
}

/**
 * fc.assert with replay: checks the property and, on failure, throws fast-check's own report
 * (counterexample, seed, path, the error) followed by the command that replays it.
 */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, options: CheckOptions<Ts>): void {
  const parameters: fc.Parameters<Ts> = { ...(replayParameters(options.runsFactor) as fc.Parameters<Ts>), ...(options.examples ? { examples: [...options.examples] } : {}) };
  const details = fc.check(property, parameters);
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'property failed';
  const compiled = relative(process.cwd(), fileURLToPath(options.file));
  const only = options.test === undefined ? '' : ` --test-name-pattern='^${escapeRegExp(options.test.name).replace(/'/g, "'\\''")}$'`;
  const replay = `FC_SEED=${details.seed} FC_PATH="${details.counterexamplePath ?? ''}" node --enable-source-maps --test${only} ${compiled}`;
  throw new Error(`${report}\n\nReplay with:\n  ${replay}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
