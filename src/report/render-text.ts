/**
 * The plain report: what `streamsim run --no-tui` prints, one pane a line as Streaming Systems
 * writes its examples. With colour off it is also the golden form checked in beside each scenario.
 */
import type { ChalkInstance } from 'chalk';
import { formatClock } from '../sim/model/time.js';
import { MAX_WATERMARK_JSON, type Report, type ReportPane } from '../sim/report/report.js';
import { describeSettings } from './describe-settings.js';
import { checkpointLines, failureLines, ledgerLines } from './render-faults.js';
import { metricsLines } from './render-metrics.js';
import { table, windowText } from './text-table.js';

export { windowText } from './text-table.js';

const t = (ms: number | null, nullAs: string): string => (ms === null ? nullAs : ms >= MAX_WATERMARK_JSON ? '+∞' : formatClock(ms));
const num = (n: number | null): string => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(3));

function verdictText(c: ChalkInstance, p: ReportPane, upsert: boolean): string {
  switch (p.verdict) {
    case 'correct':
      return c.green('correct');
    case 'partial':
      return c.yellow(`partial (truth ${num(p.truthValue)})`);
    case 'wrong':
      return c.red.bold(`WRONG (truth ${num(p.truthValue)})`);
    case 'duplicated':
      // An idempotent sink upserts by (key, window, pane index): the copy overwrites the first one.
      return upsert ? c.dim('duplicated (overwritten in place: the upsert sink keeps one copy)') : c.magenta('duplicated');
    case 'retraction':
      return c.dim('retraction');
    case 'aborted':
      // Written into a transaction that a failure aborted: the replay after recovery is the copy a read-committed reader sees.
      return c.dim('aborted (never visible to read-committed readers)');
  }
}

function timingText(c: ChalkInstance, p: ReportPane): string {
  const label = p.retraction ? `${p.timing}-` : p.timing;
  if (p.timing === 'EARLY') return c.cyan(label);
  if (p.timing === 'LATE') return c.magenta(label);
  return c.blue(label);
}

export function renderTextReport(r: Report, c: ChalkInstance): string {
  const lines: string[] = [];
  lines.push(c.bold(`streamsim · ${r.scenario.name}`) + (r.scenario.description ? ` — ${r.scenario.description}` : ''));
  lines.push(c.dim(`${r.scenario.file} · semantics ${r.semantics} · engine ${r.engine} · ${r.timeDomain} · seed ${r.seed}`));
  for (const line of describeSettings(r)) lines.push(c.dim(line));
  lines.push('');
  const upsert = r.settings.delivery?.sink === 'idempotent';
  lines.push(c.bold(`Panes (${r.panes.length})`));
  if (r.panes.length === 0) lines.push('  (none)');
  append(
    lines,
    table(
      r.panes.map((p) => [
        `at ${formatClock(p.emittedAt)}`,
        p.key,
        windowText(p.window),
        `${timingText(c, p)} #${p.index}${p.isLast ? ' last' : ''}`,
        (p.retraction ? '−' : '') + num(p.value),
        `wm ${t(p.watermark, '-∞')}`,
        verdictText(c, p, upsert),
      ]),
    ),
  );
  lines.push('');
  lines.push(c.bold(`Exact answer (${r.truth.length} windows)`));
  const missing = new Set(r.missing.map((m) => `${m.key} ${windowText(m.window)}`));
  const incomplete = new Map(r.incomplete.map((m) => [`${m.key} ${windowText(m.window)}`, m.finalValue]));
  const earlier = new Set((r.closedBeforeSavepoint ?? []).map((m) => `${m.key} ${windowText(m.window)}`));
  append(
    lines,
    table(
      r.truth.map((w) => {
        const id = `${w.key} ${windowText(w.window)}`;
        const status = earlier.has(id)
          ? c.dim('closed before the savepoint (emitted by the earlier job)')
          : missing.has(id)
            ? c.red('missing')
            : incomplete.has(id)
              ? c.yellow(`final output ${num(incomplete.get(id) ?? null)}`)
              : c.green('matched');
        return [w.key, windowText(w.window), num(w.value), `${w.count} events`, status];
      }),
    ),
  );
  for (const m of r.missing) lines.push(c.red(`  missing ${m.key} ${windowText(m.window)}: ${m.reason}`));
  lateSection(lines, c, 'Dropped as late', r.dropped);
  lateSection(lines, c, 'Side output (late data)', r.sideOutput);
  append(lines, failureLines(r, c));
  append(lines, checkpointLines(r, c));
  append(lines, ledgerLines(r, c));
  append(lines, metricsLines(r, c));
  lines.push('');
  lines.push(...summaryLines(r, c));
  return lines.join('\n') + '\n';
}

/**
 * Appends without spreading: `push(...rows)` passes every row as an argument, and a report of
 * 100 000 panes or late events overflows the call stack.
 */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function lateSection(lines: string[], c: ChalkInstance, title: string, events: Report['dropped']): void {
  if (events.length === 0) return;
  lines.push('');
  lines.push(c.bold(`${title} (${events.length})`));
  append(
    lines,
    table(
      events.map((e) => [
        `at ${formatClock(e.arrivedAt)}`,
        e.key,
        `value ${num(e.value)}`,
        `event time ${formatClock(e.eventTime)}`,
        windowText(e.window),
        `wm ${t(e.watermark, '-∞')}`,
      ]),
    ),
  );
}

function summaryLines(r: Report, c: ChalkInstance): string[] {
  const s = r.summary;
  const verdict = s.ok ? c.green('checks passed') : c.red.bold('CHECKS FAILED');
  return [
    c.bold('Summary'),
    `  events   ${s.events} ingested: ${s.windowed} windowed, ${s.filtered} filtered, ${s.lateDropped} dropped late, ${s.sideOutput} to side output${s.unaccounted ? c.red(`, ${s.unaccounted} UNACCOUNTED`) : ''}`,
    `  panes    ${s.panes}: ${s.correct} correct, ${s.partial} partial, ${s.wrong} wrong, ${s.duplicated} duplicated, ${s.retractions} retractions${s.aborted ? `, ${s.aborted} aborted` : ''}`,
    `  windows  ${s.truthWindows} in the exact answer: ${s.finalCorrect} final results correct, ${s.incomplete} incomplete, ${s.missing} missing` +
      (s.closedBeforeSavepoint > 0 ? `, ${s.closedBeforeSavepoint} closed before the savepoint (emitted by the earlier job)` : ''),
    `  run      ended at ${formatClock(s.endedAt)} after ${s.steps} steps; ${verdict}${s.watermarkRegressions ? c.red(` (${s.watermarkRegressions} watermark regressions)`) : ''}`,
  ];
}
