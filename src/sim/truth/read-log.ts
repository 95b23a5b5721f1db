/**
 * Reads a whole partitioned log: every partition from offset 0 to its end, each with its own
 * cursor, so the truth never shares a read position with the engine.
 */
import type { LogEntry } from '../model/record.js';
import type { PartitionedLog } from '../sources/log.js';

export function readWholeLog(log: PartitionedLog): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let partition = 0; partition < log.partitions; partition++) {
    const cursor = log.open(partition, 0);
    // peekAppendTime is Infinity once the partition holds no more entries.
    while (Number.isFinite(cursor.peekAppendTime())) entries.push(cursor.next());
  }
  return entries;
}
