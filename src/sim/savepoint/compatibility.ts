/**
 * Can this job restore that savepoint? Flink's answer, applied to streamsim's state: a job may
 * change anything its restored state does not depend on, and may change the state's *use* when
 * the state's type stays readable (TypeSerializerSchemaCompatibility: compatible as is, or after
 * migration). What each restored window holds is fixed by the job that took the savepoint:
 *
 * - the window assigner (type, size, slide, offset, gap) and the time domain: state is keyed by
 *   window, so other windows cannot take it over;
 * - the rule book (semantics): it decides what the progress clock is (a watermark, or Kafka
 *   Streams' stream time) and how sessions merge, so the same state means something else;
 * - the max parallelism: it fixes the key groups the state is filed under (Flink refuses to
 *   change it for restored keyed state);
 * - the accumulator: a new aggregate is fine when the accumulator holds what it needs. streamsim's
 *   window accumulator is one (count, sum, min, max) tuple whatever the aggregate (aggregate.ts),
 *   as a Flink AggregateFunction with a four-field ACC type would be; Flink checks the ACC type's
 *   serializer, not the function, so swapping sum for avg over the same ACC restores as is.
 *
 * Everything else is a change the report lists with its effect: allowed lateness (cleanup timers
 * are registered again with the new lateness), the trigger, the accumulation mode, the parallelism
 * (key groups are redistributed: KeyGroupRangeAssignment), stateless map and filter, new partitions.
 */
import type { AggregateKind, FiringSpec, PipelineSpec, Scenario, TriggerSpec, WindowSpec } from '../scenario/types.js';
import { assertNever } from '../kernel/assert.js';
import { durationText } from '../semantics/explain/wording.js';
import { canonicalJson } from './checksum.js';
import type { AccumulatorField, JobIdentity, SavepointDocument } from './document.js';
import { identityOf } from './job-identity.js';

/** A difference the restored state cannot survive. */
export interface Mismatch {
  readonly field: string;
  readonly savepoint: string;
  readonly job: string;
  readonly why: string;
}

/** A difference the job may make; `effect` says what it does to the restored state. */
export interface JobChange {
  readonly field: string;
  readonly savepoint: string;
  readonly job: string;
  readonly effect: string;
}

export interface Compatibility {
  readonly mismatches: readonly Mismatch[];
  readonly changes: readonly JobChange[];
}

/** What each aggregate reads from the accumulator; count tells min, max and avg that a window is empty. */
export const AGGREGATE_NEEDS: Readonly<Record<AggregateKind, readonly AccumulatorField[]>> = {
  count: ['count'],
  sum: ['sum'],
  min: ['min', 'count'],
  max: ['max', 'count'],
  avg: ['sum', 'count'],
};

export function checkCompatibility(doc: SavepointDocument, scenario: Scenario): Compatibility {
  const saved = doc.job;
  const job = identityOf(scenario);
  const mismatches: Mismatch[] = [];
  const changes: JobChange[] = [];
  const engine = scenario.engine?.type ?? 'native';
  if (engine !== saved.engine) {
    mismatches.push({ field: 'engine', savepoint: saved.engine, job: engine, why: 'only the native engine restores savepoints (Spark restarts from its own checkpoint location)' });
  }
  if (job.maxParallelism !== saved.maxParallelism) {
    mismatches.push({ field: 'max parallelism', savepoint: String(saved.maxParallelism), job: String(job.maxParallelism), why: 'the key groups the state is filed under cannot change (Flink refuses a new max parallelism for restored keyed state)' });
  }
  if (job.semantics !== saved.semantics) {
    mismatches.push({ field: 'semantics', savepoint: saved.semantics, job: job.semantics, why: 'the rule books keep different progress clocks and window rules, so the restored state would mean something else' });
  }
  if (job.timeDomain !== saved.timeDomain) {
    mismatches.push({ field: 'timeDomain', savepoint: saved.timeDomain, job: job.timeDomain, why: 'the restored windows are on another time axis' });
  }
  if (canonicalJson(job.window) !== canonicalJson(saved.window)) {
    mismatches.push({ field: 'window', savepoint: windowText(saved.window), job: windowText(job.window), why: 'the state is keyed by window, and windows of another assigner cannot take it over' });
  }
  aggregateCheck(saved, job.aggregate, mismatches, changes);
  compareChanges(saved, job, changes);
  partitionCheck(doc, job, mismatches, changes);
  return { mismatches, changes };
}

/** One line for an error: every mismatch, naming the field, what the savepoint has and what the job wants. */
export function describeMismatches(mismatches: readonly Mismatch[]): string {
  return mismatches.map((m) => `${m.field}: the savepoint has ${m.savepoint}, the job wants ${m.job} (${m.why})`).join('; ');
}

function aggregateCheck(saved: JobIdentity, aggregate: AggregateKind, mismatches: Mismatch[], changes: JobChange[]): void {
  const lacking = AGGREGATE_NEEDS[aggregate].filter((f) => !saved.accumulator.includes(f));
  if (lacking.length > 0) {
    mismatches.push({
      field: 'aggregate',
      savepoint: `${saved.aggregate} (accumulator: ${saved.accumulator.join(', ') || 'nothing'})`,
      job: aggregate,
      why: `${aggregate} needs the ${lacking.join(' and ')} of each window, which the savepoint's accumulator does not hold`,
    });
    return;
  }
  if (aggregate === saved.aggregate) return;
  changes.push({
    field: 'aggregate',
    savepoint: saved.aggregate,
    job: aggregate,
    effect: `restored windows keep their accumulator (${saved.accumulator.join(', ')}) and answer with ${aggregate} from now on; panes they emitted before the savepoint were ${saved.aggregate}`,
  });
}

