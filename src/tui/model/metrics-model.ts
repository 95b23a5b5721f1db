/**
 * The ledger and the metrics at the cursor: the delivery-guarantee ledger (windows exact, differing,
 * pending or missing; panes correct, partial, wrong, duplicated), what became of the events,
 * latency percentiles of the panes so far, and throughput and backlog as sparklines over the run.
 */
import type { PaneVerdictKind } from '../../sim/checkers/pane-classification.js';
import { countText, latencyText } from './format.js';
import { countAtMost, countLess } from './search.js';
import { sparkline } from './sparkline.js';
import type { Timeline, WindowStatus } from './timeline.js';
import { clockAt } from './timeline/lookups.js';
import { fitLine, seg, type Line } from './text.js';
import type { Percentile } from './order-stats.js';

export interface MetricsOptions {
  readonly width: number;
  readonly height: number;
}

export interface Ledger {
  readonly windows: Readonly<Record<WindowStatus, number>>;
  readonly panes: Readonly<Record<PaneVerdictKind, number>>;
  /** True at the end of the run: a window still pending is missing. */
  readonly final: boolean;
}

export function ledgerAt(tl: Timeline, cursor: number): Ledger {
  const k = countLess(tl.windowLedger.steps, cursor);
  const windows = tl.windowLedger.counts[k - 1] ?? { pending: 0, exact: 0, differs: 0, extra: 0 };
  const panes: Record<PaneVerdictKind, number> = { correct: 0, partial: 0, wrong: 0, duplicated: 0, retraction: 0, aborted: 0 };
  for (const p of tl.panes) {
    if (p.step >= cursor) break;
    panes[p.verdict] += 1;
  }
  return { windows, panes, final: cursor >= tl.steps };
}

export interface EventCounts {
  readonly ingested: number;
  readonly onTime: number;
  readonly lateAllowed: number;
  readonly dropped: number;
  readonly sideOutput: number;
  readonly filtered: number;
}

export function eventCountsAt(tl: Timeline, cursor: number): EventCounts {
  const k = tl.kinds;
  const n = (steps: readonly number[]) => countLess(steps, cursor);
  return { ingested: n(k.ingested), onTime: n(k.onTime), lateAllowed: n(k.lateAllowed), dropped: n(k.dropped), sideOutput: n(k.sideOutput), filtered: n(k.filtered) };
}

export function latencyAt(tl: Timeline, cursor: number): { eventTime?: Readonly<Record<Percentile, number>>; processingTime?: Readonly<Record<Percentile, number>>; panes: number } {
  const k = countLess(tl.latency.steps, cursor);
  const eventTime = tl.latency.eventTime.at(k);
  const processingTime = tl.latency.processingTime.at(k);
  return { ...(eventTime ? { eventTime } : {}), ...(processingTime ? { processingTime } : {}), panes: k };
}

export interface Rates {
  /** Events ingested per simulated second in each bucket (the current one over its elapsed part); undefined after the cursor. */
  readonly throughput: (number | undefined)[];
  readonly throughputMax: number;
  /** Events appended to the log but not yet ingested, at the end of each bucket. */
  readonly backlog: (number | undefined)[];
  readonly backlogMax: number;
  readonly throughputNow: number;
  readonly backlogNow: number;
  readonly bucketMs: number;
}

/**
 * Buckets of equal processing time across the whole run, so the scale stays put while the cursor
 * moves; the buckets after the cursor are empty. Backlog comes from the trace alone: an event's
 * appendTime says when it reached the log, its ingestion when it left it.
 */
export function ratesAt(tl: Timeline, cursor: number, buckets: number): Rates {
  const n = Math.max(1, buckets);
  const t0 = tl.startAt;
  const span = Math.max(1, tl.endAt - t0 + 1);
  const bucketMs = span / n;
  const now = clockAt(tl, cursor);
  const readNow = countLess(tl.kinds.ingested, cursor);
  const all = tl.kinds.ingested.length;
  const read = (t: number, limit: number) => Math.min(limit, countLess(tl.ingestAts, t));
  const readBy = (t: number, limit: number) => Math.min(limit, countAtMost(tl.ingestAts, t));
  const throughput: (number | undefined)[] = [];
  const backlog: (number | undefined)[] = [];
  let throughputMax = 0;
  let backlogMax = 0;
  let throughputNow = 0;
  let backlogNow = 0;
  for (let i = 0; i < n; i++) {
    const start = t0 + i * bucketMs;
    const end = t0 + (i + 1) * bucketMs;
    // The bucket the cursor is in has only run for part of its time: the rate is over that part
    // (at least half a bucket, so its first event does not read as a burst).
    const span = Math.min(bucketMs, Math.max(bucketMs / 2, now - start));
    const rate = (limit: number, over: number) => ((read(end, limit) - read(start, limit)) * 1000) / over;
    const backlogAt = (t: number, limit: number) => countAtMost(tl.appendTimes, t) - readBy(t, limit);
    throughputMax = Math.max(throughputMax, rate(all, bucketMs));
    backlogMax = Math.max(backlogMax, backlogAt(end, all));
    const started = cursor > 0 && start <= now;
    throughput.push(started ? rate(readNow, span) : undefined);
    backlog.push(started ? backlogAt(Math.min(end, now), readNow) : undefined);
    if (started) {
      throughputNow = rate(readNow, span);
      backlogNow = backlogAt(now, readNow);
    }
  }
  return { throughput, throughputMax, backlog, backlogMax, throughputNow, backlogNow, bucketMs };
}

