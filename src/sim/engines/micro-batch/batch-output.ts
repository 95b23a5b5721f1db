/**
 * What a micro-batch's stateful stage produces, held until the batch commits: the rows for the
 * sink and the stage's trace entries (events added to windows or found late, windows merged and
 * cleared, the watermark applied, panes fired), in the order they happened. Spark's state changes
 * and output become durable and visible together at the end of the batch, and a batch that fails
 * leaves neither behind: so the entries are released, stamped with the commit time, only when the
 * batch commits, and dropped with the batch otherwise. Releasing them in order keeps each pane
 * after exactly the additions it reflects, which is what the checkers read.
 *
 * In update mode a batch writes one row per window, its last (Spark's StateStoreSaveExec writes the
 * updated row once); a session window merged away later in the batch writes none.
 */
import type { Pane } from '../../model/pane.js';
import type { Window } from '../../model/window.js';
import type { TraceEvent } from '../../trace/events.js';
import type { TableRow } from './output-mode.js';

interface RowSlot {
  readonly id: string;
  readonly seq: number;
}

interface HeldRow {
  readonly row: TableRow;
  readonly seq: number;
  /** The operator's watermark when the pane fired. */
  readonly watermark: number;
}

export interface ReleasedBatch {
  readonly rows: readonly TableRow[];
  readonly trace: readonly TraceEvent[];
}

export class BatchOutput {
  private entries: (TraceEvent | RowSlot)[] = [];
  private rows = new Map<string, HeldRow>();
  private seq = 0;
  /** Rows each task will write (for its sink cost). */
  written: number[];

  constructor(
    private readonly tasks: number,
    /** Update mode: a later row of the same window replaces the earlier one. */
    private readonly lastRowOnly: boolean,
    /** Keep the trace entries (false: a benchmark's trace keeps nothing). */
    private readonly detailed: boolean,
  ) {
    this.written = Array.from({ length: tasks }, () => 0);
  }

  /** A trace entry of the stateful stage. */
  trace(e: TraceEvent): void {
    if (this.detailed) this.entries.push(e);
  }

  /** A row for the sink; `watermark` is the operator's when it fired. */
  row(task: number, pane: Pane, watermark: number): void {
    const seq = this.seq++;
    const id = this.lastRowOnly ? rowId(task, pane.key, pane.window) : String(seq);
    if (this.rows.delete(id)) this.written[task] = (this.written[task] as number) - 1;
    this.rows.set(id, { row: { task, pane }, seq, watermark });
    this.written[task] = (this.written[task] as number) + 1;
    this.entries.push({ id, seq });
  }

  /** Sessions of `key` merged into `into`: rows of the windows merged away are not written (update mode). */
  merged(key: string, from: readonly Window[], into: Window): void {
    if (!this.lastRowOnly) return;
    for (const w of from) {
      if (w.start === into.start && w.end === into.end) continue;
      for (let task = 0; task < this.tasks; task++) {
        if (this.rows.delete(rowId(task, key, w))) this.written[task] = (this.written[task] as number) - 1;
      }
    }
  }

  /** The batch commits at `now`: its rows, visible now, and its trace entries, stamped now. */
  release(now: number): ReleasedBatch {
    const rows: TableRow[] = [];
    const trace: TraceEvent[] = [];
    for (const e of this.entries) {
      if (!isSlot(e)) {
        trace.push({ ...e, at: now });
        continue;
      }
      const held = this.rows.get(e.id);
      if (held === undefined || held.seq !== e.seq) continue;
      const pane = { ...held.row.pane, emittedAt: now };
      rows.push({ task: held.row.task, pane });
      trace.push({ type: 'pane-fired', at: now, task: held.row.task, pane, watermark: held.watermark });
    }
    this.clear();
    return { rows, trace };
  }

  /** A failed batch: nothing it did survives. */
  clear(): void {
    this.entries = [];
    this.rows = new Map();
    this.seq = 0;
    this.written = this.written.map(() => 0);
  }
}

function isSlot(e: TraceEvent | RowSlot): e is RowSlot {
  return !('type' in e);
}

const rowId = (task: number, key: string, w: Window): string => `${task}\u0000${key}\u0000${w.start}\u0000${w.end}`;
