/** Exhaustiveness for discriminated unions: a new variant fails to compile until every switch handles it. */
export function assertNever(value: never, what: string): never {
  throw new Error(`${what}: unexpected variant ${JSON.stringify(value)}`);
}

/** An internal invariant; a failure here is a bug in streamsim, never bad input. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`);
}
