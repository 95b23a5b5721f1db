/**
 * Turns the input section of a scenario into the source log and any scripted watermarks: a
 * timeline or an event file becomes a materialized log, a generator a streaming generated log.
 */
import { assertNever } from '../kernel/assert.js';
import type { Prng } from '../kernel/prng.js';
import type { KeyTable } from '../model/record.js';
import type { InputSpec } from '../scenario/types.js';
import { compileDisorder } from './disorder.js';
import { GeneratedLog } from './generated-log.js';
import type { BuiltInput } from './log.js';
import { MaterializedLog, type UnplacedEntry } from './materialized-log.js';
import { buildTimeline } from './timeline.js';

type EventsInput = Extract<InputSpec, { kind: 'events' }>;

/**
 * Rows with an arrival time are appended then; the others at eventTime plus a delay from the
 * disorder model. A delay is drawn for every row, used or not, so that giving one row an arrival
 * time does not shift the delays of the rows after it.
 */
function buildFromEvents(spec: EventsInput, prng: Prng, keys: KeyTable): BuiltInput {
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new Error(`events: ${spec.file}: partitions must be a positive integer, got ${spec.partitions}`);
  }
  const delays = compileDisorder(spec.disorder);
  const delayPrng = prng.fork('disorder');
  const entries = spec.events.map((row, i): UnplacedEntry => {
    if (!Number.isInteger(row.partition) || row.partition < 0 || row.partition >= spec.partitions) {
      throw new Error(`events: ${spec.file}: row ${i + 1} has partition ${row.partition}, but the input has partitions 0 … ${spec.partitions - 1}`);
    }
    const delay = delays.draw(delayPrng);
    return {
      partition: row.partition,
      key: keys.intern(row.key),
      value: row.value,
      eventTime: row.eventTime,
      appendTime: row.arrivalTime ?? row.eventTime + delay,
      marker: row.marker === true,
    };
  });
  return { log: new MaterializedLog(spec.partitions, keys, entries), scriptedWatermarks: [] };
}

/** Builds the input; all randomness comes from `prng` (partition streams for a generator, 'disorder' for a file). */
export function buildInput(spec: InputSpec, prng: Prng, keys: KeyTable): BuiltInput {
  switch (spec.kind) {
    case 'timeline':
      return buildTimeline(spec.steps, spec.partitions, keys);
    case 'generator':
      return { log: new GeneratedLog(spec.generator, prng, keys), scriptedWatermarks: [] };
    case 'events':
      return buildFromEvents(spec, prng, keys);
    default:
      return assertNever(spec, 'input');
  }
}
