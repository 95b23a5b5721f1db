import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Pane } from '../model/pane.js';
import type { TraceEvent } from '../trace/events.js';
import type { AggregateKind } from '../scenario/types.js';
import { ConsumerView, type Held } from './consumer-view.js';
import { fired, win } from './trace.test-support.js';

function pane(value: number, count: number): Pane {
  const entry: TraceEvent = fired('k', win(0, 10), value, { count });
  if (entry.type !== 'pane-fired') throw new Error('fired() builds a pane-fired entry');
  return entry.pane;
}
/** The values a reader holds after each pane in turn. */
function receiveAll(view: ConsumerView, panes: Pane[]): number[] {
  let held: Held | undefined;
  return panes.map((p) => (held = view.receive(held, p)).value);
}
const discard = (kind: AggregateKind, panes: Pane[]) => receiveAll(new ConsumerView('discarding', kind), panes);

describe('ConsumerView', () => {
  it('keeps the latest pane when accumulating', () => {
    assert.deepEqual(receiveAll(new ConsumerView('accumulating', 'sum'), [pane(16, 3), pane(73, 6)]), [16, 73]);
    assert.deepEqual(receiveAll(new ConsumerView('accumulating-retracting', 'min'), [pane(16, 3), pane(20, 6)]), [16, 20]);
  });

  it('adds discarding panes up for count and sum (the guide: 16, then 57 → 73)', () => {
    assert.deepEqual(discard('sum', [pane(16, 3), pane(57, 3)]), [16, 73]);
    assert.deepEqual(discard('count', [pane(3, 3), pane(3, 3)]), [3, 6]);
  });

  it('takes the extreme of discarding min and max panes', () => {
    assert.deepEqual(discard('min', [pane(5, 2), pane(7, 1), pane(2, 1)]), [5, 5, 2]);
    assert.deepEqual(discard('max', [pane(5, 2), pane(7, 1), pane(2, 1)]), [5, 7, 7]);
  });

  it('weights discarding averages by their counts', () => {
    assert.deepEqual(discard('avg', [pane(2, 3), pane(6, 1)]), [2, 3]);
  });

  it('lets an empty pane move nothing', () => {
    assert.deepEqual(discard('sum', [pane(4, 2), pane(0, 0)]), [4, 4]);
    assert.deepEqual(discard('min', [pane(4, 2), pane(0, 0)]), [4, 4]);
    assert.deepEqual(discard('avg', [pane(4, 2), pane(0, 0)]), [4, 4]);
    const [first, second] = discard('max', [pane(0, 0), pane(9, 1)]);
    assert.ok(Number.isNaN(first));
    assert.equal(second, 9);
  });
});
