/**
 * The windows panel: every (key, window) seen so far, its panes (EARLY / ON_TIME / LATE with their
 * values), what a reader now holds, and the exact answer beside it, marked where they differ.
 */
import { assertNever } from '../../sim/kernel/assert.js';
import type { TraceEvent } from '../../sim/trace/events.js';
import { keyWindowId } from '../../sim/truth/ids.js';
import { compactWindow, valueText } from './format.js';
import type { PaneRecord, Timeline, WindowRow } from './timeline.js';
import { currentPaneAt, panesAt, rowStatusAt, rowVisibleAt } from './timeline/lookups.js';
import { fitLine, padLeft, padRight, seg, textWidth, type Line, type Segment, type Tone } from './text.js';

export interface WindowsOptions {
  readonly width: number;
  readonly height: number;
  readonly selected: string | null;
  readonly key: string | null;
}

const TIMING_LETTER = { EARLY: 'E', ON_TIME: 'O', LATE: 'L' } as const;
const TIMING_TONE = { EARLY: 'early', ON_TIME: 'onTimePane', LATE: 'latePane' } as const satisfies Record<string, Tone>;

/** The mark beside the exact answer. At the end of the run a window still pending is missing. */
export function statusMark(tl: Timeline, row: WindowRow, cursor: number): Segment {
  const status = rowStatusAt(tl, row, cursor);
  switch (status) {
    case undefined:
      return seg(' ');
    case 'exact':
      return seg('✓', 'good');
    case 'differs':
      return currentPaneAt(tl, row, cursor)?.verdict === 'partial' ? seg('≠', 'warn') : seg('≠', 'bad');
    case 'pending':
      return cursor >= tl.steps ? seg('✗', 'bad') : seg('…', 'dim');
    case 'extra':
      return seg('?', 'warn');
  }
}

/** The rows shown at the cursor, in key and window order. */
export function visibleRows(tl: Timeline, cursor: number, key: string | null): WindowRow[] {
  return tl.rows.filter((r) => rowVisibleAt(r, cursor) && (key === null || r.key === key));
}

/** The window the latest step touched, so the panel follows the action when nothing is selected. */
export function activeWindowId(tl: Timeline, cursor: number): string | null {
  const e = tl.trace[cursor - 1];
  return e === undefined ? null : windowOfEntry(e);
}

function windowOfEntry(e: TraceEvent): string | null {
  switch (e.type) {
    case 'event-windowed':
    case 'event-late':
    case 'window-cleared':
      return keyWindowId(e.key, e.window);
    case 'windows-merged':
      return keyWindowId(e.key, e.into);
    case 'pane-fired':
      return keyWindowId(e.pane.key, e.pane.window);
    case 'event-ingested':
    case 'event-filtered':
    case 'watermark-advanced':
    case 'partition-idle':
    case 'source-finished':
    case 'checkpoint-triggered':
    case 'barrier-emitted':
    case 'barrier-received':
    case 'checkpoint-snapshot':
    case 'checkpoint-completed':
    case 'checkpoint-aborted':
    case 'savepoint-taken':
    case 'fault':
    case 'job-failed':
    case 'job-restarted':
    case 'transaction-committed':
    case 'transaction-aborted':
    case 'backpressure':
    case 'batch-planned':
    case 'batch-committed':
      return null;
    default:
      return assertNever(e, 'windowOfEntry');
  }
}

function paneToken(p: PaneRecord): Segment {
  if (p.pane.retraction === true) return seg(`−${valueText(p.pane.value)}`, 'dim');
  const text = `${TIMING_LETTER[p.pane.timing]}${valueText(p.pane.value)}`;
  if (p.verdict === 'duplicated') return seg(`${text}!`, 'bad');
  if (p.verdict === 'wrong') return seg(text, 'bad');
  return seg(text, TIMING_TONE[p.pane.timing]);
}

