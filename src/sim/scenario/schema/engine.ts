/** Which engine runs the job (native or micro-batch) and what each piece of its work costs. */
import { z } from 'zod';
import { COST_DEFAULTS, EXTERNAL_STATE_ACCESS_US, MICRO_BATCH_DEFAULTS } from '../defaults.js';
import { durationOrAsap, flag, keyword, mapping, microseconds, nonNegativeDuration, positiveInteger } from '../fields.js';
import type { CostModel, EngineSpec } from '../types.js';

export const ENGINES = ['native', 'micro-batch'] as const;

function microBatch(trigger: number | undefined, noDataBatches: boolean | undefined): EngineSpec {
  return {
    type: 'micro-batch',
    triggerIntervalMs: trigger ?? MICRO_BATCH_DEFAULTS.triggerIntervalMs,
    noDataBatches: noDataBatches ?? MICRO_BATCH_DEFAULTS.noDataBatches,
  };
}

export const engineSchema = z
  .union(
    [
      keyword(ENGINES),
      z.discriminatedUnion('type', [
        mapping({ type: z.literal('native') }),
        mapping({ type: z.literal('micro-batch'), trigger: durationOrAsap().optional(), noDataBatches: flag().optional() }),
      ]),
    ],
    { error: 'native, micro-batch or a mapping such as { type: micro-batch, trigger: 1s }' },
  )
  .transform((e): EngineSpec => {
    if (e === 'native') return { type: 'native' };
    if (e === 'micro-batch') return microBatch(undefined, undefined);
    return e.type === 'native' ? { type: 'native' } : microBatch(e.trigger, e.noDataBatches);
  });

export const costSchema = mapping({
  sourceRecord: microseconds().optional(),
  operatorRecord: microseconds().optional(),
  window: microseconds().optional(),
  serialization: microseconds().optional(),
  sink: microseconds().optional(),
  state: mapping({
    backend: keyword(['memory', 'external']).optional(),
    access: microseconds().optional(),
    asyncConcurrency: positiveInteger().optional(),
  }).optional(),
  buffer: mapping({ records: positiveInteger().optional(), timeout: nonNegativeDuration().optional(), overhead: microseconds().optional() }).optional(),
  channelCapacity: positiveInteger().optional(),
  batchOverhead: nonNegativeDuration().optional(),
  snapshot: nonNegativeDuration().optional(),
}).transform((c): CostModel => {
  const C = COST_DEFAULTS;
  return {
    sourceRecordUs: c.sourceRecord ?? C.sourceRecordUs,
    operatorRecordUs: c.operatorRecord ?? C.operatorRecordUs,
    windowRecordUs: c.window ?? C.windowRecordUs,
    serializationUs: c.serialization ?? C.serializationUs,
    sinkRecordUs: c.sink ?? C.sinkRecordUs,
    stateBackend: c.state?.backend ?? C.stateBackend,
    stateAccessUs: c.state?.access ?? (c.state?.backend === 'external' ? EXTERNAL_STATE_ACCESS_US : C.stateAccessUs),
    asyncConcurrency: c.state?.asyncConcurrency ?? C.asyncConcurrency,
    bufferRecords: c.buffer?.records ?? C.bufferRecords,
    bufferTimeoutMs: c.buffer?.timeout ?? C.bufferTimeoutMs,
    bufferOverheadUs: c.buffer?.overhead ?? C.bufferOverheadUs,
    channelCapacity: c.channelCapacity ?? C.channelCapacity,
    batchOverheadMs: c.batchOverhead ?? C.batchOverheadMs,
    snapshotMsPerThousand: c.snapshot ?? C.snapshotMsPerThousand,
  };
});
