/**
 * Finding a report's title among the first blocks of a page: below site bars, breadcrumbs and
 * metadata; without the bullet, table pipes or publication date a listing adds to it; over two lines
 * when the office and the year-and-genre are set on separate lines; from the page's 标题/信息名称
 * field when no line gives it. Copies of the title further down are furniture.
 */

import type { Span } from '../text/index.ts';
import type { Block } from './blocks.ts';
import { matchMarker } from './headings.ts';
import { titleField } from './metadata.ts';
import { isOfficeName } from './org.ts';

/** Endings of a report title: 工作总结, 报告, 要点… */
const genreTitle = /(总结|报告|汇报|回顾|计划|要点|规划|述职|情况|工作|安排|思路|打算)[)\uFF09]?$/;
/** A year as titles write it: 2016年, 二〇一六年. */
const titleYear = /(19|20)\d{2}\s*年|[一二][〇零一二三四五六七八九]{3}年/;
const sentenceEnd = /[。!?\uFF01\uFF1F]/;
const maxTitleLength = 60;
/** How many text blocks from the top may hold the title. */
const titleWindow = 12;

/** Bullets and spaces before a title; table pipes and a listing's date or time after it. */
const leading = /^[\s•·\-*]+/;
const trailing = /(\s*[|]+\s*|\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?)+$/;

/** The span of a block's text once bullets, pipes and a trailing date are dropped. */
function titleCore(block: Block): Span {
  const lead = leading.exec(block.text)?.[0].length ?? 0;
  const tail = trailing.exec(block.text.slice(lead))?.[0].length ?? 0;
  return { start: block.start + lead, end: block.end - tail };
}

const coreText = (block: Block): string => {
  const core = titleCore(block);
  return block.text.slice(core.start - block.start, core.end - block.start);
};

/** A line that can be a title: short, one line of no sentence. */
function looksLikeTitle(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= maxTitleLength &&
    !/[。!?\uFF01\uFF1F;\uFF1B:\uFF1A,\uFF0C]$/.test(text) &&
    !sentenceEnd.test(text)
  );
}

/** A line without the bullet, table pipes or listing date around a title. */
const titleText = (line: string): string => line.replace(leading, '').replace(trailing, '');

/** True when a line ends like a report title (…工作总结, …报告), bullets, pipes and dates aside. */
export const endsLikeTitle = (line: string): boolean => genreTitle.test(titleText(line));

/**
 * True when a line reads as a report title with its year (甘泉路街道2016年工作总结): such a line
 * stands alone even when a paragraph follows it without a blank line.
 */
export function isTitleLine(line: string): boolean {
  const text = titleText(line);
  // A comma marks a hard-wrapped sentence that happens to end on 工作, not a title.
  return (
    looksLikeTitle(text) &&
    genreTitle.test(text) &&
    titleYear.test(text) &&
    !/[,\uFF0C;\uFF1B]/.test(text) &&
    !matchMarker(text)
  );
}

/** Where the title was found. */
export interface TitleRead {
  /** Index of the block the body starts after (-1: none). */
  index: number;
  /** The title's span in the text (empty when the report has none). */
  span: Span;
  /** The title: the span's text with the line break of a two-line title removed. */
  title: string;
}

const none: TitleRead = { index: -1, span: { start: 0, end: 0 }, title: '' };

function read(text: string, first: number, last: number, blocks: Block[]): TitleRead {
  const start = titleCore(blocks[first]).start;
  const end = titleCore(blocks[last]).end;
  return { index: last, span: { start, end }, title: text.slice(start, end).replace(/\s*\n\s*/g, '') };
}

/** The office line (北京市东城区人民政府交道口街道办事处) just above a title that starts with its year. */
function officeAbove(blocks: Block[], i: number, early: number[]): number {
  const at = early.indexOf(i);
  const previous = at > 0 ? early[at - 1] : -1;
  if (previous < 0 || previous !== i - 1 || !titleYear.test(coreText(blocks[i]).slice(0, 6))) return i;
  const office = coreText(blocks[previous]);
  return isOfficeName(office) && !titleYear.test(office) ? previous : i;
}

