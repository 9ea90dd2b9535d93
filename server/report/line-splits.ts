/**
 * Lines as a page's text gives them are not always lines of the report: some sites lose the line
 * breaks (一、2023年工作回顾 2023年是… (一)坚持…。 紧盯…), and some glue a watermark to the end of
 * lines (…增长30%。s12乡村百科--为乡村振兴助力). This cuts such lines where the report's own lines
 * start and trims the watermark off their ends; spans still point into the unchanged text.
 */
import { matchMarker } from './headings.ts';
import type { Line } from './lines.ts';

/** A sentence or clause end, then spaces: where a heading run into a line may start. */
const breakBefore = /[。!?\uFF01\uFF1F:\uFF1A;\uFF1B]\s+(?=\S)/g;
/** Families of markers that start a heading inside a line (Arabic 1. too often starts a number). */
const inlineFamilies = new Set(['section', 'cn', 'cn-paren']);
/** What ends the heading of a line that starts with a marker, before the rest of it after spaces. */
const headingGap =
  /^([^。!?\uFF01\uFF1F,\uFF0C;\uFF1B:\uFF1A\s]{2,30}|[^。!?\uFF01\uFF1F;\uFF1B\s]{2,40}[。\uFF0E])\s+(?=\S)/;
/** An attachment link written at the end of the last line. */
const attachment = /\s+(?=(附件下载|相关附件)\s*[:\uFF1A])/g;

/** Offsets (relative to the line) where the line should be cut. */
function cuts(content: string): number[] {
  const out = new Set<number>();
  for (const m of content.matchAll(breakBefore)) {
    const at = (m.index ?? 0) + m[0].length;
    const marker = matchMarker(content.slice(at));
    if (marker && inlineFamilies.has(marker.family)) out.add(at);
  }
  for (const m of content.matchAll(attachment)) out.add((m.index ?? 0) + m[0].length);
  return [...out].sort((a, b) => a - b);
}

/** A line that starts with a marker: its heading ends at the spaces after it (一、2023年工作回顾 2023年是…). */
function headingEnd(content: string): number | null {
  const marker = matchMarker(content);
  if (!marker) return null;
  const gap = headingGap.exec(content.slice(marker.bodyOffset));
  if (!gap || content.length - marker.bodyOffset - gap[0].length < 10) return null;
  return marker.bodyOffset + gap[0].length;
}

const trimmed = (text: string, start: number, end: number): Line | null => {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e, indented: false, blankBefore: false } : null;
};

/** Cuts one line at the starts of headings and attachment links run into it. */
function splitLine(text: string, line: Line): Line[] {
  const content = text.slice(line.start, line.end);
  const points = [0, ...cuts(content), content.length];
  const out: Line[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = trimmed(text, line.start + points[i], line.start + points[i + 1]);
    if (!piece) continue;
    const end = headingEnd(text.slice(piece.start, piece.end));
    const heading = end === null ? null : trimmed(text, piece.start, piece.start + end);
    const rest = end === null ? null : trimmed(text, piece.start + end, piece.end);
    out.push(...(heading && rest ? [heading, rest] : [piece]));
  }
  if (out.length === 0) return [line];
  out[0] = { ...out[0], indented: line.indented, blankBefore: line.blankBefore };
  return out;
}

/**
 * A site's watermark: text that follows a sentence end at the end of a line and ends two or more
 * lines (headings included); the longest such text.
 */
function watermark(text: string, lines: readonly Line[]): string | null {
  const contents = lines.map((line) => text.slice(line.start, line.end));
  const tails = new Set<string>();
  for (const content of contents) {
    const m = /[。!?\uFF01\uFF1F]([^。!?\uFF01\uFF1F]{8,40})$/.exec(content);
    if (m) tails.add(m[1]);
  }
  const repeated = [...tails]
    .filter((tail) => contents.filter((c) => c.endsWith(tail) && c.length > tail.length).length >= 2)
    .sort((a, b) => b.length - a.length);
  return repeated[0] ?? null;
}

/** The line without the watermark at its end (or, on the last line, a cut-off start of it). */
function withoutWatermark(text: string, line: Line, mark: string, last: boolean): Line {
  const content = text.slice(line.start, line.end);
  if (content.endsWith(mark) && content.length > mark.length) return { ...line, end: line.end - mark.length };
  if (!last) return line;
  for (let n = mark.length - 1; n >= 4; n--) {
    if (content.endsWith(mark.slice(0, n)) && content.length > n) return { ...line, end: line.end - n };
  }
  return line;
}

/**
 * The report's lines from the page's lines: cut where headings or attachment links run into a line,
 * a repeated watermark trimmed off the ends.
 */
export function refineLines(text: string, lines: readonly Line[]): Line[] {
  const split = lines.flatMap((line) => splitLine(text, line));
  const mark = watermark(text, split);
  if (!mark) return split;
  return split.map((line, i) => withoutWatermark(text, line, mark, i === split.length - 1));
}
