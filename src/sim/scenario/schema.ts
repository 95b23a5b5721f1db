/**
 * The YAML form of a scenario, as a zod schema. It checks the shape of every field, converts
 * durations, times and shares into integer milliseconds and ratios, and fills the defaults that
 * depend on nothing else (defaults.ts). Rules that relate two fields live in rules.ts; defaults
 * that depend on another field, and the reading of event files, in parse.ts.
 *
 * The output of each part is already the normalized type of types.ts where it can be. The parts
 * live in schema/, one a concern: windowing, input, pipeline, engine, delivery and failures.
 */
import type { z } from 'zod';
import { SEMANTICS } from '../model/semantics.js';
import { flag, integer, keyword, list, mapping, nonNegativeDuration, nonNegativeTime, positiveInteger, text } from './fields.js';
import { checkpointsSchema, deliverySchema } from './schema/delivery.js';
import { costSchema, engineSchema } from './schema/engine.js';
import { failuresSchema } from './schema/failures.js';
import { inputSchema } from './schema/input.js';
import { parallelismSchema, pipelineSchema } from './schema/pipeline.js';
import { triggerSchema, watermarkSchema, windowSchema } from './schema/windowing.js';

export const SCENARIO_EXPECTED = 'a scenario: a mapping with name, input, window, watermark, trigger, …';

export const scenarioSchema = mapping(
  {
    name: text().optional(),
    description: text().optional(),
    covers: list(text(), 'a list of concepts').optional(),
    story: text().optional(),
    seed: integer('an integer').optional(),
    semantics: keyword(SEMANTICS).optional(),
    timeDomain: keyword(['event-time', 'ingestion-time', 'processing-time']).optional(),
    input: inputSchema,
    pipeline: pipelineSchema.optional(),
    window: windowSchema,
    aggregate: keyword(['count', 'sum', 'min', 'max', 'avg']).optional(),
    watermark: watermarkSchema.optional(),
    trigger: triggerSchema.optional(),
    allowedLateness: nonNegativeDuration().optional(),
    accumulation: keyword(['discarding', 'accumulating', 'accumulating-retracting']).optional(),
    lateData: keyword(['drop', 'side-output']).optional(),
    parallelism: parallelismSchema.optional(),
    channelDelay: nonNegativeDuration().optional(),
    outputMode: keyword(['append', 'update', 'complete']).optional(),
    suppress: keyword(['untilWindowCloses']).optional(),
    maxSteps: positiveInteger().optional(),
    engine: engineSchema.optional(),
    chaining: flag().optional(),
    cost: costSchema.optional(),
    checkpoints: checkpointsSchema.optional(),
    delivery: deliverySchema.optional(),
    failures: failuresSchema.optional(),
    savepoints: list(nonNegativeTime(), 'a list of times such as [60s, "12:05:00"]').optional(),
  },
  SCENARIO_EXPECTED,
);

/** A scenario file after the schema: shapes checked, units converted, local defaults filled. */
export type ScenarioForm = z.output<typeof scenarioSchema>;
export type InputForm = ScenarioForm['input'];
export type GeneratorForm = NonNullable<InputForm['generator']>;
