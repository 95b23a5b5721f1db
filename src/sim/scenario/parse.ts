/**
 * Reads a scenario file into the normalized Scenario the simulator runs:
 *   1. YAML, with a line counter so every error can name its line;
 *   2. the schema (schema.ts): shapes, units, local defaults;
 *   3. normalization: defaults that depend on other fields, and the events of `input.file`;
 *   4. the rules that relate fields (rules.ts).
 * Any problem ends the parse with one ScenarioError that starts with the file name.
 *
 * Pure: the caller injects how to read the events file (relative to the scenario) and how to parse it.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { DEFAULT_UNSCRIPTED_WATERMARK, defaultGuarantee, deliveryFor, GENERATOR_DEFAULTS, SCENARIO_DEFAULTS } from './defaults.js';
import { describeFound, ScenarioError } from './errors.js';
import { firstProblem } from './issues.js';
import { createReporter, type Reporter } from './reporter.js';
import { brokenRule } from './rules.js';
import { SCENARIO_EXPECTED, scenarioSchema, type GeneratorForm, type InputForm, type ScenarioForm } from './schema.js';
import { createSourceMap } from './source-map.js';
import { SourceFileError } from '../sources/source-file-error.js';
import type { EventSpec, FaultSpec, FaultToleranceSpec, GeneratorSpec, InputSpec, Scenario, WatermarkSpec } from './types.js';

export { ScenarioError } from './errors.js';

/** One event as an events file gives it; rows without an arrival time arrive at their event time. */
export type EventSpecRow = EventSpec & { readonly arrivalTime?: number };

export interface ParseScenarioOptions {
  /** Returns the text of a file named relative to the scenario file; throws if it cannot. */
  readonly readFile: (relativePath: string) => string;
  /**
   * Parses an events file (JSONL or CSV, by its name). A ScenarioError or SourceFileError it throws
   * (naming the events file and line) passes through; any other error is reported at `input.file`.
   */
  readonly parseEventFile: (text: string, fileName: string) => EventSpecRow[];
}

function yamlSyntaxError(file: string, error: YAMLError): ScenarioError {
  const position = error.linePos?.[0];
  // yaml's message ends with " at line L, column C:" and a code frame; the line is ours to print.
  const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const column = position === undefined ? '' : ` (column ${position.col})`;
  return new ScenarioError({
    file,
    path: '',
    ...(position !== undefined && { line: position.line }),
    expected: 'valid YAML',
    problem: `YAML syntax error${column}: ${reason}`,
  });
}

/** `scenarios/scores.yaml` → `scores`: the name of a scenario that does not give one. */
function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]*$/, '') || last;
}

export function parseScenario(text: string, fileName: string, options: ParseScenarioOptions): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const [syntax] = doc.errors;
  if (syntax !== undefined) throw yamlSyntaxError(fileName, syntax);
  if (doc.contents === null) {
    throw new ScenarioError({ file: fileName, path: '', line: 1, expected: SCENARIO_EXPECTED, found: 'an empty file' });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  const reporter = createReporter(fileName, data, createSourceMap(doc, lineCounter));

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const problem = firstProblem(parsed.error.issues, reporter.valueAt, reporter.lineOf);
    throw problem === undefined
      ? new ScenarioError({ file: fileName, path: '', expected: 'a valid scenario', problem: parsed.error.message })
      : reporter.error(problem);
  }
  const scenario = normalize(parsed.data, fileName, reporter, options);
  const broken = brokenRule(scenario, reporter);
  if (broken !== undefined) throw reporter.error(broken);
  return scenario;
}

function normalize(form: ScenarioForm, source: string, reporter: Reporter, options: ParseScenarioOptions): Scenario {
  const D = SCENARIO_DEFAULTS;
  const input = normalizeInput(form.input, reporter, options);
  const parallelism = form.parallelism ?? D.parallelism;
  return {
    name: form.name ?? baseName(source),
    description: form.description ?? D.description,
    covers: form.covers ?? D.covers,
    story: form.story ?? D.story,
    source,
    seed: form.seed ?? D.seed,
    semantics: form.semantics ?? D.semantics,
    timeDomain: form.timeDomain ?? D.timeDomain,
    input,
    pipeline: {
      ...(form.pipeline?.map !== undefined && { map: form.pipeline.map }),
      ...(form.pipeline?.filter !== undefined && { filter: definedOnly(form.pipeline.filter) }),
    },
    window: form.window,
    aggregate: form.aggregate ?? D.aggregate,
    watermark: form.watermark ?? defaultWatermark(input),
    trigger: {
      ...(form.trigger?.early !== undefined && { early: form.trigger.early }),
      late: form.trigger?.late ?? D.lateFiring,
    },
    allowedLatenessMs: form.allowedLateness ?? D.allowedLatenessMs,
    accumulation: form.accumulation ?? D.accumulation,
    lateData: form.lateData ?? D.lateData,
    parallelism:
      typeof parallelism === 'number'
        ? { source: parallelism, window: parallelism }
        : { source: parallelism.source ?? D.parallelism, window: parallelism.window ?? D.parallelism },
    channelDelayMs: form.channelDelay ?? D.channelDelayMs,
    outputMode: form.outputMode ?? D.outputMode,
    suppress: form.suppress === 'untilWindowCloses',
    maxSteps: form.maxSteps ?? D.maxSteps,
    faultTolerance: normalizeFaultTolerance(form),
    engine: form.engine ?? D.engine,
    // No cost field means no cost model (every cost zero), which is not the same as `cost: {}`.
    ...(form.cost !== undefined && { cost: form.cost }),
    chaining: form.chaining ?? D.chaining,
  };
}

