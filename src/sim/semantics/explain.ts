/**
 * One sentence per trace entry that says why it happened, with the numbers filled in and the
 * engine's rule named: the "Why" line of the terminal UI. Pure, and written from the table in
 * SEMANTICS.md ("Where the engines' rules differ"), so a learner can check each claim against the
 * engine's documentation. The numbers come from the trace entry and the scenario only.
 *
 * Conventions: times are clock times (formatClock), durations are written as in scenario files
 * (2m, 90s, 250ms), and "watermark" reads "stream time" under Kafka Streams, whose progress clock
 * is the largest timestamp seen.
 */
import { assertNever } from '../kernel/assert.js';
import type { Pane } from '../model/pane.js';
import { formatClock } from '../model/time.js';
import type { Window } from '../model/window.js';
import type { FiringSpec, Scenario, WatermarkSpec } from '../scenario/types.js';
import type { TraceEvent } from '../trace/events.js';
import { rulesForScenario } from './rules.js';

/** The parts of a scenario an explanation reads; a whole Scenario will do. */
export type ExplainScenario = Pick<
  Scenario,
  'semantics' | 'allowedLatenessMs' | 'window' | 'suppress' | 'outputMode' | 'trigger' | 'watermark' | 'accumulation'
>;

type Entry<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** A duration as scenario files write it: 0, 1 ms, 250ms, 1.5s, 2m, 4m34s, 1h. */
export function durationText(ms: number): string {
  if (ms === Infinity) return '∞';
  if (ms < 0) return `−${durationText(-ms)}`;
  if (ms === 0) return '0';
  if (ms === 1) return '1 ms';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}

const t = formatClock;

/** `[12:00:00, 12:02:00)`, or `the global window`. */
export function windowText(w: Window): string {
  if (w.start === -Infinity && w.end === Infinity) return 'the global window';
  return `[${t(w.start)}, ${t(w.end)})`;
}

/** The name of the progress clock: "watermark", or "stream time" for Kafka Streams. */
export function clockName(s: Pick<Scenario, 'semantics'>): string {
  return s.semantics === 'kafka-streams' ? 'stream time' : 'watermark';
}

function sessionGap(s: ExplainScenario): number | undefined {
  return s.window.type === 'session' ? s.window.gapMs : undefined;
}

/** Kafka Streams without suppress, and Spark in update mode, emit the updated row on every element. */
function emitsEveryUpdate(s: ExplainScenario): boolean {
  return (s.semantics === 'kafka-streams' && !s.suppress) || (s.semantics === 'spark' && s.outputMode === 'update');
}

/**
 * The condition under which data for `w` is too late, filled in with `clock`, and the rule that
 * makes it so. `holds` says which way the comparison came out, for "late but allowed".
 */
function expiryCondition(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const l = s.allowedLatenessMs;
  const c = `${clockName(s)} ${t(clock)}`;
  switch (s.semantics) {
    case 'flink': {
      // WindowOperator.isWindowLate: maxTimestamp + allowedLateness <= watermark.
      const bound = w.end - 1 + l;
      return {
        text: `window end ${t(w.end)} − 1 ms + lateness ${durationText(l)} = ${t(bound)} ${holds ? '≤' : '>'} ${c}`,
        rule: 'Flink drops when maxTimestamp + allowedLateness <= watermark',
      };
    }
    case 'beam': {
      // Beam garbage-collects a window when maxTimestamp + allowedLateness < watermark.
      const bound = w.end - 1 + l;
      return {
        text: `window end ${t(w.end)} − 1 ms + lateness ${durationText(l)} = ${t(bound)} ${holds ? '<' : '≥'} ${c}`,
        rule: 'Beam drops when maxTimestamp + allowedLateness < watermark',
      };
    }
    case 'spark':
      // Window state ending at T is evicted when watermark > T (strict); no lateness beyond the delay.
      return {
        text: `${c} ${holds ? '>' : '≤'} window end ${t(w.end)}`,
        rule: 'Spark evicts a window, and drops its data, once watermark > window end',
      };
    case 'kafka-streams': {
      const gap = sessionGap(s);
      if (gap === undefined) {
        // KStreamWindowAggregate: streamTime >= windowEnd + grace (the code's rule; the docs say >).
        return {
          text: `${c} ${holds ? '≥' : '<'} window end ${t(w.end)} + grace ${durationText(l)} = ${t(w.end + l)}`,
          rule: 'Kafka Streams drops a record once streamTime >= windowEnd + grace',
        };
      }
      // Sessions are held as [first, last + 1). KStreamSessionWindowAggregate drops a record only
      // when mergedWindow.end() < streamTime − grace − gap: stream time past last + gap + grace.
      const last = w.end - 1;
      return {
        text: `${c} ${holds ? '>' : '≤'} session's last record ${t(last)} + gap ${durationText(gap)} + grace ${durationText(l)} = ${t(last + gap + l)}`,
        rule: 'Kafka Streams drops a record for a session once streamTime > last + gap + grace',
      };
    }
    default:
      return assertNever(s.semantics, 'expiryCondition');
  }
}

