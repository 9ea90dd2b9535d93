import type { Span } from '../text/index.ts';

/** One non-blank line of the reference text, its span trimmed of surrounding whitespace. */
export interface Line extends Span {
  /** True when the raw line starts with whitespace (the seed indents paragraphs by two spaces). */
  indented: boolean;
  /** True when a blank line (or the start of the text) comes before it. */
  blankBefore: boolean;
}

const space = /[\s\u3000]/;

/**
 * Splits text into its non-blank lines with trimmed spans.
 * @example splitLines('标题\n\n  正文。') // [{start:0,end:2,…}, {start:6,end:9,indented:true,blankBefore:true}]
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blankBefore = true;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && space.test(text[start])) start++;
    while (end > start && space.test(text[end - 1])) end--;
    if (end > start) {
      lines.push({ start, end, indented: start > lineStart, blankBefore });
      blankBefore = false;
    } else {
      blankBefore = true;
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** Characters that end a sentence or a clause a paragraph may end on. */
const lineEnders = /[。!?\uFF01\uFF1F…;\uFF1B:\uFF1A”’」』)\uFF09】\]]$/;

/** Hard-wrapped lines are long; a short line without end punctuation is a heading or a label. */
const minWrappedLength = 20;

/**
 * Groups lines into paragraph blocks. A line continues the previous one only when no blank line
 * separates them, it is not indented, and the previous line looks hard-wrapped: long and not ending
 * on sentence punctuation. Everything else (blank-line or single-line separation) starts a new block.
 */
export function groupLines(text: string, lines: Line[], breaks: (line: Line) => boolean): Line[][] {
  const blocks: Line[][] = [];
  for (const line of lines) {
    const block = blocks.at(-1);
    const previous = block?.at(-1);
    const continues =
      block !== undefined &&
      previous !== undefined &&
      !line.blankBefore &&
      !line.indented &&
      !breaks(line) &&
      !breaks(previous) &&
      previous.end - previous.start >= minWrappedLength &&
      !lineEnders.test(text.slice(previous.start, previous.end));
    if (continues) block.push(line);
    else blocks.push([line]);
  }
  return blocks;
}
