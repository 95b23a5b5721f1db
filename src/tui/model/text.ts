/**
 * Styled text as plain data: a line is a list of segments, each with a semantic tone. Panel models
 * produce lines of an exact width; the components paint the tones with the theme. Keeping styles
 * out of the models lets the tests compare text, and lets NO_COLOR drop every colour in one place.
 *
 * Widths count code points: every glyph the UI draws is one column wide.
 */
export type Tone =
  | 'plain'
  | 'dim'
  | 'bold'
  | 'title'
  | 'key'
  | 'selected'
  | 'onTime'
  | 'lateAllowed'
  | 'dropped'
  | 'sideOutput'
  | 'filtered'
  | 'inFlight'
  | 'watermark'
  | 'boundary'
  | 'early'
  | 'onTimePane'
  | 'latePane'
  | 'good'
  | 'warn'
  | 'bad'
  | 'now';

export interface Segment {
  readonly text: string;
  readonly tone: Tone;
}

export type Line = readonly Segment[];

export const seg = (text: string, tone: Tone = 'plain'): Segment => ({ text, tone });

export function textWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

export function lineWidth(line: Line): number {
  let n = 0;
  for (const s of line) n += textWidth(s.text);
  return n;
}

/** The first `width` code points of `s`. */
export function takeColumns(s: string, width: number): string {
  if (width <= 0) return '';
  let out = '';
  let n = 0;
  for (const ch of s) {
    if (n === width) break;
    out += ch;
    n++;
  }
  return out;
}

export function padRight(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? takeColumns(s, width) : s + ' '.repeat(width - w);
}

export function padLeft(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? takeColumns(s, width) : ' '.repeat(width - w) + s;
}

/** Exactly `width` columns: cut with an ellipsis when too long, padded with spaces when short. */
export function fitLine(line: Line, width: number): Line {
  if (width <= 0) return [];
  const total = lineWidth(line);
  if (total === width) return line;
  if (total < width) return [...line, seg(' '.repeat(width - total))];
  const out: Segment[] = [];
  let left = width - 1;
  for (const s of line) {
    if (left <= 0) break;
    const w = textWidth(s.text);
    if (w <= left) {
      out.push(s);
      left -= w;
    } else {
      out.push(seg(takeColumns(s.text, left), s.tone));
      left = 0;
    }
  }
  out.push(seg('…', 'dim'));
  return out;
}

/** Exactly `height` lines of exactly `width` columns. */
export function fitBlock(lines: readonly Line[], width: number, height: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < height; i++) out.push(fitLine(lines[i] ?? [], width));
  return out;
}

/** Word-wraps text into at most `maxLines` lines of `width` columns; the last line ends in … if cut. */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  // A blank line separates paragraphs; a single line break inside one is a space, as in Markdown.
  text
    .trim()
    .split(/\n\s*\n/)
    .forEach((paragraph, i) => {
      if (i > 0) lines.push('');
      wrapParagraph(paragraph, width, lines);
    });
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = takeColumns(last, width - 1) + '…';
  return kept;
}

/** Appends the wrapped lines of one paragraph; a word longer than the width is split. */
function wrapParagraph(paragraph: string, width: number, lines: string[]): void {
  let current = '';
  for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
    let w = word;
    while (textWidth(w) > width) {
      if (current !== '') {
        lines.push(current);
        current = '';
      }
      lines.push(takeColumns(w, width));
      w = [...w].slice(width).join('');
    }
    if (current === '') current = w;
    else if (textWidth(current) + 1 + textWidth(w) <= width) current += ' ' + w;
    else {
      lines.push(current);
      current = w;
    }
  }
  lines.push(current);
}
