/** How a job survives failures: its periodic checkpoints, and the delivery guarantee its sink gives. */
import { z } from 'zod';
import { CHECKPOINT_DEFAULTS, deliveryFor } from '../defaults.js';
import { keyword, list, mapping, nonNegativeDuration, positiveDuration, positiveInteger } from '../fields.js';
import type { CheckpointMode, CheckpointSpec, DeliveryGuarantee, DeliverySpec, ReaderIsolation, SinkKind } from '../types.js';

export const CHECKPOINT_MODES = ['aligned', 'unaligned', 'at-least-once'] as const satisfies readonly CheckpointMode[];

export const checkpointsSchema = mapping({
  interval: positiveDuration(),
  mode: keyword(CHECKPOINT_MODES).optional(),
  alignedTimeout: positiveDuration().optional(),
  timeout: positiveDuration().optional(),
  maxConcurrent: positiveInteger().optional(),
  minPause: nonNegativeDuration().optional(),
}).transform((c): CheckpointSpec => {
  const C = CHECKPOINT_DEFAULTS;
  return {
    intervalMs: c.interval,
    mode: c.mode ?? C.mode,
    ...(c.alignedTimeout !== undefined && { alignedTimeoutMs: c.alignedTimeout }),
    timeoutMs: c.timeout ?? C.timeoutMs,
    maxConcurrent: c.maxConcurrent ?? C.maxConcurrent,
    minPauseMs: c.minPause ?? C.minPauseMs,
  };
});

export const GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const satisfies readonly DeliveryGuarantee[];
export const SINKS = ['plain', 'transactional', 'idempotent'] as const satisfies readonly SinkKind[];
export const READERS = ['read-committed', 'read-uncommitted'] as const satisfies readonly ReaderIsolation[];

const readersSchema = list(keyword(READERS), 'a list of isolation levels such as [read-committed, read-uncommitted]').superRefine((readers, ctx) => {
  for (const [i, reader] of readers.entries()) {
    if (readers.indexOf(reader) === i) continue;
    ctx.addIssue({ code: 'custom', path: [i], message: `each isolation level once (${reader} is readers[${readers.indexOf(reader)}])` });
  }
});

export const deliverySchema = z
  .union(
    [
      keyword(GUARANTEES),
      mapping({ guarantee: keyword(GUARANTEES), sink: keyword(SINKS).optional(), readers: readersSchema.optional() }),
    ],
    { error: 'at-most-once, at-least-once, exactly-once or a mapping such as { guarantee: exactly-once, sink: idempotent }' },
  )
  .transform((d): DeliverySpec => (typeof d === 'string' ? deliveryFor(d) : deliveryFor(d.guarantee, d.sink, d.readers)));