/**
 * When suppress(untilWindowCloses) emits a Kafka Streams session: once
 * last <= streamTime − gap − grace (KTableSuppressProcessor with the session's gap + grace as its
 * suppress duration), one millisecond before the aggregator drops records for it.
 */
function sessionCloseCondition(s: ExplainScenario, gap: number, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const last = w.end - 1;
  const l = s.allowedLatenessMs;
  return {
    text: `${clockName(s)} ${t(clock)} ${holds ? '≥' : '<'} session's last record ${t(last)} + gap ${durationText(gap)} + grace ${durationText(l)} = ${t(last + gap + l)}`,
    rule: 'suppress(untilWindowCloses) emits a session once stream time reaches its last record + gap + grace',
  };
}

/**
 * The condition under which the window's on-time (final) result fires, filled in with `clock`.
 * `holds` says which way it came out.
 */
function fireCondition(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const c = `${clockName(s)} ${t(clock)}`;
  switch (s.semantics) {
    case 'flink':
      return {
        text: `${c} ${holds ? '≥' : '<'} window max timestamp ${t(w.end - 1)} (end − 1 ms)`,
        rule: 'Flink fires when maxTimestamp <= watermark',
      };
    case 'beam':
      return {
        text: holds ? `${c} passed window end ${t(w.end)}` : `${c} has not passed window end ${t(w.end)}`,
        rule: 'Beam fires when the watermark passes the end of the window',
      };
    case 'spark':
      return {
        text: `${c} ${holds ? '>' : '≤'} window end ${t(w.end)}`,
        rule: 'Spark append mode emits a window once watermark > window end',
      };
    case 'kafka-streams':
      return expiryConditionAsClose(s, w, clock, holds);
    default:
      return assertNever(s.semantics, 'fireCondition');
  }
}

/** Under Kafka Streams with suppress, the window's result is emitted when it closes. */
function expiryConditionAsClose(s: ExplainScenario, w: Window, clock: number, holds: boolean): { text: string; rule: string } {
  const gap = sessionGap(s);
  if (gap !== undefined) return sessionCloseCondition(s, gap, w, clock, holds);
  const { text } = expiryCondition(s, w, clock, holds);
  return { text, rule: 'suppress(untilWindowCloses) emits once stream time reaches window end + grace' };
}

function describeFiring(f: FiringSpec | undefined): string {
  if (f === undefined) return 'none';
  switch (f.type) {
    case 'count':
      return `every ${f.count} element${f.count === 1 ? '' : 's'}`;
    case 'after-first-element':
      return `${durationText(f.delayMs)} after the first element`;
    case 'aligned':
      return `aligned every ${durationText(f.everyMs)}`;
    default:
      return assertNever(f, 'describeFiring');
  }
}

function valueText(p: Pane): string {
  const v = Number.isInteger(p.value) ? String(p.value) : p.value.toFixed(3);
  return `value ${v} of ${p.count} element${p.count === 1 ? '' : 's'}`;
}

