/** Rules of the input and the pipeline: generator ranges and partitions, disorder, file-only fields, the filter's range. */
import type { PathSegment } from '../errors.js';
import type { Problem } from '../issues.js';
import type { Reporter } from '../reporter.js';
import type { Disorder, GeneratorSpec } from '../types.js';
import { invalid, quote, type Rule } from './rule.js';

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

export const generatorRule: Rule = (s, r) => {
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

export const inputFields: Rule = (s, r) => {
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

export const pipelineRule: Rule = (s) => {
  const f = s.pipeline.filter;
  if (f?.valueMin !== undefined && f.valueMax !== undefined && f.valueMax <= f.valueMin) {
    return invalid(['pipeline', 'filter', 'valueMax'], {
      expected: `a number above pipeline.filter.valueMin (${f.valueMin})`,
      why: 'The filter keeps values in [valueMin, valueMax)',
    });
  }
  return undefined;
};
