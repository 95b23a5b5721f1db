/**
 * Rules that relate two fields, checked on the normalized scenario. Each rule names the field to
 * fix, says what it must be and why (which engine's rule forbids the combination), and shows the
 * other field involved. The first broken rule, in the order below, is the one reported.
 */
import { formatClock } from '../model/time.js';
import { describeFound, type PathSegment } from './errors.js';
import type { Problem } from './issues.js';
import type { Reporter } from './reporter.js';
import type { Disorder, GeneratorSpec, Scenario, TimelineStep } from './types.js';

type Rule = (s: Scenario, r: Reporter) => Problem | undefined;

const invalid = (path: readonly PathSegment[], expected: string, found?: string): Problem => ({
  path,
  expected,
  kind: 'invalid',
  ...(found !== undefined && { found }),
});

/** The written value at `path`, for quoting another field in a message: `window.size (2m)`. */
function quote(r: Reporter, path: readonly PathSegment[], fallback: number): string {
  const written = r.valueAt(path);
  return typeof written === 'string' || typeof written === 'number' ? String(written) : String(fallback);
}

/** `"update" with semantics flink`: the value written at `path` and the field it conflicts with. */
function foundWith(r: Reporter, path: readonly PathSegment[], other: string): string {
  return `${describeFound(r.valueAt(path)) ?? 'nothing'} with ${other}`;
}

// ---------------------------------------------------------------------------------------------
// timeline

const timelineSteps = (s: Scenario): readonly TimelineStep[] => (s.input.kind === 'timeline' ? s.input.steps : []);

/** A TestStream's steps happen in processing-time order, and a watermark never goes backwards. */
const timelineInOrder: Rule = (s) => {
  const steps = timelineSteps(s);
  let lastWatermark = -Infinity;
  for (const [i, step] of steps.entries()) {
    const previous = steps[i - 1];
    if (previous !== undefined && step.at < previous.at) {
      return invalid(['input', 'timeline', i, 'at'], `a time not before the previous step's (${formatClock(previous.at)}): steps run in order`);
    }
    if (step.kind !== 'watermark') continue;
    if (step.watermark < lastWatermark) {
      return invalid(['input', 'timeline', i, 'watermark'], `a watermark not before the previous one (${formatClock(lastWatermark)}): watermarks never go backwards`);
    }
    lastWatermark = step.watermark;
  }
  return undefined;
};

const scriptedNeedsTimeline: Rule = (s, r) => {
  if (s.watermark.type !== 'scripted' || s.input.kind === 'timeline') return undefined;
  const written = s.input.kind === 'events' ? 'file' : s.input.kind;
  return invalid(
    ['watermark', 'type'],
    'a strategy other than scripted: a scripted watermark moves only at the watermark steps of an input.timeline',
    foundWith(r, ['watermark', 'type'], `input.${written}`),
  );
};

const watermarkStepsNeedScripted: Rule = (s, r) => {
  if (s.watermark.type === 'scripted') return undefined;
  const i = timelineSteps(s).findIndex((step) => step.kind === 'watermark');
  if (i < 0) return undefined;
  return invalid(
    ['watermark', 'type'],
    `scripted, because input.timeline[${i}] sets the watermark (a ${s.watermark.type} watermark computes its own and cannot follow the steps)`,
    describeFound(r.valueAt(['watermark', 'type'])),
  );
};

// ---------------------------------------------------------------------------------------------
// window

