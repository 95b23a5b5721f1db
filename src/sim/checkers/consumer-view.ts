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
        return before === undefined ? this.first(pane) : this.combine(before, pane);
      default:
        return assertNever(this.mode, 'ConsumerView');
    }
  }

  private first(pane: Pane): Held {
    // An empty pane (Beam emits empty on-time panes) gives a min, a max or an average no value yet.
    const additive = this.kind === 'count' || this.kind === 'sum';
    const value = !additive && pane.count === 0 ? NaN : pane.value;
    return { value, weighted: pane.value * pane.count, count: pane.count };
  }

  private combine(before: Held, pane: Pane): Held {
    const weighted = before.weighted + pane.value * pane.count;
    const count = before.count + pane.count;
    // An empty pane carries no element, so it cannot move a min, a max or an average.
    const empty = pane.count === 0;
    switch (this.kind) {
      case 'count':
      case 'sum':
        return { value: before.value + pane.value, weighted, count };
      case 'min':
        return { value: empty ? before.value : extreme(Math.min, before.value, pane.value), weighted, count };
      case 'max':
        return { value: empty ? before.value : extreme(Math.max, before.value, pane.value), weighted, count };
      case 'avg':
        return { value: count === 0 ? NaN : weighted / count, weighted, count };
      default:
        return assertNever(this.kind, 'ConsumerView.combine');
    }
  }
}

/** min or max of the value held (NaN: none yet) and a pane's value. */
function extreme(pick: (a: number, b: number) => number, held: number, value: number): number {
  return Number.isNaN(held) ? value : pick(held, value);
}
