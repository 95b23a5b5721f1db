/** Rules of the engine and its cost model: what runs on micro-batches, and what the costs must fit. */
import { foundWith, invalid, type Rule } from './rule.js';

export const engineRule: Rule = (s, r) => {
  if (s.engine?.type !== 'micro-batch' || s.semantics !== 'kafka-streams') return undefined;
  const at = r.valueAt(['engine', 'type']) === undefined ? ['engine'] : ['engine', 'type'];
  return invalid(at, {
    expected: 'native with semantics kafka-streams',
    found: foundWith(r, at, 'semantics kafka-streams'),
    why: 'Kafka Streams processes each record as it arrives; micro-batches are Spark\'s way of running',
  });
};

/**
 * Complete mode writes the whole result table after every trigger, which needs a trigger (the
 * micro-batch engine), and each row carries the whole aggregate (accumulating).
 */
export const completeMode: Rule = (s, r) => {
  if (s.outputMode !== 'complete') return undefined;
  if (s.engine?.type !== 'micro-batch') {
    return invalid(['outputMode'], {
      expected: 'append or update unless engine is micro-batch',
      found: foundWith(r, ['outputMode'], `engine ${s.engine?.type ?? 'native'}`),
      why: 'Complete mode writes the whole result table after every micro-batch; the native engine has no batches',
    });
  }
  return undefined;
};

/** A micro-batch writes whole rows (update or complete mode): each carries its window's whole aggregate. */
export const wholeRows: Rule = (s) => {
  if (s.outputMode === 'append' || s.engine?.type !== 'micro-batch' || s.accumulation === 'accumulating') return undefined;
  return invalid(['accumulation'], {
    expected: `accumulating with outputMode ${s.outputMode} on the micro-batch engine`,
    why: 'Each row a micro-batch writes in update or complete mode carries the whole aggregate of its window (Spark has no discarding or retracting panes)',
  });
};

export const costRule: Rule = (s, r) => {
  const c = s.cost;
  if (c === undefined) return undefined;
  if (c.asyncConcurrency > 1 && c.stateBackend !== 'external') {
    return invalid(['cost', 'state', 'asyncConcurrency'], {
      expected: '1 unless cost.state.backend is external',
      found: foundWith(r, ['cost', 'state', 'asyncConcurrency'], `backend ${c.stateBackend}`),
      why: 'Asynchronous I/O overlaps requests to an external store; state in memory is read in place',
    });
  }
  if (c.bufferRecords > c.channelCapacity) {
    const why = 'A buffer is sent whole, so a receiver must have room for a full one';
    if (r.valueAt(['cost', 'buffer', 'records']) === undefined) {
      return invalid(['cost', 'channelCapacity'], { expected: `at least cost.buffer.records (${c.bufferRecords}, the default)`, why });
    }
    const capacity = r.valueAt(['cost', 'channelCapacity']) === undefined ? `${c.channelCapacity}, the default` : `${c.channelCapacity}`;
    return invalid(['cost', 'buffer', 'records'], { expected: `at most cost.channelCapacity (${capacity})`, why });
  }
  return undefined;
};
