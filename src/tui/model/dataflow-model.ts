/**
 * The dataflow panel: partitions → source tasks → channels → window tasks → sink, each with its
 * watermark at the cursor and which input holds it back (the minimum; under Spark and Kafka Streams
 * the maximum sets it), idle partitions, records in flight on each channel, open windows, barriers
 * in flight and alignment, backpressure, checkpoints, failures and recoveries. What the trace does
 * not contain is said to be absent ("none in this run"), never drawn.
 */
import { rulesForScenario } from '../../sim/semantics/rules.js';
import { durationText } from '../../sim/semantics/explain/wording.js';
import { countText } from './format.js';
import { countLess } from './search.js';
import type { ChannelIndex, Timeline } from './timeline.js';
import { clockAt, seriesKey, valueAt } from './timeline/lookups.js';
import { fitLine, padRight, seg, type Line, type Segment } from './text.js';
import { formatClock } from '../../sim/model/time.js';

export interface DataflowOptions {
  readonly width: number;
  readonly height: number;
}

function wmText(v: number | undefined): Segment {
  return v === undefined || v === -Infinity ? seg('—', 'dim') : seg(formatClock(v), 'watermark');
}

/** A queue gauge: fill relative to the most this channel ever held. */
export function gauge(queued: number, max: number, width = 6): string {
  const filled = max === 0 ? 0 : Math.round((queued / max) * width);
  return `▕${'█'.repeat(filled)}${' '.repeat(width - filled)}▏`;
}

export function queuedAt(ch: ChannelIndex, cursor: number): number {
  return countLess(ch.sends, cursor) - countLess(ch.arrivals, cursor);
}

export function dataflowModel(tl: Timeline, cursor: number, o: DataflowOptions): Line[] {
  const topo = tl.topology;
  const rules = rulesForScenario(tl.scenario);
  const combine = rules.combineInputs === 'min' ? 'min' : 'max';
  const holds = combine === 'min' ? 'holds back' : 'sets';
  const lines: Line[] = [];
  lines.push([seg('Dataflow', 'title'), seg(` · watermark = ${combine} of inputs · channel delay ${durationText(tl.scenario.channelDelayMs)}`, 'dim')]);

  const sourceHeld = new Map<number, number | undefined>();
  for (const s of topo.sourceTasks) sourceHeld.set(s, valueAt(tl.watermarks.get(seriesKey('source', s)), cursor)?.heldBy);

  const partitions: Line[] = topo.partitions.map((p) => {
    const wm = valueAt(tl.watermarks.get(seriesKey('partition', p)), cursor)?.watermark;
    const idle = valueAt(tl.idle.get(p), cursor) === true;
    const task = topo.partitionTask.get(p);
    const read = countLess(tl.topology.partitionReads.get(p) ?? [], cursor);
    const holding = task !== undefined && sourceHeld.get(task) === p;
    return [
      seg(padRight(` p${p}`, 7), 'key'),
      seg('wm '),
      wmText(wm),
      seg(`  ${countText(read)} read`, 'dim'),
      ...(idle ? [seg('  idle', 'dim')] : []),
      ...(holding ? [seg(`  ◀ ${holds} src${task}`, 'warn')] : []),
    ];
  });
  const sources: Line[] = topo.sourceTasks.map((s) => {
    const v = valueAt(tl.watermarks.get(seriesKey('source', s)), cursor);
    const blockedOn = valueAt(tl.faults.backpressure.get(s), cursor) ?? [];
    const finished = tl.kinds.finished.some((step) => step < cursor && sourceOfFinish(tl, step) === s);
    return [
      seg(padRight(` src${s}`, 7), 'key'),
      seg('wm '),
      wmText(v?.watermark),
      ...(v?.heldBy !== undefined ? [seg(` ← p${v.heldBy}`, 'warn')] : []),
      ...(finished ? [seg('  input done', 'dim')] : []),
      ...(blockedOn.length > 0 ? [seg(`  ⛔ backpressured (channel ${blockedOn.join(', ')} full)`, 'bad')] : []),
    ];
  });
  const channels: Line[] = topo.channels.map((ch) => {
    const q = queuedAt(ch, cursor);
    const sent = valueAt(tl.faults.barrierOut.get(ch.from), cursor);
    const received = valueAt(tl.faults.barrierIn.get(`${ch.to}:${ch.from}`), cursor);
    const barrier = sent !== undefined && (received === undefined || received.id < sent) ? [seg(`  ⊢ barrier ${sent}`, 'watermark')] : [];
    const snapshot = valueAt(tl.faults.snapshot.get(ch.to), cursor) ?? -Infinity;
    const blocked = received !== undefined && received.blocked && snapshot < received.id ? [seg('  ⏸ blocked: aligning', 'warn')] : [];
    return [seg(padRight(` src${ch.from}→win${ch.to}`, 13), 'dim'), seg(gauge(q, ch.maxQueued), q > 0 ? 'warn' : 'dim'), seg(` ${countText(q)} in flight`), ...barrier, ...blocked];
  });
  const windows: Line[] = topo.windowTasks.map((t) => {
    const v = valueAt(tl.watermarks.get(seriesKey('operator', t)), cursor);
    const open = tl.rows.filter((r) => r.task === t && (r.windowedSteps[0] ?? Infinity) < cursor && r.clearedStep >= cursor && r.mergedStep >= cursor).length;
    const clock = tl.scenario.semantics === 'kafka-streams' ? 'time ' : 'wm ';
    const snapshot = valueAt(tl.faults.snapshot.get(t), cursor);
    return [
      seg(padRight(` win${t}`, 7), 'key'),
      seg(clock),
      wmText(v?.watermark),
      ...(v?.heldBy !== undefined ? [seg(` ← src${v.heldBy}`, 'warn')] : []),
      seg(`  ${countText(open)} open`, 'dim'),
      ...(snapshot !== undefined ? [seg(`  snapshot ${snapshot}`, 'dim')] : []),
    ];
  });
  const panes = countLess(tl.kinds.panes, cursor);
  const sink: Line = [seg(padRight(' sink', 7), 'key'), seg(`${countText(panes)} pane${panes === 1 ? '' : 's'} written at ${formatClock(clockAt(tl, cursor))}`)];
  const faults = faultLines(tl, cursor);

  // When everything does not fit, summarise the widest sections first.
  const room = o.height - 1;
  let parts = partitions;
  let chans = channels;
  const total = () => parts.length + sources.length + chans.length + windows.length + 1 + faults.length;
  if (total() > room && partitions.length > 1) parts = [summariseQueues(partitions.length, tl, cursor)];
  if (total() > room && channels.length > 1) {
    const q = topo.channels.reduce((n, ch) => n + queuedAt(ch, cursor), 0);
    chans = [[seg(padRight(` ${channels.length} channels`, 13), 'dim'), seg(` ${countText(q)} records in flight`)]];
  }
  lines.push(...faults, ...parts, ...sources, ...chans, ...windows, sink);
  const out = lines.slice(0, o.height).map((l) => fitLine(l, o.width));
  while (out.length < o.height) out.push(fitLine([], o.width));
  return out;
}

