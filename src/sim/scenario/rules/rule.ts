/**
 * What a cross-field rule is, and how it words a broken one: the field to fix, what it must be,
 * why (which engine's rule forbids the combination), and the other field involved, quoted as
 * written.
 */
import { describeFound, type PathSegment } from '../errors.js';
import type { Problem } from '../issues.js';
import type { Reporter } from '../reporter.js';
import type { Scenario } from '../types.js';

export type Rule = (s: Scenario, r: Reporter) => Problem | undefined;

interface Broken {
  readonly expected: string;
  readonly why?: string;
  readonly found?: string;
}

export const invalid = (path: readonly PathSegment[], { expected, why, found }: Broken): Problem => ({
  path,
  expected,
  kind: 'invalid',
  ...(found !== undefined && { found }),
  ...(why !== undefined && { why }),
});

/** The written value at `path`, for quoting another field in a message: `window.size (2m)`. */
export function quote(r: Reporter, path: readonly PathSegment[], fallback: number): string {
  const written = r.valueAt(path);
  return typeof written === 'string' || typeof written === 'number' ? String(written) : String(fallback);
}

/** `"update" with semantics flink`: the value written at `path` and the field it conflicts with. */
export function foundWith(r: Reporter, path: readonly PathSegment[], other: string): string {
  return `${describeFound(r.valueAt(path)) ?? 'nothing'} with ${other}`;
}