function compareChanges(saved: JobIdentity, job: JobIdentity, changes: JobChange[]): void {
  if (job.allowedLatenessMs !== saved.allowedLatenessMs) {
    changes.push({
      field: 'allowedLateness',
      savepoint: durationText(saved.allowedLatenessMs),
      job: durationText(job.allowedLatenessMs),
      effect: `restored windows are cleared at end + ${durationText(job.allowedLatenessMs)} (their cleanup timers are registered again); windows the old job had cleared stay cleared`,
    });
  }
  if (canonicalJson(job.trigger) !== canonicalJson(saved.trigger)) {
    changes.push({ field: 'trigger', savepoint: triggerText(saved.trigger), job: triggerText(job.trigger), effect: 'restored windows fire by the new trigger; a pending processing-time firing is kept as stored' });
  }
  if (job.accumulation !== saved.accumulation) {
    changes.push({ field: 'accumulation', savepoint: saved.accumulation, job: job.accumulation, effect: 'restored windows keep both their total and the pane since their last firing, so their next panes follow the new mode' });
  }
  if (job.parallelism.window !== saved.parallelism.window) {
    changes.push({
      field: 'parallelism.window',
      savepoint: String(saved.parallelism.window),
      job: String(job.parallelism.window),
      effect: `the ${saved.maxParallelism} key groups are redistributed in contiguous ranges over ${job.parallelism.window} window task${job.parallelism.window === 1 ? '' : 's'} (KeyGroupRangeAssignment); each restored window goes to the task that owns its key group`,
    });
  }
  if (job.parallelism.source !== saved.parallelism.source) {
    changes.push({ field: 'parallelism.source', savepoint: String(saved.parallelism.source), job: String(job.parallelism.source), effect: 'partitions are spread over the source tasks again; each resumes at its saved offset' });
  }
  if (canonicalJson(job.pipeline) !== canonicalJson(saved.pipeline)) {
    changes.push({ field: 'pipeline', savepoint: pipelineText(saved.pipeline), job: pipelineText(job.pipeline), effect: 'map and filter keep no state: the new ones apply from the saved offsets on, and restored windows keep what the old ones let through' });
  }
}

function partitionCheck(doc: SavepointDocument, job: JobIdentity, mismatches: Mismatch[], changes: JobChange[]): void {
  const highest = doc.sources.reduce((m, s) => Math.max(m, s.partition), -1);
  if (highest >= job.partitions) {
    mismatches.push({ field: 'input partitions', savepoint: `an offset for partition ${highest}`, job: `a log of ${job.partitions} partition${job.partitions === 1 ? '' : 's'}`, why: 'the saved position of a partition the job does not read would be lost' });
  } else if (job.partitions > doc.job.partitions) {
    changes.push({
      field: 'input partitions',
      savepoint: String(doc.job.partitions),
      job: String(job.partitions),
      effect: 'the new partitions have no saved offset and are read from the beginning (as a Kafka source starts newly discovered partitions at the earliest offset)',
    });
  }
}

/**
 * A saved offset past the end of the job's log: the input the job reads is not the one the
 * savepoint was taken on (a Kafka source could not seek there). Known only from the log itself, so
 * the caller counts its entries (up to each saved offset); a log of the same length with other
 * content goes unnoticed, as it would with Kafka.
 */
export function offsetMismatch(doc: SavepointDocument, entriesIn: (partition: number) => number): Mismatch | undefined {
  for (const s of doc.sources) {
    const entries = entriesIn(s.partition);
    if (s.offset > entries) {
      return { field: 'input', savepoint: `partition ${s.partition} resuming at offset ${s.offset}`, job: `a log with ${entries} entr${entries === 1 ? 'y' : 'ies'} there`, why: 'the job reads another input than the one the savepoint was taken on' };
    }
  }
  return undefined;
}

export function windowText(w: WindowSpec): string {
  switch (w.type) {
    case 'tumbling':
      return `tumbling ${durationText(w.sizeMs)}${w.offsetMs !== 0 ? ` offset ${durationText(w.offsetMs)}` : ''}`;
    case 'sliding':
      return `sliding ${durationText(w.sizeMs)} every ${durationText(w.everyMs)}${w.offsetMs !== 0 ? ` offset ${durationText(w.offsetMs)}` : ''}`;
    case 'session':
      return `session gap ${durationText(w.gapMs)}`;
    case 'global':
      return 'global';
    default:
      return assertNever(w, 'windowText');
  }
}

function firingText(f: FiringSpec): string {
  switch (f.type) {
    case 'after-first-element':
      return `${durationText(f.delayMs)} after the first element`;
    case 'aligned':
      return `every ${durationText(f.everyMs)}`;
    case 'count':
      return `every ${f.count} element${f.count === 1 ? '' : 's'}`;
    default:
      return assertNever(f, 'firingText');
  }
}

function triggerText(t: TriggerSpec): string {
  return `${t.early ? `early ${firingText(t.early)}, ` : ''}late ${firingText(t.late)}`;
}

function pipelineText(p: PipelineSpec): string {
  const parts: string[] = [];
  if (p.map) parts.push(`map × ${p.map.multiply} + ${p.map.add}`);
  if (p.filter) parts.push(`filter ${canonicalJson(p.filter)}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
