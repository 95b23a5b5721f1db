/**
 * The runs a comparison asks for: the cross product of the values given for each axis
 * (`--semantics flink,kafka-streams --watermark perfect,percentile:90`, `--guarantee
 * at-most-once,exactly-once --engine native,micro-batch:1s`, `--sweep trigger=1s,5s`). Each variant
 * is a set of scenario overrides (a field, or a dotted path such as `cost.buffer.timeout`) and a
 * label that names only what varies.
 */
import { UserError } from './exit-codes.js';

export interface Variant {
  readonly label: string;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** The value of each axis, by axis name (semantics, watermark, guarantee, engine, or the swept setting). */
  readonly axes: Readonly<Record<string, string>>;
}

export interface AxisValue {
  readonly label: string;
  readonly overrides: Readonly<Record<string, unknown>>;
}

export interface Axis {
  readonly name: string;
  /** How the command line named it, for errors: --engine, --sweep trigger. */
  readonly flag: string;
  readonly values: readonly AxisValue[];
}

/** `--watermark perfect,bounded-out-of-orderness:5s,percentile:95,monotonous` → watermark mappings. */
export function parseWatermarkVariant(text: string): { label: string; value: unknown } {
  const [type = '', arg] = text.split(':');
  switch (type) {
    case 'perfect':
    case 'monotonous':
      return { label: text, value: { type } };
    case 'bounded-out-of-orderness':
    case 'bounded':
      return { label: `bounded ${arg ?? '0'}`, value: { type: 'bounded-out-of-orderness', maxDelay: arg ?? 0 } };
    case 'percentile':
      return { label: `p${arg ?? '95'} heuristic`, value: { type: 'percentile', percentile: Number(arg ?? 95) } };
    case 'punctuated':
      return { label: text, value: { type: 'punctuated', maxDelay: arg ?? 0 } };
    default:
      throw new UserError(
        `streamsim: --watermark: expected perfect, monotonous, bounded-out-of-orderness:<delay>, percentile:<p> or punctuated:<delay>, got '${text}'`,
      );
  }
}

/**
 * `--guarantee at-most-once,at-least-once,exactly-once` (exactly-once with its default
 * transactional sink), or `exactly-once:idempotent`, `exactly-once:transactional`,
 * `at-least-once:plain`: the scenario's `delivery`. Its checkpoints and failures stay as written,
 * so every guarantee meets the same failure schedule.
 */
export function parseGuaranteeVariant(text: string): AxisValue {
  const [guarantee = '', sink, extra] = text.split(':');
  const guarantees = ['at-most-once', 'at-least-once', 'exactly-once'];
  const sinks = ['plain', 'transactional', 'idempotent'];
  if (!guarantees.includes(guarantee) || (sink !== undefined && !sinks.includes(sink)) || extra !== undefined) {
    throw new UserError(
      `streamsim: --guarantee: expected at-most-once, at-least-once or exactly-once, optionally with a sink (exactly-once:idempotent, exactly-once:transactional, at-least-once:plain), got '${text}'`,
    );
  }
  if (sink === undefined) return { label: guarantee, overrides: { delivery: guarantee } };
  return { label: `${guarantee} (${sink})`, overrides: { delivery: { guarantee, sink } } };
}

/** A duration as the scenario files write it: 250ms, 1s, 2m, 0. */
const DURATION = /^(0|\d+(\.\d+)?(ms|s|m|h))$/;

function engineOption(engine: string, text: string, option: string): { label: string; overrides: Record<string, unknown> } {
  const [name = '', value = ''] = option.split('=');
  if (name === 'buffer' && DURATION.test(value)) return { label: `buffer ${value}`, overrides: { 'cost.buffer.timeout': coerce(value) } };
  if (name === 'chaining' && (value === 'on' || value === 'off')) return { label: `chaining ${value}`, overrides: { chaining: value === 'on' } };
  throw new UserError(`streamsim: --engine: in '${text}', expected ${engine} options buffer=<duration> or chaining=on|off, got '${option}'`);
}

/**
 * `--engine native,native:buffer=10ms,micro-batch,micro-batch:1s,micro-batch:asap`: the scenario's
 * `engine`. `micro-batch:1s` is `{ type: micro-batch, trigger: 1s }` (Spark's
 * Trigger.ProcessingTime); `native:buffer=10ms` sets the network buffer timeout
 * (execution.buffer-timeout) and `native:chaining=off` turns operator chaining off.
 */
export function parseEngineVariant(text: string): AxisValue {
  const [engine = '', ...rest] = text.split(':');
  if (engine === 'native') {
    const overrides: Record<string, unknown> = { engine: 'native' };
    const labels = ['native'];
    for (const option of rest.join(':').split(';').filter((o) => o.length > 0)) {
      const o = engineOption('native', text, option);
      Object.assign(overrides, o.overrides);
      labels.push(o.label);
    }
    return { label: labels.join(' '), overrides };
  }
  if (engine === 'micro-batch') {
    const [trigger, extra] = rest;
    if (trigger === undefined) return { label: 'micro-batch', overrides: { engine: 'micro-batch' } };
    if (extra === undefined && (trigger === 'asap' || DURATION.test(trigger))) {
      return { label: `micro-batch ${trigger}`, overrides: { engine: { type: 'micro-batch', trigger: coerce(trigger) } } };
    }
  }
  throw new UserError(
    `streamsim: --engine: expected native, native:buffer=<duration>, native:chaining=on|off, micro-batch or micro-batch:<trigger interval or asap>, got '${text}'`,
  );
}

