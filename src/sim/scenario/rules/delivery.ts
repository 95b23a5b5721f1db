/** Rules of checkpoints, delivery guarantees and savepoints. */
import { foundWith, invalid, quote, type Rule } from './rule.js';

export const checkpointRule: Rule = (s, r) => {
  const c = s.faultTolerance?.checkpoints;
  if (c?.alignedTimeoutMs === undefined || c.mode === 'aligned') return undefined;
  return invalid(['checkpoints', 'alignedTimeout'], {
    expected: 'no alignedTimeout unless checkpoints.mode is aligned',
    found: foundWith(r, ['checkpoints', 'alignedTimeout'], `mode ${c.mode}`),
    why: 'The timeout switches an aligned checkpoint to unaligned when alignment takes too long; unaligned and at-least-once checkpoints never align',
  });
};

export const deliveryRule: Rule = (s, r) => {
  const ft = s.faultTolerance;
  if (ft === undefined) return undefined;
  const { guarantee, sink, readers } = ft.delivery;
  // Only written values can break these rules: the defaults satisfy them (defaults.ts).
  const guaranteeAt = r.valueAt(['delivery', 'guarantee']) === undefined ? ['delivery'] : ['delivery', 'guarantee'];
  // The micro-batch engine writes Spark's offset and commit logs and a state version every batch:
  // they are its checkpoints, so it replays without a `checkpoints` section.
  if (guarantee !== 'at-most-once' && ft.checkpoints === undefined && s.engine?.type !== 'micro-batch') {
    return invalid(guaranteeAt, {
      expected: 'at-most-once without checkpoints',
      found: foundWith(r, guaranteeAt, 'no checkpoints'),
      why: `${guarantee === 'exactly-once' ? 'Exactly-once' : 'At-least-once'} replays from the last completed checkpoint after a failure, so it needs checkpoints (e.g. checkpoints: { interval: 10s })`,
    });
  }
  if (guarantee === 'exactly-once' && sink === 'plain') {
    return invalid(['delivery', 'sink'], {
      expected: 'transactional or idempotent with exactly-once',
      found: foundWith(r, ['delivery', 'sink'], 'guarantee exactly-once'),
      why: 'A plain sink cannot give exactly-once: choose transactional or idempotent (a plain sink writes replayed results again)',
    });
  }
  if (guarantee === 'at-most-once' && sink !== 'plain') {
    return invalid(['delivery', 'sink'], {
      expected: 'plain with at-most-once',
      found: foundWith(r, ['delivery', 'sink'], 'guarantee at-most-once'),
      why: `At-most-once never replays, so ${sink === 'transactional' ? 'a transactional sink has nothing to hold back' : 'an idempotent sink has nothing to overwrite'} (choose at-least-once or exactly-once, or sink plain)`,
    });
  }
  if (readers.length > 0 && sink !== 'transactional') {
    return invalid(['delivery', 'readers'], {
      expected: 'no readers unless delivery.sink is transactional',
      found: foundWith(r, ['delivery', 'readers'], `sink ${sink}`),
      why: 'Isolation levels belong to transactions: only a transactional sink has uncommitted output for a reader to see or not',
    });
  }
  return undefined;
};

export const savepointsRule: Rule = (s, r) => {
  const times = s.faultTolerance?.savepointsAtMs ?? [];
  if (times.length > 0 && s.engine?.type === 'micro-batch') {
    return invalid(['savepoints'], {
      expected: 'no savepoints with engine micro-batch',
      why: 'Savepoints are Flink\'s; a micro-batch query resumes from its checkpoint location (offset log, commit log, state store)',
    });
  }
  for (const [i, t] of times.entries()) {
    const previous = times[i - 1];
    if (previous === undefined || t > previous) continue;
    return invalid(['savepoints', i], { expected: `a time after the previous savepoint's (${quote(r, ['savepoints', i - 1], previous)})`, why: 'Savepoints are taken in the order written' });
  }
  return undefined;
};
