/** The plot's character grid: cells drawn in layers, a higher layer covering a lower one, read out as tone runs. */
import { seg, type Segment, type Tone } from '../text.js';

/**
 * Draw order: a higher layer covers a lower one in the same cell. Points cover pane bars, so an
 * event that made a pane fire stays visible on its row; the watermark covers both, as in the book's
 * figures: it is the line the lesson is about, and late points lie left of it. Values go on top.
 */
export const Z = { boundary: 1, paneBar: 2, point: 3, watermark: 4, label: 5 } as const;

export interface Cell {
  ch: string;
  tone: Tone;
  z: number;
  /** For points: the fate severity, so the worst fate in a cell wins. */
  rank: number;
}

export class Grid {
  readonly cells: Cell[][];
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.cells = Array.from({ length: h }, () => Array.from({ length: w }, () => ({ ch: ' ', tone: 'plain' as Tone, z: 0, rank: 0 })));
  }
  put(row: number, col: number, ch: string, tone: Tone, z: number, rank = 0): void {
    const cell = this.cells[row]?.[col];
    if (cell === undefined || z < cell.z || (z === cell.z && rank < cell.rank)) return;
    cell.ch = ch;
    cell.tone = tone;
    cell.z = z;
    cell.rank = rank;
  }
}

export function rowSegments(cells: readonly Cell[]): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let tone: Tone = 'plain';
  for (const c of cells) {
    if (c.tone !== tone && text !== '') {
      out.push(seg(text, tone));
      text = '';
    }
    tone = c.tone;
    text += c.ch;
  }
  if (text !== '') out.push(seg(text, tone));
  return out;
}
