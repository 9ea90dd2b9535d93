import type { Span } from '../text/index.ts';
import { isClosingHeading, matchMarker } from './headings.ts';
import type { HeadingHint } from './hints.ts';
import { junkFlags } from './junk.ts';
import { refineLines } from './line-splits.ts';
import { groupLines, type Line, splitLines } from './lines.ts';
import { endsLikeTitle, isTitleLine } from './title-block.ts';

export type BlockKind = 'text' | 'junk' | 'footnote';

/** Consecutive lines that form one paragraph, a heading, a footnote or a junk line. */
export interface Block extends Span {
  kind: BlockKind;
  text: string;
  /** Heading level a formatted source gave the line (1 = #, <h1>, Title), 0 when none. */
  level: number;
}

/** A footnote definition line: [1]“五违”指… */
export const footnoteLine = /^[[\uFF3B](\d{1,2})[\]\uFF3D]\s*(?=\S)/;
/** Sentence ends inside a line (a heading or a title has none, or one at its end). */
export const sentenceEnd = /[。!?\uFF01\uFF1F]/;
/** Each line's kind: footnote definitions, junk (with its neighbours' help), else text. */
function classify(text: string, lines: Line[]): Map<Line, BlockKind> {
  const contents = lines.map((line) => text.slice(line.start, line.end));
  const junk = junkFlags(contents, endsLikeTitle);
  return new Map(
    lines.map((line, i) => [line, footnoteLine.test(contents[i]) ? 'footnote' : junk[i] ? 'junk' : 'text']),
  );
}

/**
 * Cuts the reference text into blocks: junk and footnote lines on their own, heading and title lines
 * (marked by a formatted source, by a marker, closing headings, a title with its year) on their own,
 * other lines grouped into paragraphs.
 */
export function readBlocks(text: string, headings: HeadingHint[]): Block[] {
  const levels = new Map(headings.map((h) => [h.start, h.level]));
  const lines = refineLines(text, splitLines(text));
  const kinds = classify(text, lines);
  const breaks = (line: Line): boolean =>
    kinds.get(line) !== 'text' ||
    levels.has(line.start) ||
    matchMarker(text.slice(line.start, line.end)) !== null ||
    isClosingHeading(text.slice(line.start, line.end)) ||
    isTitleLine(text.slice(line.start, line.end));
  return groupLines(text, lines, breaks).map((group) => {
    const start = group[0].start;
    const end = group[group.length - 1].end;
    return {
      start,
      end,
      kind: kinds.get(group[0]) ?? 'text',
      text: text.slice(start, end),
      level: levels.get(start) ?? 0,
    };
  });
}