/** As many of the latest panes as fit in `width` columns, with … for the earlier ones. */
function paneTokens(panes: readonly PaneRecord[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (let i = panes.length - 1; i >= 0; i--) {
    const token = paneToken(panes[i] as PaneRecord);
    const w = textWidth(token.text) + (out.length > 0 ? 1 : 0);
    const reserve = i > 0 ? 2 : 0;
    if (used + w + reserve > width) {
      out.unshift(seg('… ', 'dim'));
      break;
    }
    if (out.length > 0) out.unshift(seg(' '));
    out.unshift(token);
    used += w;
  }
  return out;
}

export function windowsModel(tl: Timeline, cursor: number, o: WindowsOptions): Line[] {
  const rows = visibleRows(tl, cursor, o.key);
  const lines: Line[] = [];
  const scope = o.key === null ? '' : ` · key ${o.key}`;
  lines.push([seg('Windows', 'title'), seg(` · ${rows.length} so far${scope} · panes beside the exact answer`, 'dim')]);
  const keyWidth = Math.min(12, Math.max(3, ...rows.map((r) => textWidth(r.key))));
  const winWidth = Math.max(6, ...rows.map((r) => textWidth(compactWindow(r.window))));
  const heldText = (row: WindowRow) => {
    const held = currentPaneAt(tl, row, cursor);
    return held === undefined ? '—' : valueText(held.consumerValue);
  };
  const truthText = (row: WindowRow) => (row.truth === undefined ? '—' : valueText(row.truth.value));
  const heldWidth = Math.max(5, ...rows.map((r) => textWidth(heldText(r))));
  const truthWidth = Math.max(5, ...rows.map((r) => textWidth(truthText(r))));
  const panesWidth = Math.max(6, o.width - 2 - keyWidth - 1 - winWidth - 1 - 1 - heldWidth - 3 - truthWidth);
  lines.push([
    seg(`  ${padRight('key', keyWidth)} ${padRight('window', winWidth)} ${padRight('panes', panesWidth)} ${padLeft('holds', heldWidth)}   ${padRight('exact', truthWidth)}`, 'dim'),
  ]);
  const room = o.height - lines.length;
  if (rows.length === 0) {
    lines.push([seg(cursor === 0 ? '  (nothing yet: step forward with →)' : '  (no window has data yet)', 'dim')]);
  }
  const active = activeWindowId(tl, cursor);
  const focusId = o.selected ?? active;
  const focus = Math.max(0, rows.findIndex((r) => r.id === focusId));
  const first = Math.max(0, Math.min(focus - Math.floor(room / 2), rows.length - room));
  for (const row of rows.slice(first, first + room)) {
    const panes = panesAt(tl, row, cursor);
    const late = row.lateSteps.filter((s) => s < cursor).length;
    const marker = row.id === o.selected ? seg('▶ ', 'selected') : row.id === active ? seg('› ', 'now') : seg('  ');
    const closed = row.clearedStep < cursor;
    const lateSeg = late > 0 ? [seg(` ✕${late}`, 'dropped')] : [];
    const tokens = paneTokens(panes, panesWidth - (late > 0 ? textWidth(` ✕${late}`) : 0));
    const panesCell = fitLine([...tokens, ...lateSeg], panesWidth);
    lines.push([
      marker,
      seg(padRight(row.key, keyWidth), row.id === o.selected ? 'selected' : 'key'),
      seg(' '),
      seg(padRight(compactWindow(row.window), winWidth), closed ? 'dim' : 'plain'),
      seg(' '),
      ...panesCell,
      seg(' '),
      seg(padLeft(heldText(row), heldWidth)),
      seg(' '),
      statusMark(tl, row, cursor),
      seg(' '),
      seg(padRight(truthText(row), truthWidth), 'dim'),
    ]);
  }
  const out = lines.slice(0, o.height).map((l) => fitLine(l, o.width));
  while (out.length < o.height) out.push(fitLine([], o.width));
  return out;
}
