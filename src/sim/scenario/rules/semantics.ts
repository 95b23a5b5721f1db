/**
 * Rules of whose semantics apply: settings that belong to one engine (suppress to Kafka Streams,
 * output modes to Spark), what each engine forbids, and what processing time rules out.
 */
import { foundWith, invalid, type Rule } from './rule.js';

export const engineOnlyFields: Rule = (s, r) => {
  if (s.suppress && s.semantics !== 'kafka-streams') {
    return invalid(['suppress'], {
      expected: 'no suppress unless semantics is kafka-streams',
      found: foundWith(r, ['suppress'], `semantics ${s.semantics}`),
      why: 'suppress(untilWindowCloses) is a Kafka Streams operator',
    });
  }
  if (s.outputMode !== 'append' && s.semantics !== 'spark') {
    return invalid(['outputMode'], {
      expected: 'append unless semantics is spark',
      found: foundWith(r, ['outputMode'], `semantics ${s.semantics}`),
      why: 'Output modes belong to Spark Structured Streaming',
    });
  }
  return undefined;
};

export const kafkaStreamsRule: Rule = (s, r) => {
  if (s.semantics !== 'kafka-streams') return undefined;
  if (r.valueAt(['trigger']) !== undefined) {
    return invalid(['trigger'], {
      expected: 'no trigger with semantics kafka-streams',
      why: 'Kafka Streams has no triggers: every record updates its window\'s result at once (write suppress: untilWindowCloses for one final result per window)',
    });
  }
  if (s.accumulation !== 'accumulating') {
    return invalid(['accumulation'], {
      expected: 'accumulating with semantics kafka-streams',
      why: 'Each Kafka Streams update carries the whole aggregate of its window so far',
    });
  }
  return undefined;
};

export const sparkRule: Rule = (s, r) => {
  if (s.semantics !== 'spark') return undefined;
  if (s.allowedLatenessMs > 0) {
    return invalid(['allowedLateness'], {
      expected: '0 with semantics spark',
      why: 'The watermark delay is Spark\'s only bound on lateness (set watermark.maxDelay instead)',
    });
  }
  for (const firing of ['early', 'late'] as const) {
    if (r.valueAt(['trigger', firing]) === undefined) continue;
    return invalid(['trigger', firing], {
      expected: `no ${firing} firings with semantics spark`,
      why: 'A micro-batch query emits once per batch as outputMode says (append: once the watermark passes the window; update: in every batch that changes it)',
    });
  }
  return undefined;
};

export const processingTimeRule: Rule = (s) => {
  if (s.timeDomain !== 'processing-time') return undefined;
  const why = 'Nothing is late in processing time, since each record is stamped with the operator\'s clock as it arrives';
  if (s.allowedLatenessMs > 0) return invalid(['allowedLateness'], { expected: '0 with timeDomain processing-time', why });
  if (s.lateData === 'side-output') return invalid(['lateData'], { expected: 'drop with timeDomain processing-time', why });
  return undefined;
};
