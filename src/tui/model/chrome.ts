/** The header, the footer and the help screen: pure text around the panels. */
import { describeSettings } from '../../report/describe-settings.js';
import { formatClock } from '../../sim/model/time.js';
import { countText } from './format.js';
import { FATE_GLYPH, TIMING_BAR } from './plot/glyphs.js';
import { speedOf, type UiState } from './state.js';
import type { Timeline } from './timeline.js';
import { clockAt, valueAt } from './timeline/lookups.js';
import { fitBlock, seg, wrapText, type Line } from './text.js';

export function statusLine(state: UiState, total: number, clock: number, extra: readonly Line[] = []): Line {
  const play = state.playing ? seg(`▶ playing ${speedOf(state)}×`, 'good') : seg(`⏸ paused (${speedOf(state)}×)`, 'bold');
  return [
    play,
    seg(`  step ${countText(state.cursor)}/${countText(total)}`),
    seg(`  now ${formatClock(clock)}`, 'now'),
    ...extra.flat(),
    ...(state.notice === null ? [] : [seg(`  ${state.notice}`, 'warn')]),
  ];
}

export function headerModel(tl: Timeline, state: UiState, width: number): Line[] {
  const r = tl.report;
  const title: Line = [seg(`streamsim · ${r.scenario.name}`, 'title'), seg(r.scenario.description === '' ? '' : ` — ${r.scenario.description}`)];
  const settings: Line = [seg(`${r.semantics} · ${describeSettings(r).join(' · ')}`, 'dim')];
  const wm = valueAt(tl.operatorMin, state.cursor);
  const clockName = tl.scenario.semantics === 'kafka-streams' ? 'stream time' : 'watermark';
  // A window task fires what a new watermark passes before it records that watermark, so between
  // the two the latest entry carries the value being applied.
  const latest = tl.trace[state.cursor - 1];
  const applying = latest !== undefined && (latest.type === 'pane-fired' || latest.type === 'window-cleared') && latest.watermark > (wm ?? -Infinity) ? latest.watermark : undefined;
  const wmText = `  ${clockName} ${wm === undefined ? '—' : formatClock(wm)}${applying === undefined ? '' : ` → ${formatClock(applying)}`}`;
  const status = statusLine(state, tl.steps, clockAt(tl, state.cursor), [[seg(wmText, 'watermark')]]);
  return fitBlock([title, settings, status], width, 3);
}

const FOOTER_KEYS: readonly [string, string][] = [
  ['space', 'play'],
  ['←→', 'step'],
  ['n', 'pane'],
  ['c', 'checkpoint'],
  ['f', 'failure'],
  ['+-', 'speed'],
  ['↑↓', 'select'],
  ['k', 'key'],
  ['?', 'help'],
  ['q', 'quit'],
];

export function footerModel(width: number): Line[] {
  const line: Line = FOOTER_KEYS.flatMap(([key, what], i) => [seg(i === 0 ? '' : '  '), seg(key, 'bold'), seg(` ${what}`, 'dim')]);
  return fitBlock([line], width, 1);
}

export const HELP_KEYS: readonly [string, string][] = [
  ['space', 'play or pause (playing from the end starts again)'],
  ['→ / ←', 'one step forward / back (back replays the deterministic trace)'],
  ['PgDn / PgUp', 'fifty steps forward / back'],
  ['Home / End', 'the start / the end of the run'],
  ['n / N', 'the next / previous pane'],
  ['c / C', 'the next / previous checkpoint'],
  ['f / F', 'the next / previous failure or recovery'],
  ['+ / -', 'faster / slower (1× to 1024× steps per second)'],
  ['↓ / ↑', 'select the next / previous window; Esc clears the selection'],
  ['k', 'plot one key at a time, or every key'],
  ['?', 'this help (any key closes it)'],
  ['q / Ctrl-C', 'quit'],
];

export function helpModel(width: number, height: number): Line[] {
  const lines: Line[] = [[seg('Keys', 'title')]];
  for (const [key, what] of HELP_KEYS) lines.push([seg(`  ${key.padEnd(13)}`, 'bold'), seg(what)]);
  lines.push([]);
  lines.push([seg('The plot', 'title'), seg(' event time runs right, processing time runs up (Streaming Systems, ch. 2–3)', 'dim')]);
  const fates = Object.values(FATE_GLYPH).map((g) => [seg(`  ${g.ch} `, g.tone), seg(g.label)] as Line);
  lines.push(fates.flat());
  lines.push([
    seg('  ┃ watermark ', 'watermark'),
    seg(`  ${TIMING_BAR.EARLY} EARLY `, 'early'),
    seg(`  ${TIMING_BAR.ON_TIME} ON_TIME `, 'onTimePane'),
    seg(`  ${TIMING_BAR.LATE} LATE `, 'latePane'),
    seg('  ┊ window boundary', 'boundary'),
  ]);
  lines.push([seg('Windows', 'title'), seg('  ✓ the reader holds the exact answer  ≠ it differs  … no pane yet  ✗ missing at the end  ? not in the answer', 'dim')]);
  return fitBlock(lines, width, height);
}

/** The scenario's story, shown before the run until a key is pressed. */
export function introModel(tl: Timeline, width: number, height: number): Line[] {
  const s = tl.scenario;
  const lines: Line[] = [[seg(s.name, 'title'), seg(s.description === '' ? '' : ` — ${s.description}`)], []];
  const textWidth = Math.min(width - 4, 100);
  for (const text of wrapText(s.story, textWidth, Math.max(1, height - 6))) lines.push([seg(`  ${text}`)]);
  if (s.covers.length > 0) {
    lines.push([]);
    lines.push([seg('  Covers: ', 'dim'), seg(s.covers.join(', '))]);
  }
  lines.push([]);
  lines.push([seg('  Press any key to begin; ? shows every key.', 'bold')]);
  return fitBlock(lines, width, height);
}
