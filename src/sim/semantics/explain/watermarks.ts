/** Why a watermark moved: the partition's strategy, and how sources and window tasks combine their inputs. */
import { assertNever } from '../../kernel/assert.js';
import { formatClock } from '../../model/time.js';
import type { WatermarkSpec } from '../../scenario/types.js';
import { rulesForScenario } from '../rules.js';
import { durationText, type Entry, type ExplainScenario } from './wording.js';

const t = formatClock;

/** How a partition's watermark strategy computes its value. */
function strategyText(s: ExplainScenario, spec: WatermarkSpec): string {
  const minusOne = s.semantics === 'flink' ? ' − 1 ms' : '';
  switch (spec.type) {
    case 'bounded-out-of-orderness':
      return `max event time seen − ${durationText(spec.maxDelayMs)}${minusOne} (bounded out-of-orderness, emitted every ${durationText(spec.intervalMs)})`;
    case 'monotonous':
      return `max event time seen${minusOne} (monotonous timestamps)`;
    case 'perfect':
      return 'a perfect watermark: every event before it has arrived';
    case 'punctuated':
      return `from a marker event, its time − ${durationText(spec.maxDelayMs)}${minusOne} (punctuated)`;
    case 'percentile':
      return `a heuristic: now − the p${spec.percentile} delay of the last ${spec.sample} events`;
    case 'scripted':
      return "scripted by the scenario's timeline (like Beam's TestStream.advanceWatermarkTo)";
    default:
      return assertNever(spec, 'strategyText');
  }
}

/** Why a watermark moved, and which input holds it where it is. */
export function explainWatermark(s: ExplainScenario, e: Entry<'watermark-advanced'>): string {
  const to = e.watermark === Infinity ? '+∞ (end of input: it closes every window)' : t(e.watermark);
  // Spark and Kafka Streams combine by maximum, except under the oracle (rules.ts rulesForScenario).
  const combine = rulesForScenario(s).combineInputs === 'max' ? 'maximum' : 'minimum';
  const holder = (what: string): string => (e.heldBy === undefined ? '' : `, ${combine === 'minimum' ? 'held back' : 'set'} by ${what} ${e.heldBy}`);
  switch (e.scope) {
    case 'partition':
      return `partition ${e.id} watermark → ${to} at ${t(e.at)}: ${strategyText(s, s.watermark)}`;
    case 'source':
      return `source task ${e.id} watermark → ${to} at ${t(e.at)}: the ${combine} over its active partitions${holder('partition')}`;
    case 'operator':
      if (s.semantics === 'kafka-streams') {
        return `window task ${e.id} stream time → ${to} at ${t(e.at)}: the largest record timestamp seen (Kafka Streams has no watermark; only records move stream time)`;
      }
      return `window task ${e.id} watermark → ${to} at ${t(e.at)}: the ${combine} over its input channels${holder('input')}; windows it passes fire before it is forwarded`;
    default:
      return assertNever(e.scope, 'explainWatermark');
  }
}
