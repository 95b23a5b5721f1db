/** The plot's axes: processing-time labels up the left, the event-time axis and its labels along the bottom. */
import { formatClock } from '../../../sim/model/time.js';
import type { Timeline } from '../timeline.js';
import { seg, type Line, type Segment } from '../text.js';
import { clampWindow, niceStep, type PlotScale } from './scale.js';

/** Clock labels are whole seconds (8 columns) unless the run is shorter than a few seconds. */
export function yLabelWidth(tl: Timeline): number {
  return niceStep(tl.endAt - tl.startAt, 8) < 1000 ? 12 : 8;
}

/** Processing-time labels at nice times, at least three rows apart, keyed by row from the top. */
export function yTicks(scale: PlotScale): Map<number, number> {
  const ticks = new Map<number, number>();
  const step = niceStep(scale.yMax - scale.yMin, Math.max(1, Math.floor(scale.gridH / 3)));
  let lastRow = Infinity;
  for (let t = Math.ceil(scale.yMin / step) * step; t <= scale.yMax; t += step) {
    const r = scale.row(t);
    if (Math.abs(lastRow - r) < 3) continue;
    ticks.set(r, t);
    lastRow = r;
  }
  return ticks;
}

/** The x axis, with the selected window marked along it. */
export function xAxis(tl: Timeline, scale: PlotScale, labelWidth: number, selected: string | null): Line {
  const cells = Array.from({ length: scale.gridW }, () => '─');
  const marked = new Set<number>();
  const index = selected === null ? undefined : tl.rowById.get(selected);
  const row = index === undefined ? undefined : tl.rows[index];
  if (row !== undefined && tl.scenario.timeDomain === 'event-time') {
    const w = clampWindow(row.window, scale);
    if (w !== undefined) for (let c = scale.col(w.start); c <= Math.max(scale.col(w.start), scale.col(w.end) - 1); c++) marked.add(c);
  }
  const out: Segment[] = [seg(' '.repeat(labelWidth)), seg('└', 'dim')];
  let run = '';
  let runMarked = false;
  cells.forEach((ch, c) => {
    const m = marked.has(c);
    if (m !== runMarked && run !== '') {
      out.push(seg(run, runMarked ? 'selected' : 'dim'));
      run = '';
    }
    runMarked = m;
    run += m ? '━' : ch;
  });
  if (run !== '') out.push(seg(run, runMarked ? 'selected' : 'dim'));
  return out;
}

/** Event-time labels: at window boundaries when they are far enough apart, else at nice times. */
export function xLabels(tl: Timeline, scale: PlotScale, gutter: number): Line {
  const gap = formatClock(scale.xMin).length + 2;
  const slots = Math.max(1, Math.floor(scale.gridW / gap));
  const positions: number[] = [];
  const spec = tl.scenario.window;
  const every = tl.scenario.timeDomain !== 'event-time' ? undefined : spec.type === 'tumbling' ? spec.sizeMs : spec.type === 'sliding' ? spec.everyMs : undefined;
  if (every !== undefined && (scale.xMax - scale.xMin) / every <= slots) {
    for (let x = scale.xMin; x <= scale.xMax; x += every) positions.push(x);
  } else {
    const step = niceStep(scale.xMax - scale.xMin, slots);
    for (let x = Math.ceil(scale.xMin / step) * step; x <= scale.xMax; x += step) positions.push(x);
  }
  let text = ' '.repeat(gutter);
  for (const x of positions) {
    const label = formatClock(Math.round(x));
    const at = gutter + Math.min(scale.col(x), scale.gridW - label.length);
    if (at < text.length + (text.trim() === '' ? 0 : 1)) continue;
    text = text.padEnd(at) + label;
  }
  return [seg(text, 'dim')];
}
