/** The job graph between source and window: the map and filter operators, and each stage's parallelism. */
import { z } from 'zod';
import { PIPELINE_DEFAULTS } from '../defaults.js';
import { keyName, keyword, list, mapping, number, positiveInteger } from '../fields.js';

export const pipelineSchema = mapping({
  map: mapping({ multiply: number('a number').optional(), add: number('a number').optional() })
    .transform((m) => ({ multiply: m.multiply ?? PIPELINE_DEFAULTS.multiply, add: m.add ?? PIPELINE_DEFAULTS.add }))
    .optional(),
  filter: mapping({
    keyParity: keyword(['even', 'odd']).optional(),
    valueMin: number('a number').optional(),
    valueMax: number('a number').optional(),
    keys: list(keyName(), 'a list of keys').optional(),
  }).optional(),
});

export const parallelismSchema = z.union(
  [positiveInteger(), mapping({ source: positiveInteger().optional(), window: positiveInteger().optional() })],
  { error: 'a positive integer or { source: 1, window: 1 }' },
);