/** A genre title that is a site's page title ending in this one (永顺县人民政府-2016年…报告) gives way to it. */
function withoutSitePrefix(blocks: Block[], genre: number[]): number[] {
  return genre.filter((i) => {
    const own = coreText(blocks[i]);
    return !genre.some((j) => {
      if (j === i) return false;
      const other = coreText(blocks[j]);
      return (
        other.length < own.length && own.endsWith(other) && /[-_—|]\s*$/.test(own.slice(0, -other.length))
      );
    });
  });
}

/** A title field of the page's metadata (标题:…), when no line of the page is the title. */
function metadataTitle(text: string, blocks: Block[]): TitleRead | null {
  for (let i = 0; i < blocks.length && i < 30; i++) {
    const value = titleField(blocks[i].text);
    if (!value) continue;
    const title = blocks[i].text.slice(value.start, value.end);
    if (!looksLikeTitle(title) || !genreTitle.test(title)) continue;
    const span = { start: blocks[i].start + value.start, end: blocks[i].start + value.end };
    return { index: i, span, title: text.slice(span.start, span.end) };
  }
  return null;
}

/**
 * Where the title is: a formatted title (<h1>, #, Word's Title), else the first line that reads like
 * a report title (genre ending), else the page's title field, else a short first line.
 */
export function findTitle(text: string, blocks: Block[]): TitleRead {
  const early = blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.kind === 'text')
    .slice(0, titleWindow)
    .map(({ i }) => i);
  const topLevel = blocks.reduce(
    (min, b) => (b.level > 0 && b.level < min ? b.level : min),
    Number.POSITIVE_INFINITY,
  );
  const hinted = early.find((i) => blocks[i].level > 0);
  const hintedTitle =
    hinted !== undefined &&
    blocks[hinted].level === topLevel &&
    (blocks[hinted].level === 1 || hinted === early[0]) &&
    looksLikeTitle(coreText(blocks[hinted]))
      ? hinted
      : undefined;
  const genre = withoutSitePrefix(
    blocks,
    early.filter((i) => {
      const core = coreText(blocks[i]);
      return looksLikeTitle(core) && genreTitle.test(core) && !matchMarker(core);
    }),
  );
  // A site name in <h1> loses to a line that reads like a report title.
  if (hintedTitle !== undefined && (genreTitle.test(coreText(blocks[hintedTitle])) || genre.length === 0))
    return read(text, hintedTitle, hintedTitle, blocks);
  if (genre.length > 0) return read(text, officeAbove(blocks, genre[0], early), genre[0], blocks);
  const field = metadataTitle(text, blocks);
  if (field) return field;
  const first = early[0];
  if (first !== undefined && looksLikeTitle(coreText(blocks[first])) && !matchMarker(blocks[first].text))
    return read(text, first, first, blocks);
  return none;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Blocks after the title that repeat it, alone or split over up to three short lines, or in a
 * longer form of it (北京市西城区… for 西城区…): furniture of the page, not report text.
 */
export function repeatedTitle(blocks: Block[], title: TitleRead): Set<number> {
  const out = new Set<number>();
  const wanted = squash(title.title);
  if (!wanted) return out;
  const end = Math.min(blocks.length, title.index + 1 + titleWindow);
  for (let i = title.index + 1; i < end; i++) {
    let joined = '';
    for (let j = i; j < Math.min(end, i + 3); j++) {
      if (blocks[j].kind !== 'text' || blocks[j].text.length > maxTitleLength) break;
      joined += squash(coreText(blocks[j]));
      if (joined === wanted || (joined.endsWith(wanted) && joined.length <= wanted.length + 6)) {
        for (let k = i; k <= j; k++) out.add(k);
        break;
      }
      // Go on while the lines read so far can still become the title (after up to six extra characters).
      if (![0, 1, 2, 3, 4, 5, 6].some((k) => wanted.startsWith(joined.slice(k)))) break;
    }
  }
  return out;
}
