/**
 * The sink at the end of the pipeline, chained to the window operator: it records every pane with
 * the time it was written. Delivery guarantees (transactions, idempotent upserts) build on this.
 */
import type { Pane } from '../model/pane.js';
import type { TraceSink } from '../trace/events.js';

export class CollectingSink {
  readonly panes: Pane[] = [];
  written = 0;

  constructor(private readonly trace: TraceSink, private readonly keep: boolean) {}

  write(task: number, pane: Pane, watermark: number): void {
    this.written++;
    if (this.keep) this.panes.push(pane);
    this.trace.emit({ type: 'pane-fired', at: pane.emittedAt, task, pane, watermark });
  }
}
