/**
 * A savepoint as a document: what `streamsim run --savepoint-out` writes and `--from-savepoint`
 * reads. Like a Flink savepoint it is self-contained and outlives the job that took it: the source
 * offsets per partition, the keyed window state grouped by key group (Flink's
 * KeyGroupsStateHandle, which is what lets a savepoint be restored at another parallelism), the
 * operator's watermark, and the identity of the job that took it, against which a changed job is
 * checked (compatibility.ts).
 *
 * Event-time timers are not stored. Flink keeps the timers themselves in a savepoint; streamsim
 * keeps the windows and the restoring job registers each window's firing and cleanup timers again
 * from the window and its own allowed lateness (the timers Flink's WindowOperator registers for a
 * window when it next sees an element), so a new lateness applies to restored windows at once. A
 * pending processing-time firing (an early or late trigger delay) is stored with its window,
 * because nothing else determines it.
 */
import type { Semantics } from '../model/semantics.js';
import type { Accumulation } from '../model/pane.js';
import type { WindowEntry } from '../operators/window-snapshot.js';
import type { AggregateKind, PipelineSpec, TimeDomain, TriggerSpec, WindowSpec } from '../scenario/types.js';
import type { EventRef } from '../trace/events.js';

export const SAVEPOINT_FORMAT = 'streamsim-savepoint';
/** Bumped on any change a version-1 reader could misread; readers refuse versions they do not know. */
export const SAVEPOINT_VERSION = 1;

/** JSON has no infinities: the unbounded times and values of the state are written as these strings. */
export const PLUS_INFINITY = '+inf';
export const MINUS_INFINITY = '-inf';

/** The parts of a window accumulator a savepoint can hold (see aggregate.ts: count, sum, min, max). */
export type AccumulatorField = 'count' | 'sum' | 'min' | 'max';
export const ACCUMULATOR_FIELDS: readonly AccumulatorField[] = ['count', 'sum', 'min', 'max'];

/**
 * What the job that took the savepoint was, as far as its state depends on it. Fields the state
 * does not depend on (the watermark strategy, checkpoint settings, the delivery guarantee, faults)
 * are not part of the identity: a restored job may change them freely.
 */
export interface JobIdentity {
  /** The scenario's name: shown, never compared (an upgraded job may be another scenario file). */
  readonly scenario: string;
  /** Savepoints are taken by the native (Flink-like) engine only. */
  readonly engine: 'native';
  readonly semantics: Semantics;
  readonly timeDomain: TimeDomain;
  readonly window: WindowSpec;
  readonly aggregate: AggregateKind;
  /** Which parts of the accumulator the state holds; a new aggregate must find what it needs here. */
  readonly accumulator: readonly AccumulatorField[];
  readonly accumulation: Accumulation;
  readonly allowedLatenessMs: number;
  readonly trigger: TriggerSpec;
  readonly pipeline: PipelineSpec;
  readonly parallelism: { readonly source: number; readonly window: number };
  /** Flink's max parallelism: the number of key groups. It can never change for restored state. */
  readonly maxParallelism: number;
  /** Partitions of the source log when the savepoint was taken. */
  readonly partitions: number;
}

export interface KeyGroupState {
  readonly keyGroup: number;
  /** Open windows of keys in this key group; each entry's keyGroup equals the group's. */
  readonly windows: readonly WindowEntry[];
}

export interface SavepointDocument {
  readonly format: typeof SAVEPOINT_FORMAT;
  readonly version: typeof SAVEPOINT_VERSION;
  readonly savepoint: {
    /** The checkpoint id the savepoint had in the job that took it. */
    readonly id: number;
    readonly triggeredAt: number;
    readonly completedAt: number;
  };
  readonly job: JobIdentity;
  /** Where each partition resumes: the offset of the first entry not yet read when the barrier was injected. */
  readonly sources: readonly EventRef[];
  readonly state: {
    /**
     * The window operator's watermark (Kafka Streams: stream time), the minimum over its tasks;
     * -Infinity before the first. Restoring it keeps data the old job had already judged late from
     * reopening windows it cleared.
     */
    readonly watermark: number;
    /** Sorted by key group; only groups that hold state. */
    readonly keyGroups: readonly KeyGroupState[];
  };
}

/** Every open window of the savepoint, in key-group order. */
export function restoredWindows(doc: SavepointDocument): WindowEntry[] {
  return doc.state.keyGroups.flatMap((g) => g.windows);
}