/** Why an event was too late for a window: dropped or sent to the side output. */
export function explainLate(s: ExplainScenario, e: Entry<'event-late'>): string {
  const head = e.disposition === 'dropped' ? 'late, dropped' : 'late, to the side output';
  const cond = expiryCondition(s, e.window, e.watermark, true);
  return `${head}: ${cond.text} at arrival ${t(e.arrivedAt)} (${cond.rule})`;
}

/** Why an event joined its window: on time, or late but within the allowed lateness. */
export function explainWindowed(s: ExplainScenario, e: Entry<'event-windowed'>): string {
  const w = e.window;
  if (e.late) {
    const fired = fireCondition(s, w, e.watermark, true);
    const kept = expiryCondition(s, w, e.watermark, false);
    return `late but allowed: ${fired.text}, so the on-time pane has fired; but ${kept.text}: the window is kept and fires again (late firing ${describeFiring(s.trigger.late)}; ${kept.rule})`;
  }
  if (emitsEveryUpdate(s)) {
    const open = expiryCondition(s, w, e.watermark, false);
    return `on time: ${open.text}: the row of ${windowText(w)} is updated and emitted at once (${updateRule(s)})`;
  }
  const open = fireCondition(s, w, e.watermark, false);
  return `on time: ${open.text}: ${windowText(w)} has not fired yet (${open.rule})`;
}

function updateRule(s: ExplainScenario): string {
  return s.semantics === 'spark' ? 'Spark update mode emits changed rows' : 'Kafka Streams without suppress emits every update';
}

/** Why a pane fired when it did, and with which value. */
export function explainPane(s: ExplainScenario, e: Entry<'pane-fired'>): string {
  const p = e.pane;
  const at = t(e.at);
  if (p.retraction === true) {
    return `retraction at ${at}: withdraws the earlier value ${p.value} of ${windowText(p.window)} before the new pane (accumulating & retracting)`;
  }
  if (emitsEveryUpdate(s)) {
    const late = p.timing === 'LATE' ? ` after the window end (${clockName(s)} ${t(e.watermark)} ≥ ${t(p.window.end)})` : '';
    return `${p.timing} update at ${at}${late}: an element changed the row, ${valueText(p)} (${updateRule(s)})`;
  }
  switch (p.timing) {
    case 'EARLY': {
      const before = fireCondition(s, p.window, e.watermark, false);
      return `EARLY at ${at}: the early trigger (${describeFiring(s.trigger.early)}) fired before the on-time point, ${before.text}; ${valueText(p)}`;
    }
    case 'ON_TIME': {
      const fired = fireCondition(s, p.window, e.watermark, true);
      return `ON_TIME: ${fired.text} at ${at} (${fired.rule}); ${valueText(p)}${p.isLast ? ', last pane' : ''}`;
    }
    case 'LATE': {
      if (p.isLast) {
        const gone = expiryCondition(s, p.window, e.watermark, true);
        return `LATE, final, at ${at}: the window expired, ${gone.text}; the late data not yet fired is emitted before the state is cleared (Beam FIRE_IF_NON_EMPTY); ${valueText(p)}`;
      }
      const kept = expiryCondition(s, p.window, e.watermark, false);
      return `LATE at ${at}: late data arrived after the on-time pane and the late trigger (${describeFiring(s.trigger.late)}) fired; the window is kept while ${kept.text}; ${valueText(p)}`;
    }
    default:
      return assertNever(p.timing, 'explainPane');
  }
}

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

/** What a window that has not fired is waiting for. */
export function explainPending(s: ExplainScenario, w: Window, clock: number): string {
  if (emitsEveryUpdate(s)) return `open: every element updates the row of ${windowText(w)} (${updateRule(s)})`;
  const cond = fireCondition(s, w, clock, false);
  return `waiting: ${cond.text}, so ${windowText(w)} has not fired on time yet (${cond.rule})`;
}