function percentileText(label: string, p: Readonly<Record<Percentile, number>> | undefined): string {
  if (p === undefined) return `${label} —`;
  return `${label} p50 ${latencyText(p[50])} p90 ${latencyText(p[90])} p99 ${latencyText(p[99])} max ${latencyText(p[100])}`;
}

export function metricsModel(tl: Timeline, cursor: number, o: MetricsOptions): Line[] {
  const l = ledgerAt(tl, cursor);
  const w = l.windows;
  const p = l.panes;
  const pendingLabel = l.final ? 'missing' : 'pending';
  const ledger: Line = [
    seg('Ledger   ', 'title'),
    seg(`${countText(w.exact)} exact`, w.exact > 0 ? 'good' : 'plain'),
    seg(' · '),
    seg(`${countText(w.differs)} differ`, w.differs > 0 ? 'warn' : 'plain'),
    seg(' · '),
    seg(`${countText(w.pending)} ${pendingLabel}`, l.final && w.pending > 0 ? 'bad' : 'plain'),
    seg(` of the answer's windows${w.extra > 0 ? ` (+${countText(w.extra)} not in it)` : ''}`, 'dim'),
    seg(' │ panes ', 'dim'),
    seg(`${countText(p.correct)} correct · ${countText(p.partial)} partial · `),
    seg(`${countText(p.wrong)} wrong`, p.wrong > 0 ? 'bad' : 'plain'),
    seg(' · '),
    seg(`${countText(p.duplicated)} duplicated`, p.duplicated > 0 ? 'bad' : 'plain'),
    ...(p.retraction > 0 ? [seg(` · ${countText(p.retraction)} retractions`, 'dim')] : []),
  ];
  const e = eventCountsAt(tl, cursor);
  const events: Line = [
    seg('Events   ', 'title'),
    seg(`${countText(e.ingested)} ingested · `),
    seg(`${countText(e.onTime)} on time`, 'onTime'),
    seg(' · '),
    seg(`${countText(e.lateAllowed)} late allowed`, 'lateAllowed'),
    seg(' · '),
    seg(`${countText(e.dropped)} dropped`, 'dropped'),
    seg(` · ${countText(e.sideOutput)} side output · ${countText(e.filtered)} filtered`),
  ];
  const lat = latencyAt(tl, cursor);
  const latency: Line = [
    seg('Latency  ', 'title'),
    seg(percentileText('event time', lat.eventTime)),
    seg(' │ ', 'dim'),
    seg(percentileText('processing time', lat.processingTime)),
  ];
  const sparkWidth = Math.max(8, Math.floor((o.width - 9 - 40) / 2));
  const r = ratesAt(tl, cursor, sparkWidth);
  const rates: Line = [
    seg('Rate     ', 'title'),
    seg(sparkline(r.throughput, r.throughputMax), 'good'),
    seg(` ${rateText(r.throughputNow)} ev/s`),
    seg(' │ backlog ', 'dim'),
    seg(sparkline(r.backlog, r.backlogMax), 'warn'),
    seg(` ${countText(r.backlogNow)} unread`),
  ];
  const lines = [ledger, events, latency, rates].slice(0, o.height).map((x) => fitLine(x, o.width));
  while (lines.length < o.height) lines.push(fitLine([], o.width));
  return lines;
}

/** Events per second: one decimal below 10, so a slow scripted scenario does not read 0. */
export function rateText(perSecond: number): string {
  return perSecond < 10 && perSecond > 0 ? perSecond.toFixed(1) : countText(Math.round(perSecond));
}
