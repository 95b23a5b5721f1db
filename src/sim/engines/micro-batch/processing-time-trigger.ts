/**
 * When micro-batches start: Spark's Trigger.ProcessingTime(interval), run by ProcessingTimeExecutor.
 * Trigger times are the multiples of the interval; a batch that ends after the next trigger time
 * has fallen behind (notifyBatchFallingBehind) and the next batch starts at once; an interval of 0
 * (the default trigger) starts each batch as soon as the previous one ends.
 *
 * When a trigger finds nothing to do (no new data, no watermark to move), Spark waits for the next
 * trigger time and asks again; the simulator jumps straight to the first trigger time at or after
 * the instant something will be there to do, which gives the same batches without the idle polls.
 */

/** ProcessingTimeExecutor.nextBatchTime: the next multiple of the interval strictly after `now`. */
export function nextBatchTime(now: number, intervalMs: number): number {
  if (intervalMs <= 0) return now;
  return Math.floor(now / intervalMs) * intervalMs + intervalMs;
}

/** The first trigger time at or after `t`: when a trigger first sees something that happens at `t`. */
export function firstTriggerAtOrAfter(t: number, intervalMs: number): number {
  if (intervalMs <= 0 || t === Infinity) return t;
  return Math.ceil(t / intervalMs) * intervalMs;
}

/**
 * When the batch after one that started at `startedAt` and ended at `endedAt` may start: the next
 * trigger time after the start, or at once if the batch overran it.
 */
export function followingTrigger(startedAt: number, endedAt: number, intervalMs: number): number {
  return Math.max(endedAt, nextBatchTime(startedAt, intervalMs));
}
