import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StartQueue } from './start-queue.js';

describe('StartQueue', () => {
  it('keeps starts sorted through inserts at the back, out-of-order inserts, and removals anywhere', () => {
    const q = new StartQueue();
    const model: number[] = [];
    // A deterministic walk: mostly in order at the back, some behind, removals at the front and inside.
    let x = 0;
    for (let step = 0; step < 2000; step++) {
      const r = (step * 7919) % 13;
      if (r < 6) {
        x += 1000;
        q.insert(x);
        model.push(x);
      } else if (r < 8) {
        const y = x - 1000 * ((step % 5) + 1) + 500;
        q.insert(y);
        model.push(y);
        model.sort((a, b) => a - b);
      } else if (r < 11 && model.length > 0) {
        q.remove(model[0] as number);
        model.shift();
      } else if (model.length > 2) {
        const y = model[Math.floor(model.length / 2)] as number;
        q.remove(y);
        model.splice(model.indexOf(y), 1);
      }
      assert.equal(q.size, model.length);
      assert.deepEqual([...q], model, `after step ${step}`);
    }
    for (const y of model) assert.ok(q.has(y));
    assert.equal(q.has(-1), false);
    assert.equal(q.indexOf(x + 1), -1);
  });

  it('removing what is not there changes nothing', () => {
    const q = new StartQueue();
    q.insert(1);
    q.insert(3);
    q.remove(2);
    assert.deepEqual([...q], [1, 3]);
  });
});
