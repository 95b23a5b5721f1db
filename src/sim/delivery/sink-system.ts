/**
 * The external system a job writes to, which outlives every restart of the job. What a reader sees,
 * and when, depends on the sink (SEMANTICS.md, "Delivery guarantees"):
 * - plain: a write is visible at once and never undone (so a replay duplicates it);
 * - idempotent: an upsert by a deterministic key (key, window, pane index), so a replayed write
 *   overwrites its first copy (Spark dedupes by batch id the same way);
 * - transactional: Flink's TwoPhaseCommitSinkFunction: writes go into the open transaction, which
 *   is pre-committed when the checkpoint barrier passes and committed when the checkpoint
 *   completes; a failure aborts what is not committed. A read-committed reader sees a write at its
 *   commit; a read-uncommitted reader at once, aborted writes included.
 */
import type { Pane } from '../model/pane.js';
import type { ReaderIsolation, SinkKind } from '../scenario/types.js';
import type { TraceSink } from '../trace/events.js';

export interface SinkWrite {
  readonly pane: Pane;
  readonly task: number;
  /** The transaction it went into (numbered from 1 in the order they opened); 0 for sinks without transactions. */
  readonly txn: number;
  readonly writtenAt: number;
}

export interface VisibleResult {
  readonly pane: Pane;
  readonly visibleAt: number;
}

export type ReaderView = ReaderIsolation | 'plain' | 'upsert';

const txnKey = (task: number, txn: number): string => `${task}/${txn}`;

export class SinkSystem {
  readonly writes: SinkWrite[] = [];
  private readonly committedAt = new Map<string, number>();
  private readonly aborted = new Set<string>();
  /** Pre-committed transactions per checkpoint id, waiting for the checkpoint to complete. */
  private readonly preCommitted = new Map<number, { task: number; txn: number }[]>();
  private readonly openTxn = new Map<number, number>();
  /**
   * Every transaction gets a number of its own, also when a restarted task opens one after the same
   * checkpoint as an aborted one: Kafka's transactional sink reuses the transactional.id but bumps
   * the producer epoch, which fences the old producer, so the new transaction is a different one and
   * the abort of the old one must not swallow the replayed writes.
   */
  private nextTxn = 1;
  written = 0;

  constructor(
    readonly kind: SinkKind,
    private readonly trace: TraceSink,
    /** Keep every write (reports); benchmarks only count. */
    private readonly keep: boolean,
  ) {}

  /** A (re)started task opens a new transaction; `checkpoint` is the one it restored (0 for none). */
  beginAfter(task: number, _checkpoint: number): void {
    this.openTxn.set(task, this.nextTxn++);
  }

  private txnOf(task: number): number {
    let txn = this.openTxn.get(task);
    if (txn === undefined) this.openTxn.set(task, (txn = this.nextTxn++));
    return txn;
  }

  write(task: number, pane: Pane, now: number): void {
    this.written++;
    if (!this.keep) return;
    const txn = this.kind === 'transactional' ? this.txnOf(task) : 0;
    this.writes.push({ pane, task, txn, writtenAt: now });
  }

  /** The barrier of checkpoint n passed the sink: its transaction is pre-committed, a new one opens. */
  preCommit(task: number, checkpoint: number): void {
    if (this.kind !== 'transactional') return;
    const txn = this.txnOf(task);
    const list = this.preCommitted.get(checkpoint) ?? [];
    list.push({ task, txn });
    this.preCommitted.set(checkpoint, list);
    this.openTxn.set(task, this.nextTxn++);
  }

  /** Checkpoint n completed: commit every transaction pre-committed for it or earlier. */
  commit(checkpoint: number, now: number): void {
    if (this.kind !== 'transactional') return;
    for (const [id, list] of [...this.preCommitted]) {
      if (id > checkpoint) continue;
      for (const t of list) {
        const k = txnKey(t.task, t.txn);
        if (this.committedAt.has(k) || this.aborted.has(k)) continue;
        this.committedAt.set(k, now);
        this.trace.emit({ type: 'transaction-committed', at: now, task: t.task, txn: t.txn, checkpoint: id });
      }
      this.preCommitted.delete(id);
    }
  }

  /**
   * A failure: every transaction not committed is aborted, except those pre-committed for the
   * checkpoint the job restores, which Flink commits on recovery (recoverAndCommit).
   */
  abortUncommitted(restoredCheckpoint: number | undefined, now: number): void {
    if (this.kind !== 'transactional') return;
    if (restoredCheckpoint !== undefined) this.commit(restoredCheckpoint, now);
    const open = new Set<string>();
    for (const w of this.writes) {
      const k = txnKey(w.task, w.txn);
      if (!this.committedAt.has(k) && !this.aborted.has(k)) open.add(k);
    }
    for (const k of open) {
      this.aborted.add(k);
      const [task, txn] = k.split('/').map(Number);
      this.trace.emit({ type: 'transaction-aborted', at: now, task: task ?? 0, txn: txn ?? 0 });
    }
    this.preCommitted.clear();
  }

  /** What a reader sees, in the order it becomes visible. */
  visible(view: ReaderView): VisibleResult[] {
    switch (view) {
      case 'plain':
      case 'read-uncommitted':
        return this.writes.map((w) => ({ pane: w.pane, visibleAt: w.writtenAt }));
      case 'upsert':
        return this.upserted();
      case 'read-committed':
        return this.writes
          .flatMap((w) => {
            const at = this.committedAt.get(txnKey(w.task, w.txn));
            return at === undefined ? [] : [{ pane: w.pane, visibleAt: at }];
          })
          .sort((a, b) => a.visibleAt - b.visibleAt);
    }
  }

  /** The default reader of this sink. */
  defaultView(): ReaderView {
    return this.kind === 'transactional' ? 'read-committed' : this.kind === 'idempotent' ? 'upsert' : 'plain';
  }

  private upserted(): VisibleResult[] {
    const byId = new Map<string, VisibleResult>();
    for (const w of this.writes) {
      const p = w.pane;
      const id = `${p.key}|${p.window.start}|${p.window.end}|${p.index}|${p.retraction ? 'r' : ''}`;
      const first = byId.get(id);
      // The row keeps the time it first appeared; a replayed write overwrites it with the same value.
      byId.set(id, { pane: p, visibleAt: first?.visibleAt ?? w.writtenAt });
    }
    return [...byId.values()];
  }
}
