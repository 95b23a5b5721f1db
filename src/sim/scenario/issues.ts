/**
 * Turns zod's issues into the one problem a scenario error reports. Each leaf of the schema already
 * carries its `expected …` phrase (fields.ts); this file resolves unions to the option the author
 * was writing, and picks the problem to show: the first in the file, misspelt fields before the
 * missing fields they explain.
 */
import type { z } from 'zod';
import type { PathSegment } from './errors.js';

export interface Problem {
  readonly path: readonly PathSegment[];
  readonly expected: string;
  /** `missing`: nothing is written at the path; `unknown-field`: the path's last name is not a field. */
  readonly kind: 'invalid' | 'missing' | 'unknown-field';
  /** Keywords or field names for a "did you mean". */
  readonly choices?: readonly string[];
  /** Shown after "got" instead of the value written at the path. */
  readonly found?: string;
  /** The rule behind the expectation, a sentence said after what was found. */
  readonly why?: string;
}

type Issue = z.core.$ZodIssue;

function params(issue: Issue): Record<string, unknown> {
  return issue.code === 'custom' ? (issue.params ?? {}) : {};
}

/** Wrong kind of value for this union option (a mapping where a keyword belongs): not what the author meant. */
function isMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return true;
  if (issue.code === 'invalid_union') return issue.errors.every((option) => option.some(isMismatch));
  return params(issue)['mismatch'] === true;
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function explainUnion(issue: Extract<Issue, { code: 'invalid_union' }>, at: PathSegment[], valueAt: (path: readonly PathSegment[]) => unknown): Problem[] {
  if (issue.discriminator !== undefined) {
    // A discriminated union (window, watermark) with no or an unknown `type`; zod's path already ends in it.
    const choices = ('options' in issue ? (issue.options ?? []) : []).map(String);
    return [{ path: at, expected: `one of ${choices.join(', ')}`, kind: valueAt(at) === undefined ? 'missing' : 'invalid', choices }];
  }
  // The options the author could have meant are those that did not fail on the value's kind.
  const candidates = issue.errors.filter((option) => !option.some(isMismatch));
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return only.flatMap((inner) => explain(inner, at, valueAt));
  return [{ path: at, expected: issue.message, kind: valueAt(at) === undefined ? 'missing' : 'invalid' }];
}

/** One zod issue as problems, with paths made absolute by `prefix`. */
function explain(issue: Issue, prefix: readonly PathSegment[], valueAt: (path: readonly PathSegment[]) => unknown): Problem[] {
  const at = [...prefix, ...toSegments(issue.path)];
  if (issue.code === 'invalid_union') return explainUnion(issue, at, valueAt);
  const p = params(issue);
  if (typeof p['unknownField'] === 'string') {
    const known = Array.isArray(p['known']) ? p['known'].map(String) : [];
    return [{ path: at, expected: issue.message, kind: 'unknown-field', choices: known }];
  }
  const choices = Array.isArray(p['choices']) ? p['choices'].map(String) : undefined;
  const found = typeof p['found'] === 'string' ? p['found'] : undefined;
  return [
    {
      path: at,
      expected: issue.message,
      kind: valueAt(at) === undefined && found === undefined ? 'missing' : 'invalid',
      ...(choices !== undefined && { choices }),
      ...(found !== undefined && { found }),
    },
  ];
}

/**
 * The problem to report among all of zod's issues: the first by line, where a misspelt or otherwise
 * wrong field comes before a missing one, since the misspelling usually explains the absence.
 */
export function firstProblem(
  issues: readonly Issue[],
  valueAt: (path: readonly PathSegment[]) => unknown,
  lineOf: (path: readonly PathSegment[]) => number | undefined,
): Problem | undefined {
  const problems = issues.flatMap((issue) => explain(issue, [], valueAt));
  const rank = (p: Problem) => [p.kind === 'missing' ? 1 : 0, lineOf(p.path) ?? Infinity] as const;
  let best: Problem | undefined;
  for (const problem of problems) {
    if (best === undefined) {
      best = problem;
      continue;
    }
    const [a0, a1] = rank(problem);
    const [b0, b1] = rank(best);
    if (a0 < b0 || (a0 === b0 && a1 < b1)) best = problem;
  }
  return best;
}
