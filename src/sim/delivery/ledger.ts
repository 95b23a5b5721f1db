/**
 * The ledger: what a reader of the sink saw in a run with failures, set against what the same
 * reader sees in the failure-free run of the same trace (same seed, faults removed). A result is
 * identified by (key, window, pane index, retraction); each is exact, duplicated (seen more than
 * once), missing (never seen), wrong (seen with another value) or extra (a result the failure-free
 * run never produced). Two freshness figures: visibility latency is when the reader could first see
 * a result, less the event time of the latest event in it; visibility delay is when the reader
 * could first see it, less when the failure-free run first wrote it. The delay is what a guarantee
 * and its failures cost: a read-committed reader of a transactional sink waits for the checkpoint
 * that commits the result (SEMANTICS.md, "Delivery guarantees"), a replay waits for the restart.
 */
import { LatencyRecorder, type LatencySummary } from '../metrics/latency.js';
import type { Pane } from '../model/pane.js';
import type { Window } from '../model/window.js';
import type { ReaderView, SinkSystem, VisibleResult } from './sink-system.js';

export type LedgerVerdict = 'exact' | 'duplicated' | 'missing' | 'wrong' | 'extra';

export interface LedgerResult {
  readonly key: string;
  readonly window: Window;
  readonly index: number;
  readonly retraction: boolean;
  readonly verdict: LedgerVerdict;
  /** Copies the reader saw, and the failure-free count (always 1 unless the baseline itself repeats). */
  readonly seen: number;
  readonly expected: number;
  readonly value: number | null;
  readonly expectedValue: number | null;
  /** When this reader first saw the result; null when it never did. */
  readonly visibleAt: number | null;
  /** When the failure-free run first wrote it; null for an extra result. */
  readonly baselineWrittenAt: number | null;
}

export interface Ledger {
  readonly view: ReaderView;
  readonly results: number;
  readonly exact: number;
  readonly duplicated: number;
  readonly missing: number;
  readonly wrong: number;
  readonly extra: number;
  /** Every result that is not exact. */
  readonly offending: readonly LedgerResult[];
  readonly visibilityLatency: LatencySummary | null;
  /** Per result the reader saw that the failure-free run wrote: first visible − first written there. */
  readonly visibilityDelay: LatencySummary | null;
}

const idOf = (p: Pane): string => `${p.key}\u0000${p.window.start}\u0000${p.window.end}\u0000${p.index}\u0000${p.retraction ? 1 : 0}`;

interface Tally {
  pane: Pane;
  count: number;
  values: number[];
  firstAt: number;
}

function tally(results: readonly VisibleResult[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of results) {
    const id = idOf(r.pane);
    const t = out.get(id);
    if (t) {
      t.count++;
      t.values.push(r.pane.value);
      t.firstAt = Math.min(t.firstAt, r.visibleAt);
    } else out.set(id, { pane: r.pane, count: 1, values: [r.pane.value], firstAt: r.visibleAt });
  }
  return out;
}

export function computeLedger(sink: SinkSystem, baseline: SinkSystem, view: ReaderView = sink.defaultView()): Ledger {
  const visible = sink.visible(view);
  const seen = tally(visible);
  const expected = tally(baseline.visible(baseline.defaultView()));
  // When the failure-free run wrote each result, whatever its sink: every write is in this view.
  const written = tally(baseline.visible('plain'));
  const offending: LedgerResult[] = [];
  let exact = 0;
  let duplicated = 0;
  let missing = 0;
  let wrong = 0;
  let extra = 0;
  const result = (t: Tally, verdict: LedgerVerdict, s: Tally | undefined, e: Tally | undefined): LedgerResult => ({
    key: t.pane.key,
    window: t.pane.window,
    index: t.pane.index,
    retraction: t.pane.retraction === true,
    verdict,
    seen: s?.count ?? 0,
    expected: e?.count ?? 0,
    value: s ? (s.values[s.values.length - 1] ?? null) : null,
    expectedValue: e ? (e.values[0] ?? null) : null,
    visibleAt: s?.firstAt ?? null,
    baselineWrittenAt: e ? (written.get(idOf(e.pane))?.firstAt ?? null) : null,
  });
  for (const [id, e] of expected) {
    const s = seen.get(id);
    if (!s) {
      missing++;
      offending.push(result(e, 'missing', s, e));
    } else if (s.values.some((v) => v !== (e.values[0] as number))) {
      wrong++;
      offending.push(result(e, 'wrong', s, e));
    } else if (s.count > e.count) {
      duplicated++;
      offending.push(result(e, 'duplicated', s, e));
    } else exact++;
  }
  for (const [id, s] of seen) {
    if (expected.has(id)) continue;
    extra++;
    offending.push(result(s, 'extra', s, undefined));
  }
  const latency = new LatencyRecorder();
  for (const r of visible) if (!r.pane.retraction && Number.isFinite(r.pane.maxEventTime)) latency.record(r.visibleAt - r.pane.maxEventTime);
  const delay = new LatencyRecorder();
  for (const [id, s] of seen) {
    const w = written.get(id);
    if (w !== undefined && expected.has(id)) delay.record(s.firstAt - w.firstAt);
  }
  return {
    view,
    results: expected.size,
    exact,
    duplicated,
    missing,
    wrong,
    extra,
    offending,
    visibilityLatency: latency.summary() ?? null,
    visibilityDelay: delay.summary() ?? null,
  };
}