function sourceOfFinish(tl: Timeline, step: number): number | undefined {
  const e = tl.trace[step];
  return e !== undefined && e.type === 'source-finished' ? e.task : undefined;
}

/** One line for many partitions: the lowest watermark, who has it, and how many are idle. */
function summariseQueues(count: number, tl: Timeline, cursor: number): Line {
  let min = Infinity;
  let at: number | undefined;
  let idle = 0;
  for (const p of tl.topology.partitions) {
    const wm = valueAt(tl.watermarks.get(seriesKey('partition', p)), cursor)?.watermark ?? -Infinity;
    if (wm < min) {
      min = wm;
      at = p;
    }
    if (valueAt(tl.idle.get(p), cursor) === true) idle++;
  }
  return [seg(padRight(` p0–p${count - 1}`, 7), 'key'), seg('min wm '), wmText(min), seg(at === undefined ? '' : ` at p${at}`, 'warn'), seg(idle > 0 ? `  ${idle} idle` : '', 'dim')];
}

/** Checkpoints, failures and backpressure at the cursor; "none in this run" when the trace has none at all. */
export function faultLines(tl: Timeline, cursor: number): Line[] {
  let completed: { id: number; at: number } | undefined;
  const open = new Set<number>();
  let aborted = 0;
  // A micro-batch query's commit log entries are its checkpoints (Spark checkpoints every batch).
  let batch: { id: number; at: number; durationMs: number; committed: number } | undefined;
  for (const step of tl.kinds.checkpoints) {
    if (step >= cursor) break;
    const e = tl.trace[step];
    if (e === undefined) continue;
    if (e.type === 'batch-committed') batch = { id: e.batch, at: e.at, durationMs: e.durationMs, committed: (batch?.committed ?? 0) + 1 };
    else if (e.type === 'checkpoint-triggered') open.add(e.id);
    else if (e.type === 'checkpoint-completed') {
      open.delete(e.id);
      completed = { id: e.id, at: e.at };
    } else if (e.type === 'checkpoint-aborted') {
      open.delete(e.id);
      aborted++;
    }
  }
  const microBatch = tl.kinds.checkpoints.some((step) => tl.trace[step]?.type === 'batch-committed');
  const checkpoints: Segment[] = microBatch
    ? [
        seg(' batches: ', 'dim'),
        seg(
          batch === undefined ? 'none committed yet' : `${batch.committed} committed · batch ${batch.id} at ${formatClock(batch.at)} took ${durationText(batch.durationMs)}`,
          batch === undefined ? 'dim' : 'good',
        ),
      ]
    : tl.kinds.checkpoints.length === 0
      ? [seg(' checkpoints: none in this run', 'dim')]
      : [
          seg(' checkpoints: ', 'dim'),
          seg(completed === undefined ? 'none completed yet' : `${completed.id} completed at ${formatClock(completed.at)}`, completed === undefined ? 'dim' : 'good'),
          ...(open.size > 0 ? [seg(` · ${[...open].join(', ')} in progress`, 'warn')] : []),
          ...(aborted > 0 ? [seg(` · ${aborted} aborted`, 'bad')] : []),
        ];
  const job = valueAt(tl.faults.job, cursor);
  const failures: Segment[] =
    tl.kinds.failures.length === 0
      ? [seg(' failures: none in this run', 'dim')]
      : job === undefined
        ? [seg(' failures: none yet', 'dim')]
        : [seg(' job ', 'dim'), seg(job.running ? job.text : `FAILED ${job.text}`, job.running ? 'warn' : 'bad')];
  const backpressure: Segment[] = tl.faults.backpressure.size === 0 ? [seg(' · backpressure: none in this run', 'dim')] : [];
  return [checkpoints, [...failures, ...backpressure]];
}
