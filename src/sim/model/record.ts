import type { EventTime, ProcTime } from './time.js';

/**
 * One input event as the source log holds it. `key` is an interned id (see KeyTable); the log
 * position (partition, offset) identifies the event across replays. `appendTime` is when the
 * event reached the log: the disorder models decide it, and a reader cannot see the event before.
 */
export interface LogEntry {
  readonly partition: number;
  readonly offset: number;
  readonly key: number;
  readonly value: number;
  readonly eventTime: EventTime;
  readonly appendTime: ProcTime;
  /** For punctuated watermarks: this event carries a watermark of its own (Flink's punctuated generator). */
  readonly marker?: boolean;
}

/**
 * A record in flight inside the engine. `timestamp` is the time the windowing uses: the event
 * time, the ingestion time or the processing time, as the scenario's time domain says.
 */
export interface StreamRecord {
  readonly entry: LogEntry;
  value: number;
  timestamp: number;
  ingestionTime: ProcTime;
}

/** Interns keys: the engine works on small integers; reports print the names. */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  name(id: number): string {
    const name = this.names[id];
    if (name === undefined) throw new Error(`KeyTable: unknown key id ${id}`);
    return name;
  }

  get size(): number {
    return this.names.length;
  }
}
