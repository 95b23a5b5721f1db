/**
 * The runs a comparison asks for: the cross product of the values given for each axis
 * (`--semantics flink,kafka-streams --watermark perfect,percentile:90`). Each variant is a set of
 * top-level scenario overrides and a label that names only what varies.
 */
import { UserError } from './exit-codes.js';

export interface Variant {
  readonly label: string;
  readonly overrides: Readonly<Record<string, unknown>>;
}

interface Axis {
  readonly field: string;
  readonly values: readonly { readonly label: string; readonly value: unknown }[];
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

export function variantsOf(axes: { semantics?: readonly string[]; watermark?: readonly string[] }): Variant[] {
  const list: Axis[] = [];
  if (axes.semantics && axes.semantics.length > 0) list.push({ field: 'semantics', values: axes.semantics.map((s) => ({ label: s, value: s })) });
  if (axes.watermark && axes.watermark.length > 0) list.push({ field: 'watermark', values: axes.watermark.map(parseWatermarkVariant) });
  let variants: Variant[] = [{ label: '', overrides: {} }];
  for (const axis of list) {
    variants = variants.flatMap((v) =>
      axis.values.map((a) => ({ label: v.label ? `${v.label} · ${a.label}` : a.label, overrides: { ...v.overrides, [axis.field]: a.value } })),
    );
  }
  if (variants.length < 2) {
    throw new UserError('streamsim compare: name at least two runs, e.g. --semantics flink,kafka-streams or --watermark perfect,percentile:90');
  }
  return variants;
}

/** Splits `a,b,c` (and repeated flags) into a clean list. */
export function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
