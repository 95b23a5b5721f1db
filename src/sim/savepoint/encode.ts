/**
 * Writing a savepoint: a completed savepoint of a run (CheckpointCoordinator) becomes a
 * SavepointDocument, and the document becomes JSON text with its checksum. JSON has no infinities,
 * so the unbounded times of the state (the watermark before the first one, the bounds of the global
 * window, "no event yet") are written as the strings "-inf" and "+inf".
 */
import { invariant } from '../kernel/assert.js';
import type { WindowEntry } from '../operators/window-snapshot.js';
import type { Scenario } from '../scenario/types.js';
import type { CompletedCheckpoint } from '../engines/native/checkpoint-coordinator.js';
import { checksumOf } from './checksum.js';
import { type KeyGroupState, MINUS_INFINITY, PLUS_INFINITY, SAVEPOINT_FORMAT, SAVEPOINT_VERSION, type SavepointDocument } from './document.js';
import { identityOf } from './job-identity.js';

/** The document of a savepoint the native engine completed for `scenario`. */
export function savepointDocument(scenario: Scenario, savepoint: CompletedCheckpoint): SavepointDocument {
  invariant(savepoint.savepoint, `checkpoint ${savepoint.id} is not a savepoint`);
  // A savepoint is always aligned (Flink), so no task stored in-flight records with it.
  invariant(savepoint.tasks.every((t) => t.inFlight.length === 0), `savepoint ${savepoint.id} holds in-flight records`);
  const groups = new Map<number, WindowEntry[]>();
  for (const task of savepoint.tasks) {
    for (const w of task.operator.windows) {
      const group = groups.get(w.keyGroup);
      if (group) group.push(w);
      else groups.set(w.keyGroup, [w]);
    }
  }
  const keyGroups: KeyGroupState[] = [...groups.entries()].sort(([a], [b]) => a - b).map(([keyGroup, windows]) => ({ keyGroup, windows }));
  return {
    format: SAVEPOINT_FORMAT,
    version: SAVEPOINT_VERSION,
    savepoint: { id: savepoint.id, triggeredAt: savepoint.triggeredAt, completedAt: savepoint.completedAt },
    job: identityOf(scenario),
    sources: [...savepoint.offsets].sort((a, b) => a.partition - b.partition).map((o) => ({ partition: o.partition, offset: o.offset })),
    state: {
      watermark: savepoint.tasks.reduce((m, t) => Math.min(m, t.operator.clock), Infinity),
      keyGroups,
    },
  };
}

/** The document as JSON-safe data, without the checksum: what the checksum covers. */
export function savepointBody(doc: SavepointDocument): unknown {
  // A window's key group is its group's: written once, per group.
  const keyGroups = doc.state.keyGroups.map((g) => ({ keyGroup: g.keyGroup, windows: g.windows.map(({ keyGroup: _group, ...w }) => w) }));
  return jsonSafe({ ...doc, state: { ...doc.state, keyGroups } }, '');
}

/** The savepoint file's text: the document, then its checksum; two-space indent, final newline. */
export function encodeSavepoint(doc: SavepointDocument): string {
  const body = savepointBody(doc) as Record<string, unknown>;
  return JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2) + '\n';
}

function jsonSafe(value: unknown, path: string): unknown {
  if (typeof value === 'number') {
    if (value === Infinity) return PLUS_INFINITY;
    if (value === -Infinity) return MINUS_INFINITY;
    invariant(!Number.isNaN(value), `savepoint ${path} is NaN`);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => jsonSafe(v, `${path}[${i}]`));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = jsonSafe(v, path === '' ? k : `${path}.${k}`);
  return out;
}
