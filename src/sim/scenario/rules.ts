/**
 * Rules that relate two fields, checked on the normalized scenario. Each rule names the field to
 * fix, says what it must be and why (which engine's rule forbids the combination), and shows the
 * other field involved. The first broken rule, in the order below, is the one reported.
 */
import { describeFound, type PathSegment } from './errors.js';
import type { Problem } from './issues.js';
import type { Reporter } from './reporter.js';
import type { Disorder, GeneratorSpec, Scenario, TimelineStep } from './types.js';

type Rule = (s: Scenario, r: Reporter) => Problem | undefined;

interface Broken {
  readonly expected: string;
  readonly why?: string;
  readonly found?: string;
}

const invalid = (path: readonly PathSegment[], { expected, why, found }: Broken): Problem => ({
  path,
  expected,
  kind: 'invalid',
  ...(found !== undefined && { found }),
  ...(why !== undefined && { why }),
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
const timelineInOrder: Rule = (s, r) => {
  const steps = timelineSteps(s);
  let last: { index: number; watermark: number } | undefined;
  for (const [i, step] of steps.entries()) {
    const previous = steps[i - 1];
    if (previous !== undefined && step.at < previous.at) {
      const before = quote(r, ['input', 'timeline', i - 1, 'at'], previous.at);
      return invalid(['input', 'timeline', i, 'at'], { expected: `a time not before the previous step's (${before})`, why: 'Timeline steps run in the order written' });
    }
    if (step.kind !== 'watermark') continue;
    if (last !== undefined && step.watermark < last.watermark) {
      const before = quote(r, ['input', 'timeline', last.index, 'watermark'], last.watermark);
      return invalid(['input', 'timeline', i, 'watermark'], { expected: `a watermark not before the previous one (${before})`, why: 'A watermark never goes backwards' });
    }
    last = { index: i, watermark: step.watermark };
  }
  return undefined;
};

const scriptedNeedsTimeline: Rule = (s, r) => {
  if (s.watermark.type !== 'scripted' || s.input.kind === 'timeline') return undefined;
  const written = s.input.kind === 'events' ? 'file' : s.input.kind;
  return invalid(['watermark', 'type'], {
    expected: 'a strategy other than scripted',
    found: foundWith(r, ['watermark', 'type'], `input.${written}`),
    why: 'A scripted watermark moves only at the watermark steps of an input.timeline',
  });
};

const watermarkStepsNeedScripted: Rule = (s) => {
  if (s.watermark.type === 'scripted') return undefined;
  const i = timelineSteps(s).findIndex((step) => step.kind === 'watermark');
  if (i < 0) return undefined;
  return invalid(['watermark', 'type'], {
    expected: `scripted, since input.timeline[${i}] sets the watermark`,
    why: `A ${s.watermark.type} watermark computes its own and cannot follow the timeline's steps (leave watermark out, or drop the watermark steps)`,
  });
};

// ---------------------------------------------------------------------------------------------
// window

const windowShape: Rule = (s, r) => {
  const w = s.window;
  const size = quote(r, ['window', 'size'], 'sizeMs' in w ? w.sizeMs : 0);
  if (w.type === 'sliding' && w.everyMs > w.sizeMs) {
    return invalid(['window', 'every'], { expected: `a duration no longer than window.size (${size})`, why: 'A slide longer than the window leaves gaps that no window covers' });
  }
  // Flink rejects |offset| >= size for tumbling windows and |offset| >= slide for sliding ones.
  if (w.type === 'tumbling' && w.offsetMs >= w.sizeMs) {
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.size (${size})`, why: 'Flink\'s TumblingEventTimeWindows requires offset < size' });
  }
  if (w.type === 'sliding' && w.offsetMs >= w.everyMs) {
    const every = quote(r, ['window', 'every'], w.everyMs);
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.every (${every})`, why: 'Flink\'s SlidingEventTimeWindows requires offset < slide' });
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// engine rules

const engineOnlyFields: Rule = (s, r) => {
  if (s.suppress && s.semantics !== 'kafka-streams') {
    return invalid(['suppress'], {
      expected: 'no suppress unless semantics is kafka-streams',
      found: foundWith(r, ['suppress'], `semantics ${s.semantics}`),
      why: 'suppress(untilWindowCloses) is a Kafka Streams operator',
    });
  }
  if (s.outputMode === 'update' && s.semantics !== 'spark') {
    return invalid(['outputMode'], {
      expected: 'append unless semantics is spark',
      found: foundWith(r, ['outputMode'], `semantics ${s.semantics}`),
      why: 'Output modes belong to Spark Structured Streaming',
    });
  }
  return undefined;
};

const kafkaStreams: Rule = (s, r) => {
  if (s.semantics !== 'kafka-streams') return undefined;
  if (r.valueAt(['trigger']) !== undefined) {
    return invalid(['trigger'], {
      expected: 'no trigger with semantics kafka-streams',
      why: 'Kafka Streams has no triggers: every record updates its window\'s result at once (write suppress: untilWindowCloses for one final result per window)',
    });
  }
  if (s.accumulation !== 'accumulating') {
    return invalid(['accumulation'], {
      expected: 'accumulating with semantics kafka-streams',
      why: 'Each Kafka Streams update carries the whole aggregate of its window so far',
    });
  }
  return undefined;
};

const spark: Rule = (s, r) => {
  if (s.semantics !== 'spark') return undefined;
  if (s.allowedLatenessMs > 0) {
    return invalid(['allowedLateness'], {
      expected: '0 with semantics spark',
      why: 'The watermark delay is Spark\'s only bound on lateness (set watermark.maxDelay instead)',
    });
  }
  for (const firing of ['early', 'late'] as const) {
    if (r.valueAt(['trigger', firing]) === undefined) continue;
    return invalid(['trigger', firing], {
      expected: `no ${firing} firings with semantics spark`,
      why: 'A micro-batch query emits once per batch as outputMode says (append: once the watermark passes the window; update: in every batch that changes it)',
    });
  }
  return undefined;
};

const processingTime: Rule = (s) => {
  if (s.timeDomain !== 'processing-time') return undefined;
  const why = 'Nothing is late in processing time, since each record is stamped with the operator\'s clock as it arrives';
  if (s.allowedLatenessMs > 0) return invalid(['allowedLateness'], { expected: '0 with timeDomain processing-time', why });
  if (s.lateData === 'side-output') return invalid(['lateData'], { expected: 'drop with timeDomain processing-time', why });
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// input

function disorderProblem(d: Disorder, at: readonly PathSegment[], r: Reporter): Problem | undefined {
  if (d.type !== 'heavy-tailed' || d.maxDelayMs >= d.baseDelayMs) return undefined;
  const why = 'Stragglers are delayed at least as much as the other events';
  const heavy = [...at, 'heavyTailed'];
  if (r.valueAt([...heavy, 'max']) === undefined) {
    return invalid([...heavy, 'base'], { expected: `a duration no longer than heavyTailed.max (${d.maxDelayMs} ms, the default)`, why });
  }
  return invalid([...heavy, 'max'], { expected: `a duration no shorter than heavyTailed.base (${quote(r, [...heavy, 'base'], d.baseDelayMs)})`, why });
}

function partitionProblem(g: GeneratorSpec, r: Reporter): Problem | undefined {
  const parts = [
    ['laggingPartition', g.laggingPartition?.partition],
    ['idlePartition', g.idlePartition?.partition],
  ] as const;
  for (const [field, partition] of parts) {
    if (partition === undefined || partition < g.partitions) continue;
    const byDefault = r.valueAt(['input', 'generator', 'partitions']) === undefined ? ', the default' : '';
    return invalid(['input', 'generator', field, 'partition'], {
      expected: `a partition below generator.partitions (${g.partitions}${byDefault})`,
      why: 'Partitions are numbered from 0',
    });
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
    const field = r.valueAt([...at, 'values', 'max']) === undefined ? 'min' : 'max';
    return invalid([...at, 'values', field], {
      expected: `values with min < max (min ${g.valueMin}, max ${g.valueMax})`,
      why: 'Values are integers drawn from [min, max)',
    });
  }
  const idle = g.idlePartition;
  if (idle !== undefined && idle.untilMs <= idle.fromMs) {
    const from = quote(r, [...at, 'idlePartition', 'from'], idle.fromMs);
    return invalid([...at, 'idlePartition', 'until'], { expected: `a time after idlePartition.from (${from})` });
  }
  const d = g.keyDistribution;
  if (d.type === 'rotating' && d.activeKeys > g.keys) {
    return invalid([...at, 'keys', 'distribution', 'rotating', 'active'], { expected: `at most keys.count (${g.keys}) active keys` });
  }
  return disorderProblem(g.disorder, [...at, 'disorder'], r);
};

const inputFields: Rule = (s, r) => {
  if (s.input.kind === 'events') return disorderProblem(s.input.disorder, ['input', 'disorder'], r);
  for (const field of ['disorder', 'partitions'] as const) {
    if (r.valueAt(['input', field]) === undefined) continue;
    const why =
      s.input.kind === 'timeline'
        ? 'A timeline scripts its arrivals and takes its partitions from its events'
        : `A generator takes it as input.generator.${field}`;
    return invalid(['input', field], { expected: `no input.${field} except with input.file`, why });
  }
  return undefined;
};

const pipelineRule: Rule = (s) => {
  const f = s.pipeline.filter;
  if (f?.valueMin !== undefined && f.valueMax !== undefined && f.valueMax <= f.valueMin) {
    return invalid(['pipeline', 'filter', 'valueMax'], {
      expected: `a number above pipeline.filter.valueMin (${f.valueMin})`,
      why: 'The filter keeps values in [valueMin, valueMax)',
    });
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
