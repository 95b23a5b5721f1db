/**
 * The stateless head of the pipeline, chained into the source task as Flink chains map and filter:
 * filter on the raw value and key, then map the value. The order is part of the scenario contract
 * (the truth follows it too): a filter's bounds speak of the values in the input.
 */
import type { PipelineSpec } from '../scenario/types.js';

export interface CompiledPipeline {
  /** True when the event passes the filter. */
  keep(keyName: string, value: number): boolean;
  map(value: number): number;
  readonly filters: boolean;
}

function trailingInteger(name: string): number | undefined {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function compilePipeline(spec: PipelineSpec): CompiledPipeline {
  const f = spec.filter;
  const multiply = spec.map?.multiply ?? 1;
  const add = spec.map?.add ?? 0;
  const keySet = f?.keys ? new Set(f.keys) : undefined;
  const parityCache = new Map<string, boolean>();
  const parityOk = (name: string): boolean => {
    let ok = parityCache.get(name);
    if (ok === undefined) {
      const n = trailingInteger(name);
      ok = n !== undefined && (f?.keyParity === 'even' ? n % 2 === 0 : n % 2 === 1);
      parityCache.set(name, ok);
    }
    return ok;
  };
  return {
    filters: f !== undefined,
    keep(keyName, value) {
      if (!f) return true;
      if (f.valueMin !== undefined && value < f.valueMin) return false;
      if (f.valueMax !== undefined && value >= f.valueMax) return false;
      if (keySet && !keySet.has(keyName)) return false;
      if (f.keyParity && !parityOk(keyName)) return false;
      return true;
    },
    map: (value) => value * multiply + add,
  };
}
