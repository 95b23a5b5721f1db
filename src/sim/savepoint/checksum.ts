/**
 * The savepoint checksum: SHA-256 over a canonical serialization of the document without its
 * `checksum` field. Canonical means object keys sorted at every level and no whitespace, so the
 * hash does not depend on how the file was indented, and a JSON number that round-trips (every
 * number JSON.stringify writes does) hashes the same after it is read back.
 */
import { createHash } from 'node:crypto';

export const CHECKSUM_ALGORITHM = 'sha256';

/** JSON with keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `sha256:<64 hex digits>` over the canonical form of `body` (the document without its checksum). */
export function checksumOf(body: unknown): string {
  return `${CHECKSUM_ALGORITHM}:${createHash(CHECKSUM_ALGORITHM).update(canonicalJson(body), 'utf8').digest('hex')}`;
}
