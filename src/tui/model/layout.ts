/**
 * Where each panel goes for a terminal size. The app draws one line less than the terminal has:
 * ink redraws a frame that fills the whole screen by clearing the terminal, which flickers.
 */
import type { TerminalSize } from './state.js';

export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

export interface Rect {
  readonly width: number;
  readonly height: number;
}

export interface RunLayout {
  readonly kind: 'run';
  readonly width: number;
  readonly header: Rect;
  /** The area the plot and the right column share, or an overlay covers. */
  readonly main: Rect;
  readonly plot: Rect;
  readonly windows: Rect;
  readonly dataflow: Rect;
  readonly metrics: Rect;
  readonly why: Rect;
  readonly footer: Rect;
}

export interface TooSmall {
  readonly kind: 'too-small';
  readonly need: TerminalSize;
  readonly have: TerminalSize;
  /** What else the user can do. */
  readonly hint: string;
}

const RUN_HINT = 'Enlarge the window, or run with --no-tui for the plain report.';
const COMPARE_HINT = 'Enlarge the window, or compare fewer runs (without --tui the comparison prints as a table).';

export const HEADER_ROWS = 3;
export const METRICS_ROWS = 4;
export const WHY_ROWS = 2;
export const FOOTER_ROWS = 1;

export function runLayout(size: TerminalSize): RunLayout | TooSmall {
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) return { kind: 'too-small', need: MIN_SIZE, have: size, hint: RUN_HINT };
  const width = size.columns;
  const usable = size.rows - 1;
  const mainHeight = usable - HEADER_ROWS - METRICS_ROWS - WHY_ROWS - FOOTER_ROWS;
  const plotWidth = Math.floor(width * 0.58);
  const rightWidth = width - plotWidth - 1;
  const windowsHeight = Math.ceil(mainHeight * 0.5);
  return {
    kind: 'run',
    width,
    header: { width, height: HEADER_ROWS },
    main: { width, height: mainHeight },
    plot: { width: plotWidth, height: mainHeight },
    windows: { width: rightWidth, height: windowsHeight },
    dataflow: { width: rightWidth, height: mainHeight - windowsHeight },
    metrics: { width, height: METRICS_ROWS },
    why: { width, height: WHY_ROWS },
    footer: { width, height: FOOTER_ROWS },
  };
}

export const COMPARE_COLUMN_MIN = 38;

export interface CompareLayout {
  readonly kind: 'compare';
  readonly width: number;
  readonly header: Rect;
  readonly column: Rect;
  readonly columns: number;
  readonly plot: Rect;
  readonly windows: Rect;
  readonly ledger: Rect;
  readonly why: Rect;
  readonly footer: Rect;
}

/** Runs side by side: each column gets a title, a plot, its windows, a ledger and a why line. */
export function compareLayout(size: TerminalSize, runs: number): CompareLayout | TooSmall {
  const need = { columns: Math.max(MIN_SIZE.columns, runs * COMPARE_COLUMN_MIN + (runs - 1)), rows: MIN_SIZE.rows };
  if (size.columns < need.columns || size.rows < need.rows) return { kind: 'too-small', need, have: size, hint: COMPARE_HINT };
  const usable = size.rows - 1;
  const columnWidth = Math.floor((size.columns - (runs - 1)) / runs);
  const columnHeight = usable - 2 - FOOTER_ROWS;
  const ledger = 3;
  const why = 3;
  const title = 2;
  const rest = columnHeight - ledger - why - title;
  const plotHeight = Math.ceil(rest * 0.6);
  return {
    kind: 'compare',
    width: size.columns,
    header: { width: size.columns, height: 2 },
    column: { width: columnWidth, height: columnHeight },
    columns: runs,
    plot: { width: columnWidth, height: plotHeight },
    windows: { width: columnWidth, height: rest - plotHeight },
    ledger: { width: columnWidth, height: ledger },
    why: { width: columnWidth, height: why },
    footer: { width: size.columns, height: FOOTER_ROWS },
  };
}

export function tooSmallText(t: TooSmall): string[] {
  return [
    `streamsim needs a terminal of at least ${t.need.columns}×${t.need.rows}; this one is ${t.have.columns}×${t.have.rows}.`,
    t.hint,
    'q quits.',
  ];
}
