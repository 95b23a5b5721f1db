/**
 * Versioned state of the query's stateful operator, as Spark's HDFSBackedStateStoreProvider keeps
 * it: batch N starts from version N (the state after batch N − 1 committed), updates a copy, and
 * commits it as version N + 1 when the batch succeeds; a batch that fails leaves nothing behind,
 * and its rerun loads version N again. One entry per state partition (shuffle partition).
 *
 * Spark keeps spark.sql.streaming.minBatchesToRetain (100) versions so a query can be restarted
 * from older checkpoints; a restart here only ever needs the latest, so older versions are dropped.
 */
import type { OperatorSnapshot } from '../../operators/window-snapshot.js';

export interface StateVersion {
  /** Batches committed into it: version N holds the state after batches 0 … N − 1. */
  readonly version: number;
  /** One snapshot per state partition. */
  readonly partitions: readonly OperatorSnapshot[];
}

export class StateStore {
  private last: StateVersion = { version: 0, partitions: [] };

  /** Batch `batch` committed: its state is version batch + 1. */
  commit(batch: number, partitions: readonly OperatorSnapshot[]): void {
    const version = batch + 1;
    if (version <= this.last.version) throw new Error(`state store: version ${version} committed after version ${this.last.version}`);
    this.last = { version, partitions };
  }

  /** The newest committed version (version 0, empty, before any batch committed). */
  latest(): StateVersion {
    return this.last;
  }

  /** (key, window) states in the latest version. */
  get windows(): number {
    return this.last.partitions.reduce((n, p) => n + p.windows.length, 0);
  }
}