/** Names `--sweep` knows, and the scenario field each sets; any dotted scenario path works too. */
export const SWEEP_SETTINGS: Readonly<Record<string, { readonly describe: string; readonly overrides: (value: unknown) => Record<string, unknown> }>> = {
  trigger: { describe: 'the micro-batch trigger interval', overrides: (v) => ({ engine: { type: 'micro-batch', trigger: v } }) },
  bufferTimeout: { describe: 'the native network buffer timeout', overrides: (v) => ({ 'cost.buffer.timeout': v }) },
  checkpointInterval: { describe: 'the checkpoint interval', overrides: (v) => ({ 'checkpoints.interval': v }) },
  rate: { describe: "the generator's input rate (events per second)", overrides: (v) => ({ 'input.generator.rate': v }) },
  parallelism: { describe: 'the parallelism of every operator', overrides: (v) => ({ parallelism: v }) },
};

/** Numbers stay numbers; durations (1s, 10ms) stay text for the scenario schema to read. */
function coerce(value: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** `--sweep trigger=1s,2s,5s` or `--sweep cost.buffer.timeout=0,10ms,100ms`. */
export function parseSweep(text: string): Axis {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const values = eq < 0 ? [] : text.slice(eq + 1).split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  const known = SWEEP_SETTINGS[name];
  const isPath = /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(name);
  if ((known === undefined && !isPath) || values.length === 0) {
    throw new UserError(
      `streamsim: --sweep: expected <setting>=<v1>,<v2>,... where the setting is ${Object.keys(SWEEP_SETTINGS).join(', ')} or a dotted scenario path (cost.buffer.timeout), got '${text}'`,
    );
  }
  return {
    name,
    flag: `--sweep ${name}`,
    values: values.map((v) => ({ label: `${name} ${v}`, overrides: known ? known.overrides(coerce(v)) : { [name]: coerce(v) } })),
  };
}

/** The top-level scenario field an override path sets. */
const fieldOf = (path: string): string => path.split('.')[0] ?? path;

export interface VariantAxes {
  readonly semantics?: readonly string[];
  readonly watermark?: readonly string[];
  readonly guarantee?: readonly string[];
  readonly engine?: readonly string[];
  readonly sweep?: string;
}

export function axesOf(axes: VariantAxes): Axis[] {
  const list: Axis[] = [];
  const add = (name: string, values: readonly string[] | undefined, parse: (text: string) => AxisValue) => {
    if (values && values.length > 0) list.push({ name, flag: `--${name}`, values: values.map(parse) });
  };
  add('semantics', axes.semantics, (s) => ({ label: s, overrides: { semantics: s } }));
  add('watermark', axes.watermark, (w) => {
    const v = parseWatermarkVariant(w);
    return { label: v.label, overrides: { watermark: v.value } };
  });
  add('guarantee', axes.guarantee, parseGuaranteeVariant);
  add('engine', axes.engine, parseEngineVariant);
  if (axes.sweep !== undefined) list.push(parseSweep(axes.sweep));
  return list;
}

/** Two axes that set the same scenario field would silently overwrite each other. */
function checkDisjoint(axes: readonly Axis[]): void {
  const owner = new Map<string, string>();
  for (const axis of axes) {
    const fields = new Set(axis.values.flatMap((v) => Object.keys(v.overrides).map(fieldOf)));
    for (const field of fields) {
      const other = owner.get(field);
      if (other !== undefined) throw new UserError(`streamsim compare: ${other} and ${axis.flag} both set the scenario's ${field}; vary it in one of them`);
      owner.set(field, axis.flag);
    }
  }
}

/** The matrix: every combination of the axes' values, in the order the axes and values were given. */
export function variantMatrix(axes: readonly Axis[]): Variant[] {
  checkDisjoint(axes);
  let variants: Variant[] = [{ label: '', overrides: {}, axes: {} }];
  for (const axis of axes) {
    variants = variants.flatMap((v) =>
      axis.values.map((a) => ({
        label: v.label ? `${v.label} · ${a.label}` : a.label,
        overrides: { ...v.overrides, ...a.overrides },
        axes: { ...v.axes, [axis.name]: a.label },
      })),
    );
  }
  return variants;
}

export function variantsOf(axes: VariantAxes): Variant[] {
  const variants = variantMatrix(axesOf(axes));
  if (variants.length < 2) {
    throw new UserError(
      'streamsim compare: name at least two runs, e.g. --guarantee at-most-once,exactly-once, --engine native,micro-batch:1s, --sweep trigger=1s,5s, --semantics flink,kafka-streams or --watermark perfect,percentile:90',
    );
  }
  return variants;
}

/** Splits `a,b,c` (and repeated flags) into a clean list. */
export function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
