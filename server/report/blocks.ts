import { isClosingHeading, matchMarker } from './headings.ts';
import type { HeadingHint } from './hints.ts';
import { isJunkLine } from './junk.ts';
import { groupLines, type Line, splitLines } from './lines.ts';
import type { Span } from './types.ts';

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
/** Endings of a report title: 工作总结, 报告, 要点… */
const genreTitle = /(总结|报告|汇报|回顾|计划|要点|规划|述职|情况|工作)[)\uFF09]?$/;
const maxTitleLength = 60;

function classify(text: string, line: Line): BlockKind {
  const content = text.slice(line.start, line.end);
  if (footnoteLine.test(content)) return 'footnote';
  return isJunkLine(content) ? 'junk' : 'text';
}

/** Index of the title among the blocks, or -1: a formatted title, a genre line, else a short first line. */
export function findTitle(blocks: Block[]): number {
  const early = blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.kind === 'text')
    .slice(0, 8);
  const looksLikeTitle = (b: Block): boolean =>
    b.text.length <= maxTitleLength &&
    !/[。!?\uFF01\uFF1F;\uFF1B:\uFF1A,\uFF0C]$/.test(b.text) &&
    !sentenceEnd.test(b.text);
  const topLevel = blocks.reduce(
    (min, b) => (b.level > 0 && b.level < min ? b.level : min),
    Number.POSITIVE_INFINITY,
  );
  const hinted = early.find(({ b }) => b.level > 0);
  const hintedTitle =
    hinted &&
    hinted.b.level === topLevel &&
    (hinted.b.level === 1 || hinted === early[0]) &&
    looksLikeTitle(hinted.b)
      ? hinted
      : undefined;
  const genre = early.find(({ b }) => looksLikeTitle(b) && genreTitle.test(b.text) && !matchMarker(b.text));
  // A site name in <h1> loses to a line that reads like a report title.
  if (hintedTitle && (genreTitle.test(hintedTitle.b.text) || !genre)) return hintedTitle.i;
  if (genre) return genre.i;
  const first = early[0];
  return first && looksLikeTitle(first.b) && !matchMarker(first.b.text) ? first.i : -1;
}

/**
 * Cuts the reference text into blocks: junk and footnote lines on their own, heading lines (marked
 * by a formatted source, by a marker, or closing headings) on their own, other lines grouped into
 * paragraphs.
 */
export function readBlocks(text: string, headings: HeadingHint[]): Block[] {
  const levels = new Map(headings.map((h) => [h.start, h.level]));
  const lines = splitLines(text);
  const kinds = new Map(lines.map((line) => [line, classify(text, line)]));
  const breaks = (line: Line): boolean =>
    kinds.get(line) !== 'text' ||
    levels.has(line.start) ||
    matchMarker(text.slice(line.start, line.end)) !== null ||
    isClosingHeading(text.slice(line.start, line.end));
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
