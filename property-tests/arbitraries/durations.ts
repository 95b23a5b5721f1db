/** Durations for generated scenarios, drawn often as whole seconds so that they meet window bounds exactly. */
import fc from 'fast-check';

/** Milliseconds in [0, maxMs], often a whole number of seconds so that times meet window bounds exactly. */
export function durationMs(maxMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: Math.floor(maxMs / 1000) }).map((s) => s * 1000), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: maxMs }), weight: 1 },
  );
}

/** Milliseconds in [minMs, maxMs], often whole seconds. */
export function positiveDurationMs(minMs: number, maxMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(minMs / 1000), max: Math.floor(maxMs / 1000) }).map((s) => s * 1000), weight: 2 },
    { arbitrary: fc.integer({ min: minMs, max: maxMs }), weight: 1 },
  );
}