/** One sentence for any trace entry. */
export function explainEntry(s: ExplainScenario, e: TraceEvent): string {
  switch (e.type) {
    case 'event-ingested': {
      const delay = e.at - e.eventTime;
      return `ingested ${e.key} = ${e.value} (event time ${t(e.eventTime)}) from partition ${e.ref.partition} offset ${e.ref.offset} at ${t(e.at)}, appended at ${t(e.appendTime)}: ${durationText(Math.max(0, delay))} after it happened`;
    }
    case 'event-filtered':
      return `filtered out at ${t(e.at)}: the pipeline's filter drops partition ${e.ref.partition} offset ${e.ref.offset}; it belongs to no window`;
    case 'event-windowed':
      return explainWindowed(s, e);
    case 'event-late':
      return explainLate(s, e);
    case 'watermark-advanced':
      return explainWatermark(s, e);
    case 'partition-idle':
      return e.idle
        ? `partition ${e.partition} idle at ${t(e.at)}: no events for the idle timeout, so it no longer holds the minimum back (Flink withIdleness)`
        : `partition ${e.partition} active again at ${t(e.at)}: it has data, so it counts in the minimum again`;
    case 'windows-merged': {
      const touch = s.semantics === 'flink' ? 'overlap or touch' : 'overlap';
      return `sessions of ${e.key} merged at ${t(e.at)}: ${e.from.map(windowText).join(' + ')} → ${windowText(e.into)} (${s.semantics} merges sessions that ${touch})`;
    }
    case 'pane-fired':
      return explainPane(s, e);
    case 'window-cleared': {
      const gone = expiryCondition(s, e.window, e.watermark, true);
      return `window ${windowText(e.window)} of ${e.key} cleared at ${t(e.at)}: ${gone.text}; later data for it is too late (${gone.rule})`;
    }
    case 'source-finished':
      return `source task ${e.task} finished its input at ${t(e.at)}`;
    case 'checkpoint-triggered':
    case 'barrier-emitted':
    case 'barrier-received':
    case 'checkpoint-snapshot':
    case 'checkpoint-completed':
    case 'checkpoint-aborted':
    case 'savepoint-taken':
      return explainCheckpoint(e);
    case 'fault':
    case 'job-failed':
    case 'job-restarted':
      return explainFailure(e);
    case 'transaction-committed':
      return `window task ${e.task} committed transaction ${e.txn} at ${t(e.at)} when checkpoint ${e.checkpoint} completed: its output becomes visible to read-committed readers (two-phase commit)`;
    case 'transaction-aborted':
      return `transaction ${e.txn} of window task ${e.task} aborted at ${t(e.at)}: its uncommitted output is discarded and will be replayed`;
    case 'backpressure':
      return e.blocked
        ? e.stage === undefined
          ? `source task ${e.task} blocked at ${t(e.at)}: its output channel ${e.channel} is full (credit-based backpressure), so it stops reading and the backlog grows`
          : `${e.stage} task ${e.task} blocked at ${t(e.at)}: its output channel ${e.channel} is full (credit-based backpressure), so it stops taking input and its own input channel fills`
        : `${e.stage ?? 'source'} task ${e.task} free again at ${t(e.at)}: channel ${e.channel} has credit, so it ${e.stage === undefined ? 'reads' : 'takes input'} on`;
    case 'batch-planned': {
      const ranges = e.offsets.map((o) => `partition ${o.partition} [${o.from}, ${o.to})`).join(', ');
      const what = e.noData ? 'a no-data batch that reads nothing and runs to move the watermark or evict state' : `reading ${ranges || 'nothing'}`;
      return `batch ${e.batch} ${e.rerun ? 're-planned from its offset log entry (same offsets)' : 'planned'} at ${t(e.at)}: ${what}, with watermark ${t(e.watermark)} from the batch before (Spark writes the offset log before it runs a batch)`;
    }
    case 'batch-committed':
      return `batch ${e.batch} committed at ${t(e.at)} after ${durationText(e.durationMs)}: ${e.records} records, ${e.panes} results written, commit log entry written; the next batch applies watermark ${t(e.nextWatermark)}`;
    default:
      return assertNever(e, 'explainEntry');
  }
}

