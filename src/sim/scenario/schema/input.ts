/**
 * Where a scenario's events come from: a scripted timeline (Beam's TestStream), a seeded generator
 * with its key distribution and disorder model, or a file of events.
 */
import { z } from 'zod';
import { DISORDER_DEFAULTS, GENERATOR_DEFAULTS } from '../defaults.js';
import {
  exactlyOne,
  flag,
  integer,
  keyName,
  list,
  mapping,
  nonNegativeInteger,
  nonNegativeTime,
  number,
  positiveDuration,
  positiveInteger,
  share,
  text,
  time,
  timeOrEnd,
} from '../fields.js';
import type { Disorder, EventSpec, KeyDistribution, TimelineStep } from '../types.js';

const heavyTailedSchema = mapping({
  base: positiveDuration(),
  stragglers: share(),
  alpha: number('a positive number (the Pareto shape, e.g. 1.5)', (a) => a > 0).optional(),
  max: positiveDuration().optional(),
});

export const disorderSchema = z
  .union(
    [
      z.literal('none'),
      mapping({ uniform: positiveDuration().optional(), heavyTailed: heavyTailedSchema.optional() }).superRefine(exactlyOne(['uniform', 'heavyTailed'])),
    ],
    { error: 'none, { uniform: 6s } or { heavyTailed: { base: 2s, stragglers: 5%, alpha: 1.5, max: 10m } }' },
  )
  .transform((d): Disorder => {
    if (d === 'none') return { type: 'none' };
    if (d.uniform !== undefined) return { type: 'uniform', maxDelayMs: d.uniform };
    const h = d.heavyTailed;
    if (h === undefined) return { type: 'none' }; // unreachable: exactlyOne guarantees one of the two
    return {
      type: 'heavy-tailed',
      baseDelayMs: h.base,
      stragglerNumerator: h.stragglers.numerator,
      stragglerDenominator: h.stragglers.denominator,
      alpha: h.alpha ?? DISORDER_DEFAULTS.heavyTailedAlpha,
      maxDelayMs: h.max ?? DISORDER_DEFAULTS.heavyTailedMaxDelayMs,
    };
  });

const distributionSchema = z
  .union(
    [
      z.literal('uniform'),
      mapping({
        zipf: number('a positive number (the Zipf exponent, e.g. 1.1)', (s) => s > 0).optional(),
        hotKey: share().optional(),
        rotating: mapping({ active: positiveInteger(), period: positiveDuration() }).optional(),
      }).superRefine(exactlyOne(['zipf', 'hotKey', 'rotating'])),
    ],
    { error: 'uniform, { zipf: 1.1 }, { hotKey: 20% } or { rotating: { active: 100, period: 10s } }' },
  )
  .transform((d): KeyDistribution => {
    if (d === 'uniform') return { type: 'uniform' };
    if (d.zipf !== undefined) return { type: 'zipf', exponent: d.zipf };
    if (d.hotKey !== undefined) return { type: 'hot-key', shareNumerator: d.hotKey.numerator, shareDenominator: d.hotKey.denominator };
    const r = d.rotating;
    return r === undefined ? { type: 'uniform' } : { type: 'rotating', activeKeys: r.active, periodMs: r.period };
  });

const keysSchema = z
  .union(
    [
      positiveInteger(),
      mapping({ count: positiveInteger().optional(), distribution: distributionSchema.optional() }),
    ],
    { error: 'a positive integer or a mapping such as { count: 1000, distribution: { zipf: 1.1 } }' },
  )
  .transform((k): { keys: number; keyDistribution: KeyDistribution } =>
    typeof k === 'number'
      ? { keys: k, keyDistribution: { type: 'uniform' } }
      : { keys: k.count ?? GENERATOR_DEFAULTS.keys, keyDistribution: k.distribution ?? { type: 'uniform' } },
  );

const eventSchema = mapping({
  key: keyName(),
  value: number('a number'),
  eventTime: time(),
  partition: nonNegativeInteger().optional(),
  marker: flag().optional(),
}).transform((e): EventSpec => ({
  key: e.key,
  value: e.value,
  eventTime: e.eventTime,
  partition: e.partition ?? 0,
  ...(e.marker !== undefined && { marker: e.marker }),
}));

const timelineStepSchema = mapping(
  { at: nonNegativeTime(), events: list(eventSchema, 'a list of events').optional(), watermark: timeOrEnd().optional() },
  'a step: { at: <time>, events: [...] } or { at: <time>, watermark: <time or end> }',
)
  .superRefine(exactlyOne(['events', 'watermark']))
  .transform((s): TimelineStep =>
    s.watermark !== undefined
      ? { at: s.at, kind: 'watermark', watermark: s.watermark }
      : { at: s.at, kind: 'events', events: s.events ?? [] },
  );

const generatorSchema = mapping({
  events: nonNegativeInteger(),
  rate: number('a positive number of events per second', (r) => r > 0).optional(),
  start: time().optional(),
  partitions: positiveInteger().optional(),
  keys: keysSchema.optional(),
  values: mapping({ min: integer('an integer').optional(), max: integer('an integer').optional() }).optional(),
  bursts: mapping({ on: positiveDuration(), off: positiveDuration(), rate: number('a positive number of events per second', (r) => r > 0) }).optional(),
  disorder: disorderSchema.optional(),
  laggingPartition: mapping({ partition: nonNegativeInteger(), lag: positiveDuration() }).optional(),
  idlePartition: mapping({ partition: nonNegativeInteger(), from: time().optional(), until: timeOrEnd().optional() }).optional(),
  markerEvery: positiveInteger().optional(),
});

export const INPUT_KINDS = ['timeline', 'generator', 'file'] as const;

export const inputSchema = mapping(
  {
    timeline: list(timelineStepSchema, 'a list of steps').optional(),
    generator: generatorSchema.optional(),
    file: text('a file name (events.jsonl or events.csv)').optional(),
    disorder: disorderSchema.optional(),
    partitions: positiveInteger().optional(),
  },
  'a mapping with one of timeline, generator or file',
).superRefine(exactlyOne(INPUT_KINDS));
