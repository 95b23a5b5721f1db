/**
 * Builds the ScenarioError for a problem: finds the line of its path, shows what was written there,
 * and words the sentence for its kind (wrong value, missing field, unknown field).
 */
import { assertNever } from '../kernel/assert.js';
import { describeFound, formatPath, ScenarioError, type PathSegment } from './errors.js';
import type { Problem } from './issues.js';
import type { SourceMap } from './source-map.js';
import { didYouMean } from './suggest.js';

export interface Reporter {
  /** The value written at `path` in the file (after YAML, before the schema), or undefined. */
  valueAt(path: readonly PathSegment[]): unknown;
  lineOf(path: readonly PathSegment[]): number | undefined;
  error(problem: Problem): ScenarioError;
}

function valueIn(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

export function createReporter(file: string, data: unknown, sourceMap: SourceMap): Reporter {
  const valueAt = (path: readonly PathSegment[]) => valueIn(data, path);
  return {
    valueAt,
    lineOf: (path) => sourceMap.lineOf(path),
    error(problem) {
      const path = formatPath(problem.path);
      const line = sourceMap.lineOf(problem.path);
      const at = { file, path, ...(line !== undefined && { line }), expected: problem.expected };
      const written = valueAt(problem.path);
      switch (problem.kind) {
        case 'unknown-field': {
          const field = String(problem.path[problem.path.length - 1] ?? '');
          const hint = didYouMean(field, problem.choices ?? []);
          return new ScenarioError({ ...at, found: JSON.stringify(field), problem: `unknown field${hint}; expected ${problem.expected}` });
        }
        case 'missing':
          return new ScenarioError({ ...at, problem: `missing; expected ${problem.expected}` });
        case 'invalid': {
          const found = problem.found ?? describeFound(written) ?? 'nothing';
          const hint = typeof written === 'string' && problem.choices !== undefined ? didYouMean(written, problem.choices) : '';
          const why = problem.why === undefined ? '' : `. ${problem.why}`;
          return new ScenarioError({ ...at, found, problem: `expected ${problem.expected}, got ${found}${hint}${why}` });
        }
        default:
          return assertNever(problem.kind, 'reporter');
      }
    },
  };
}
