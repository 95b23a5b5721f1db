/**
 * Maps a field path to the line it is written on, through the ranges `yaml` keeps on every node.
 * A path that is not written (a missing field) maps to its nearest written parent, so "window.size
 * is missing" points at the `window:` line.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { PathSegment } from './errors.js';

export interface SourceMap {
  /** 1-based line of the field at `path`, or of its nearest written parent. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

type Step = { readonly node: unknown; readonly pair?: Pair<unknown, unknown> };

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function offsetOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

export function createSourceMap(doc: Document, lineCounter: LineCounter): SourceMap {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

  /** Follows `path` as far as it is written; returns the last step reached. */
  function walk(path: readonly PathSegment[]): Step {
    let step: Step = { node: resolve(doc.contents) };
    for (const segment of path) {
      const { node } = step;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p) === String(segment));
        if (pair === undefined) return step;
        step = { node: resolve(pair.value), pair };
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) return step;
        step = { node: resolve(item) };
      } else {
        return step;
      }
    }
    return step;
  }

  return {
    lineOf(path) {
      const step = walk(path);
      // A field's own line is its key's line: for a block collection the value starts a line later.
      const offset = offsetOf(step.pair?.key) ?? offsetOf(step.node);
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
