/**
 * What a downstream reader holds for each (key, window) after the panes it has received, by
 * accumulation mode (SEMANTICS.md, "Accumulation modes"):
 * - accumulating: each pane holds everything so far, so the reader keeps the latest pane;
 * - accumulating & retracting: the same, and a retraction withdraws the old value just before its
 *   replacement arrives, so it does not change what the reader ends up with;
 * - discarding: each pane holds only what arrived since the last, so the reader combines the panes:
 *   counts and sums add up, min and max take the extreme, an average is rebuilt from value × count.
 *
 * The reader does not deduplicate: a pane delivered twice (at-least-once) is combined twice, which
 * is how duplicates corrupt a discarding result.
 */
import { assertNever } from '../kernel/assert.js';
import type { Accumulation, Pane } from '../model/pane.js';
import type { AggregateKind } from '../scenario/types.js';

/** What the reader holds for one (key, window). */
export interface Held {
  /** NaN while a min, max or avg has received only empty panes. */
  readonly value: number;
  /** Discarding avg: Σ value × count and Σ count over the panes so far. */
  readonly weighted: number;
  readonly count: number;
}

/** The reader's rule for one accumulation mode and aggregate; the caller keeps a Held per (key, window). */
export class ConsumerView {
  constructor(
    private readonly mode: Accumulation,
    private readonly kind: AggregateKind,
  ) {}

  /** What the reader holds after receiving a non-retraction pane (`before` undefined: its first). */
  receive(before: Held | undefined, pane: Pane): Held {
    switch (this.mode) {
      case 'accumulating':
      case 'accumulating-retracting':
        return { value: pane.value, weighted: 0, count: 0 };
      case 'discarding':
        return before === undefined ? this.heldOf(pane) : this.combine(before, this.heldOf(pane));
      default:
        return assertNever(this.mode, 'ConsumerView.receive');
    }
  }

  /**
   * What the reader holds for a session that `parts` merged into. Discarding: each part's panes
   * were the only record of its elements, so they combine like panes (Beam merges the windows'
   * state, and the merged window's panes carry only what came since each part last fired).
   * Accumulating: the merged window's next pane carries everything, so nothing carries over.
   */
  merge(parts: readonly Held[]): Held | undefined {
    if (this.mode !== 'discarding') return undefined;
    return parts.reduce<Held | undefined>((acc, part) => (acc === undefined ? part : this.combine(acc, part)), undefined);
  }

  private heldOf(pane: Pane): Held {
    // An empty pane (Beam emits empty on-time panes) gives a min, a max or an average no value.
    const additive = this.kind === 'count' || this.kind === 'sum';
    const value = !additive && pane.count === 0 ? NaN : pane.value;
    return { value, weighted: pane.count === 0 ? 0 : pane.value * pane.count, count: pane.count };
  }

  private combine(a: Held, b: Held): Held {
    const weighted = a.weighted + b.weighted;
    const count = a.count + b.count;
    switch (this.kind) {
      case 'count':
      case 'sum':
        return { value: a.value + b.value, weighted, count };
      case 'min':
        return { value: extreme(Math.min, a.value, b.value), weighted, count };
      case 'max':
        return { value: extreme(Math.max, a.value, b.value), weighted, count };
      case 'avg':
        return { value: count === 0 ? NaN : weighted / count, weighted, count };
      default:
        return assertNever(this.kind, 'ConsumerView.combine');
    }
  }
}

/** min or max of two values, where NaN means "no value" (only empty panes so far). */
function extreme(pick: (a: number, b: number) => number, a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return pick(a, b);
}