function offsetsText(offsets: readonly { readonly partition: number; readonly offset: number }[]): string {
  if (offsets.length === 0) return 'no partitions';
  const shown = offsets.slice(0, 4).map((o) => `p${o.partition}@${o.offset}`);
  return shown.join(', ') + (offsets.length > 4 ? `, … (${offsets.length} partitions)` : '');
}

function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Checkpoints as Flink's asynchronous barrier snapshots (Chandy–Lamport) take them. */
export function explainCheckpoint(
  e: Entry<'checkpoint-triggered' | 'barrier-emitted' | 'barrier-received' | 'checkpoint-snapshot' | 'checkpoint-completed' | 'checkpoint-aborted' | 'savepoint-taken'>,
): string {
  switch (e.type) {
    case 'checkpoint-triggered':
      return e.savepoint
        ? `savepoint ${e.id} triggered at ${t(e.at)}: always aligned, it never expires; used to stop, upgrade and resume a job`
        : `checkpoint ${e.id} triggered at ${t(e.at)}: each source records its offsets and sends barrier ${e.id} in line with its records`;
    case 'barrier-emitted':
      return `source task ${e.task} recorded offsets ${offsetsText(e.offsets)} and sent barrier ${e.id} downstream at ${t(e.at)}`;
    case 'barrier-received':
      return e.blocked
        ? `barrier ${e.id} reached window task ${e.task} on input ${e.channel} at ${t(e.at)}: alignment holds that input back until barrier ${e.id} arrives on every input`
        : `barrier ${e.id} reached window task ${e.task} on input ${e.channel} at ${t(e.at)}`;
    case 'checkpoint-snapshot':
      return `window task ${e.task} snapshotted ${e.windows} window${e.windows === 1 ? '' : 's'} for checkpoint ${e.id} at ${t(e.at)} after aligning for ${durationText(e.alignmentMs)}${e.unaligned ? ` (unaligned: ${e.inFlightRecords} in-flight records stored with it)` : ''}, then forwarded the barrier`;
    case 'checkpoint-completed':
      return `${e.savepoint ? 'savepoint' : 'checkpoint'} ${e.id} completed at ${t(e.at)} in ${durationText(e.durationMs)} (alignment ${durationText(e.alignmentMs)}, ${bytesText(e.sizeBytes)}): every task acknowledged, so recovery restarts from here`;
    case 'checkpoint-aborted':
      return `checkpoint ${e.id} aborted at ${t(e.at)}: ${e.reason}`;
    case 'savepoint-taken':
      return `savepoint ${e.id} taken at ${t(e.at)}: its state is kept with the run`;
    default:
      return assertNever(e, 'explainCheckpoint');
  }
}

/** Failures and recovery: what was lost, and where the job resumed. */
export function explainFailure(e: Entry<'fault' | 'job-failed' | 'job-restarted'>): string {
  switch (e.type) {
    case 'fault':
      return `fault at ${t(e.at)}: ${e.fault}${e.task === undefined ? '' : ` on ${e.task}`}: ${e.detail}`;
    case 'job-failed':
      return `job failed at ${t(e.at)}: ${e.reason}; every task is cancelled and what was in flight is lost`;
    case 'job-restarted':
      return e.fromCheckpoint === null
        ? `job restarted at ${t(e.at)} without a checkpoint: state starts empty and the sources resume where they were, so results can be missing (at-most-once)`
        : `job restarted at ${t(e.at)} from checkpoint ${e.fromCheckpoint}: ${e.restoredWindows} window${e.restoredWindows === 1 ? '' : 's'} restored${e.inFlightRecords > 0 ? ` with ${e.inFlightRecords} in-flight records` : ''}, sources rewound to ${offsetsText(e.offsets)}, so everything after is replayed`;
    default:
      return assertNever(e, 'explainFailure');
  }
}
