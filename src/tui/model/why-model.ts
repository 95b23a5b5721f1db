/**
 * The "Why" line: one sentence, with the numbers filled in, for the selected window (its latest
 * pane, or its latest late event, or what it still waits for) or else for the step just taken.
 */
import { explainEntry } from '../../sim/semantics/explain.js';
import { explainPane, explainPending } from '../../sim/semantics/explain/panes.js';
import { explainLate } from '../../sim/semantics/explain/lateness.js';
import { assertNever } from '../../sim/kernel/assert.js';
import type { TraceEvent } from '../../sim/trace/events.js';
import { compactWindow, valueText } from './format.js';
import type { Timeline, WindowRow } from './timeline.js';
import { currentPaneAt, panesAt, rowVisibleAt, seriesKey, valueAt } from './timeline/lookups.js';
import { fitLine, seg, wrapText, type Line, type Tone } from './text.js';

export interface WhyOptions {
  readonly width: number;
  readonly height: number;
  readonly selected: string | null;
}

export interface Why {
  readonly subject: string;
  readonly text: string;
  readonly tone: Tone;
}

function toneOf(e: TraceEvent): Tone {
  switch (e.type) {
    case 'event-late':
      return e.disposition === 'dropped' ? 'dropped' : 'sideOutput';
    case 'event-windowed':
      return e.late ? 'lateAllowed' : 'onTime';
    case 'pane-fired':
      return e.pane.timing === 'EARLY' ? 'early' : e.pane.timing === 'LATE' ? 'latePane' : 'onTimePane';
    case 'watermark-advanced':
      return 'watermark';
    case 'event-ingested':
    case 'event-filtered':
    case 'partition-idle':
    case 'windows-merged':
    case 'window-cleared':
    case 'source-finished':
    case 'checkpoint-triggered':
    case 'barrier-emitted':
    case 'barrier-received':
    case 'checkpoint-snapshot':
    case 'savepoint-taken':
    case 'transaction-committed':
    case 'batch-planned':
      return 'plain';
    case 'batch-committed':
      return 'good';
    case 'checkpoint-completed':
      return 'good';
    case 'checkpoint-aborted':
    case 'transaction-aborted':
    case 'backpressure':
      return 'warn';
    case 'fault':
    case 'job-failed':
      return 'bad';
    case 'job-restarted':
      return 'warn';
    default:
      return assertNever(e, 'toneOf');
  }
}

/** The clock (watermark or stream time) of the window task holding the row, at the cursor. */
function operatorClock(tl: Timeline, row: WindowRow, cursor: number): number {
  const own = row.task === undefined ? undefined : valueAt(tl.watermarks.get(seriesKey('operator', row.task)), cursor)?.watermark;
  return own ?? valueAt(tl.operatorMin, cursor) ?? -Infinity;
}

export function whyAt(tl: Timeline, cursor: number, selected: string | null): Why {
  const s = tl.scenario;
  const index = selected === null ? undefined : tl.rowById.get(selected);
  const row = index === undefined ? undefined : tl.rows[index];
  if (row !== undefined && rowVisibleAt(row, cursor)) {
    const subject = `${row.key} ${compactWindow(row.window)}`;
    const panes = panesAt(tl, row, cursor);
    const lastPane = panes[panes.length - 1];
    const lastLate = row.lateSteps.filter((step) => step < cursor).pop();
    if (lastLate !== undefined && (lastPane === undefined || lastLate > lastPane.step)) {
      const e = tl.trace[lastLate];
      if (e !== undefined && e.type === 'event-late') return { subject, text: explainLate(s, e), tone: toneOf(e) };
    }
    if (lastPane !== undefined) {
      const e = tl.trace[lastPane.step];
      if (e !== undefined && e.type === 'pane-fired') {
        const held = currentPaneAt(tl, row, cursor);
        const truth = row.truth === undefined ? ' · not a window of the exact answer' : held === undefined ? '' : ` · reader holds ${valueText(held.consumerValue)}, exact answer ${valueText(row.truth.value)} (${lastPane.verdict})`;
        return { subject, text: explainPane(s, e) + truth, tone: toneOf(e) };
      }
    }
    return { subject, text: explainPending(s, row.window, operatorClock(tl, row, cursor)), tone: 'dim' };
  }
  const e = tl.trace[cursor - 1];
  if (e === undefined) {
    return { subject: 'start', text: 'nothing has happened yet: press → to take one step, space to play, ? for every key', tone: 'dim' };
  }
  return { subject: `step ${cursor}`, text: explainEntry(s, e), tone: toneOf(e) };
}

export function whyModel(tl: Timeline, cursor: number, o: WhyOptions): Line[] {
  const why = whyAt(tl, cursor, o.selected);
  const head = `Why · ${why.subject} · `;
  const lines = wrapText(head + why.text, o.width, o.height);
  const out: Line[] = lines.map((text, i) =>
    i === 0 && text.startsWith(head.trimEnd()) ? [seg(head.slice(0, 3), 'title'), seg(head.slice(3), 'dim'), seg(text.slice(head.length), why.tone)] : [seg(text, why.tone)],
  );
  const fitted = out.slice(0, o.height).map((l) => fitLine(l, o.width));
  while (fitted.length < o.height) fitted.push(fitLine([], o.width));
  return fitted;
}