const windowShape: Rule = (s, r) => {
  const w = s.window;
  const size = quote(r, ['window', 'size'], 'sizeMs' in w ? w.sizeMs : 0);
  if (w.type === 'sliding' && w.everyMs > w.sizeMs) {
    return invalid(['window', 'every'], `a duration no longer than window.size (${size}): a longer slide leaves gaps that no window covers`);
  }
  // Flink rejects |offset| >= size for tumbling windows and |offset| >= slide for sliding ones.
  if (w.type === 'tumbling' && w.offsetMs >= w.sizeMs) {
    return invalid(['window', 'offset'], `a duration shorter than window.size (${size})`);
  }
  if (w.type === 'sliding' && w.offsetMs >= w.everyMs) {
    return invalid(['window', 'offset'], `a duration shorter than window.every (${quote(r, ['window', 'every'], w.everyMs)})`);
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// engine rules

const engineOnlyFields: Rule = (s, r) => {
  if (s.suppress && s.semantics !== 'kafka-streams') {
    return invalid(
      ['suppress'],
      'no suppress unless semantics is kafka-streams: suppress(untilWindowCloses) is a Kafka Streams operator',
      foundWith(r, ['suppress'], `semantics ${s.semantics}`),
    );
  }
  if (s.outputMode === 'update' && s.semantics !== 'spark') {
    return invalid(
      ['outputMode'],
      'append unless semantics is spark: output modes belong to Spark Structured Streaming',
      foundWith(r, ['outputMode'], `semantics ${s.semantics}`),
    );
  }
  return undefined;
};

const kafkaStreams: Rule = (s, r) => {
  if (s.semantics !== 'kafka-streams') return undefined;
  if (r.valueAt(['trigger']) !== undefined) {
    return invalid(
      ['trigger'],
      'no trigger with semantics kafka-streams: Kafka Streams has no triggers, every record updates its window\'s result at once (write suppress: untilWindowCloses for one final result per window)',
    );
  }
  if (s.accumulation !== 'accumulating') {
    return invalid(['accumulation'], 'accumulating with semantics kafka-streams: each update carries the whole aggregate of its window so far');
  }
  return undefined;
};

const spark: Rule = (s, r) => {
  if (s.semantics !== 'spark') return undefined;
  if (s.allowedLatenessMs > 0) {
    return invalid(['allowedLateness'], '0 with semantics spark: the watermark delay is Spark\'s only bound on lateness (set watermark.maxDelay instead)');
  }
  for (const firing of ['early', 'late'] as const) {
    if (r.valueAt(['trigger', firing]) === undefined) continue;
    return invalid(
      ['trigger', firing],
      `no ${firing} firings with semantics spark: a micro-batch query emits once per batch as outputMode says (append: once the watermark passes the window; update: every batch that changes it)`,
    );
  }
  return undefined;
};

const processingTime: Rule = (s) => {
  if (s.timeDomain !== 'processing-time') return undefined;
  const why = 'nothing is late in processing time, since every record is stamped with the operator\'s clock as it arrives';
  if (s.allowedLatenessMs > 0) return invalid(['allowedLateness'], `0 with timeDomain processing-time: ${why}`);
  if (s.lateData === 'side-output') return invalid(['lateData'], `drop with timeDomain processing-time: ${why}`);
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// input

function disorderProblem(d: Disorder, at: readonly PathSegment[]): Problem | undefined {
  if (d.type === 'heavy-tailed' && d.maxDelayMs < d.baseDelayMs) {
    return invalid([...at, 'heavyTailed', 'max'], 'a duration no shorter than heavyTailed.base: stragglers are delayed at least as much as the others');
  }
  return undefined;
}

function partitionProblem(g: GeneratorSpec, r: Reporter): Problem | undefined {
  const parts = [
    ['laggingPartition', g.laggingPartition?.partition],
    ['idlePartition', g.idlePartition?.partition],
  ] as const;
  for (const [field, partition] of parts) {
    if (partition === undefined || partition < g.partitions) continue;
    const written = r.valueAt(['input', 'generator', 'partitions']) === undefined ? ' (the default)' : '';
    return invalid(['input', 'generator', field, 'partition'], `a partition below generator.partitions (${g.partitions}${written}), numbered from 0`);
  }
  return undefined;
}

const generatorRule: Rule = (s, r) => {
  if (s.input.kind !== 'generator') return undefined;
  const g = s.input.generator;
  const at = ['input', 'generator'] as const;
  const partitions = partitionProblem(g, r);
  if (partitions !== undefined) return partitions;
  if (g.valueMax <= g.valueMin) {
    return invalid([...at, 'values', r.valueAt([...at, 'values', 'max']) === undefined ? 'min' : 'max'], `values with min < max: values are drawn from [min, max) (min ${g.valueMin}, max ${g.valueMax})`);
  }
  const idle = g.idlePartition;
  if (idle !== undefined && idle.untilMs <= idle.fromMs) {
    return invalid([...at, 'idlePartition', 'until'], `a time after idlePartition.from (${formatClock(idle.fromMs)})`);
  }
  const d = g.keyDistribution;
  if (d.type === 'rotating' && d.activeKeys > g.keys) {
    return invalid([...at, 'keys', 'distribution', 'rotating', 'active'], `at most keys.count (${g.keys}) active keys`);
  }
  return disorderProblem(g.disorder, [...at, 'disorder']);
};

const inputFields: Rule = (s, r) => {
  if (s.input.kind === 'events') return disorderProblem(s.input.disorder, ['input', 'disorder']);
  for (const field of ['disorder', 'partitions'] as const) {
    if (r.valueAt(['input', field]) === undefined) continue;
    const instead =
      s.input.kind === 'timeline'
        ? 'a timeline scripts its arrivals and takes its partitions from its events'
        : `write it as input.generator.${field}`;
    return invalid(['input', field], `no input.${field} except with input.file: ${instead}`);
  }
  return undefined;
};

const pipelineRule: Rule = (s) => {
  const f = s.pipeline.filter;
  if (f?.valueMin !== undefined && f.valueMax !== undefined && f.valueMax <= f.valueMin) {
    return invalid(['pipeline', 'filter', 'valueMax'], `a number above pipeline.filter.valueMin (${f.valueMin}): the filter keeps values in [valueMin, valueMax)`);
  }
  return undefined;
};

const RULES: readonly Rule[] = [
  inputFields,
  timelineInOrder,
  generatorRule,
  pipelineRule,
  windowShape,
  scriptedNeedsTimeline,
  watermarkStepsNeedScripted,
  engineOnlyFields,
  kafkaStreams,
  spark,
  processingTime,
];

/** The first rule `scenario` breaks, or undefined. */
export function brokenRule(scenario: Scenario, reporter: Reporter): Problem | undefined {
  for (const rule of RULES) {
    const problem = rule(scenario, reporter);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
