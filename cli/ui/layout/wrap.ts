/**
 * Width-aware wrapping of styled text for the terminal: CJK ideographs take two cells, a line never
 * starts with closing punctuation (the Chinese 避头 rule) and a number (139.76, 2017) is neither split
 * nor parted from its unit when it fits on the next line. Screens wrap text themselves so
 * they know how many lines it takes and can scroll it.
 */
import stringWidth from 'string-width';

/** How a piece of text is drawn (the subset of Ink's <Text> props the UI uses). */
export interface SegmentStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

/** A piece of text in one style. */
export interface Segment {
  text: string;
  style?: SegmentStyle;
}

/** One terminal line: its segments in order. */
export type Line = Segment[];

interface Cell {
  ch: string;
  width: number;
  style?: SegmentStyle;
}

const noLineStart = new Set([
  ...'\u3002\u3001\u3011\u300D\u300F\u201D\u2019\u300B\u3009,.;:!?)]%',
  ...'\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\uFF09',
]);
const latin = /[A-Za-z0-9.%]/;

const widthCache = new Map<string, number>();

/** Cells a character takes (memoised: texts repeat the same few thousand characters). */
function charWidth(ch: string): number {
  let width = widthCache.get(ch);
  if (width === undefined) {
    width = stringWidth(ch);
    widthCache.set(ch, width);
  }
  return width;
}

/** Cells a string takes in the terminal. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Joins neighbouring cells of the same style back into segments. */
function toSegments(cells: Cell[]): Line {
  const line: Line = [];
  for (const cell of cells) {
    const last = line[line.length - 1];
    if (last && last.style === cell.style) last.text += cell.ch;
    else line.push({ text: cell.ch, style: cell.style });
  }
  return line;
}

/**
 * How many cells at the end of `line` to carry to the next line so `next` may start it: one before
 * closing punctuation; a trailing run of Latin letters or digits, so a number stays whole and with
 * the unit that follows it (154处, 139.76万元).
 */
function carryCount(line: Cell[], next: Cell, width: number): number {
  if (noLineStart.has(next.ch)) return line.length > 1 ? 1 : 0;
  let n = 0;
  while (n < line.length && latin.test(line[line.length - 1 - n].ch)) n++;
  if (n === 0 || n === line.length) return 0;
  // A run longer than half the width is split rather than leaving a mostly empty line.
  const run = line.slice(-n).reduce((w, c) => w + c.width, 0);
  return run + next.width <= width / 2 ? n : 0;
}

/**
 * Wraps styled segments into lines of at most `width` cells; `\n` starts a new line.
 * @example wrapSegments([{ text: '全年服务3620余次。' }], 10) // two lines, 3620 kept whole
 */
export function wrapSegments(segments: readonly Segment[], width: number): Line[] {
  const max = Math.max(2, width);
  const lines: Line[] = [];
  let current: Cell[] = [];
  let used = 0;
  const flush = () => {
    lines.push(toSegments(current));
    current = [];
    used = 0;
  };
  for (const segment of segments) {
    for (const ch of segment.text) {
      if (ch === '\n') {
        flush();
        continue;
      }
      const cell: Cell = { ch, width: charWidth(ch), style: segment.style };
      if (used + cell.width > max && current.length > 0) {
        const carried = current.splice(current.length - carryCount(current, cell, max));
        flush();
        current = carried;
        used = carried.reduce((n, c) => n + c.width, 0);
      }
      current.push(cell);
      used += cell.width;
    }
  }
  flush();
  return lines;
}

/** Wraps plain text: the same as wrapSegments with one unstyled segment. */
export function wrapText(text: string, width: number): Line[] {
  return wrapSegments([{ text }], width);
}

/** The first row holding an inverse segment (a cursor, the selected figure), or -1. */
export function inverseRow(lines: readonly Line[]): number {
  return lines.findIndex((line) => line.some((segment) => segment.style?.inverse));
}

/**
 * The text cut to at most `width` cells, ending in … when cut (a wide character is never split).
 * @example truncateText('注重保障民生,公共服务能级提升', 12) // '注重保障民…'
 */
export function truncateText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