/**
 * The fault-tolerance fields gathered into one spec. Nothing written gives NO_FAULT_TOLERANCE; the
 * delivery guarantee defaults by whether there are checkpoints to replay from (defaults.ts).
 */
function normalizeFaultTolerance(form: ScenarioForm): FaultToleranceSpec {
  const failures = form.failures ?? [];
  const faults = failures.filter((f): f is FaultSpec => f.type !== 'random');
  // The schema allows at most one random entry.
  const random = failures.find((f) => f.type === 'random');
  return {
    ...(form.checkpoints !== undefined && { checkpoints: form.checkpoints }),
    delivery: form.delivery ?? deliveryFor(defaultGuarantee(form.checkpoints !== undefined)),
    faults,
    ...(random?.type === 'random' && { randomFaults: random.random }),
    savepointsAtMs: form.savepoints ?? [],
  };
}

/** The same object without its undefined fields, so that absent stays absent. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A timeline that scripts the watermark gets the scripted strategy; anything else the perfect one. */
function defaultWatermark(input: InputSpec): WatermarkSpec {
  const scripts = input.kind === 'timeline' && input.steps.some((s) => s.kind === 'watermark');
  return scripts ? { type: 'scripted' } : DEFAULT_UNSCRIPTED_WATERMARK;
}

/** Partitions are numbered from 0, so a source needs one more than the highest partition it writes to. */
function partitionsFor(events: readonly EventSpec[]): number {
  return events.reduce((max, e) => Math.max(max, e.partition), 0) + 1;
}

function normalizeInput(form: InputForm, reporter: Reporter, options: ParseScenarioOptions): InputSpec {
  if (form.timeline !== undefined) {
    const steps = form.timeline;
    return { kind: 'timeline', steps, partitions: partitionsFor(steps.flatMap((s) => (s.kind === 'events' ? s.events : []))) };
  }
  if (form.generator !== undefined) return { kind: 'generator', generator: normalizeGenerator(form.generator) };
  if (form.file !== undefined) return readEvents(form.file, form, reporter, options);
  // The schema requires exactly one of timeline, generator and file.
  throw reporter.error({ path: ['input'], expected: 'exactly one of timeline, generator or file', kind: 'invalid' });
}

function normalizeGenerator(g: GeneratorForm): GeneratorSpec {
  const G = GENERATOR_DEFAULTS;
  const keys = g.keys ?? { keys: G.keys, keyDistribution: { type: 'uniform' } };
  return {
    events: g.events,
    ratePerSec: g.rate ?? G.ratePerSec,
    startMs: g.start ?? G.startMs,
    partitions: g.partitions ?? G.partitions,
    keys: keys.keys,
    keyDistribution: keys.keyDistribution,
    valueMin: g.values?.min ?? G.valueMin,
    valueMax: g.values?.max ?? G.valueMax,
    ...(g.bursts !== undefined && { bursts: { onMs: g.bursts.on, offMs: g.bursts.off, burstRatePerSec: g.bursts.rate } }),
    disorder: g.disorder ?? { type: 'none' },
    ...(g.laggingPartition !== undefined && { laggingPartition: { partition: g.laggingPartition.partition, lagMs: g.laggingPartition.lag } }),
    ...(g.idlePartition !== undefined && {
      idlePartition: { partition: g.idlePartition.partition, fromMs: g.idlePartition.from ?? G.idleFromMs, untilMs: g.idlePartition.until ?? G.idleUntilMs },
    }),
    ...(g.markerEvery !== undefined && { markerEvery: g.markerEvery }),
  };
}

function readEvents(file: string, form: InputForm, reporter: Reporter, options: ParseScenarioOptions): InputSpec {
  const at = ['input', 'file'] as const;
  let text: string;
  try {
    text = options.readFile(file);
  } catch (e) {
    throw reporter.error({ path: at, expected: 'a readable events file, relative to the scenario', kind: 'invalid', found: `${JSON.stringify(file)} (${errorText(e)})` });
  }
  let rows: EventSpecRow[];
  try {
    rows = options.parseEventFile(text, file);
  } catch (e) {
    // An error the events parser locates in its own file (events.csv:7: …) is already the one clear error.
    if (e instanceof ScenarioError || e instanceof SourceFileError) throw e;
    throw reporter.error({ path: at, expected: 'an events file in JSONL or CSV form', kind: 'invalid', found: `${JSON.stringify(file)} (${errorText(e)})` });
  }
  const events = rows.map((row, i) => checkedRow(row, i, file, reporter));
  const highest = partitionsFor(events);
  if (form.partitions !== undefined && form.partitions < highest) {
    throw reporter.error({
      path: ['input', 'partitions'],
      expected: `at least ${highest}`,
      kind: 'invalid',
      why: `${file} has events in partition ${highest - 1}, and partitions are numbered from 0`,
    });
  }
  return { kind: 'events', file, events, partitions: form.partitions ?? highest, disorder: form.disorder ?? { type: 'none' } };
}

/** The events file's parser owns its format; this only refuses rows the simulator could not hold. */
function checkedRow(row: EventSpecRow, index: number, file: string, reporter: Reporter): EventSpecRow {
  const ok =
    typeof row.key === 'string' &&
    Number.isFinite(row.value) &&
    Number.isSafeInteger(row.eventTime) &&
    Number.isSafeInteger(row.partition) &&
    row.partition >= 0 &&
    (row.arrivalTime === undefined || Number.isSafeInteger(row.arrivalTime));
  if (ok) return row;
  throw reporter.error({
    path: ['input', 'file'],
    expected: `events with a text key, a number value, integer eventTime and arrivalTime, and a partition ≥ 0 (${file}, event ${index + 1})`,
    kind: 'invalid',
    found: describeFound(row) ?? 'nothing',
  });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
