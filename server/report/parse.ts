import { createHash } from 'node:crypto';
import {
  familyRank,
  isClosingHeading,
  type MarkerFamily,
  matchMarker,
  maxHeadingLength,
} from './headings.ts';
import type { HeadingHint } from './hints.ts';
import { isJunkLine } from './junk.ts';
import { groupLines, type Line, splitLines } from './lines.ts';
import { normaliseText } from './normalise.ts';
import { titleOrg, titleYear } from './title.ts';
import { footnoteMarkPattern, isTruncated, topicSentence } from './topic.ts';
import type { Footnote, Paragraph, Part, Report, ReportSource, Span } from './types.ts';

type BlockKind = 'text' | 'junk' | 'footnote';

/** Consecutive lines that form one paragraph, a heading, a footnote or a junk line. */
interface Block extends Span {
  kind: BlockKind;
  text: string;
  /** Heading level a formatted source gave the line (1 = #, <h1>, Title), 0 when none. */
  level: number;
}

/** A block that can open a part: a marker heading, a run-in heading, or a formatted heading. */
interface HeadingCandidate {
  block: number;
  /** The marker family, or `h<level>` for headings a formatted source marked. */
  family: string;
  number: number;
  marker: string;
  title: string;
  /** The heading's own span; shorter than the block for a run-in heading (一、加强领导。各单位…). */
  span: Span;
  /** Where the paragraph after a run-in heading starts, or null. */
  rest: Span | null;
  closing: boolean;
}

/** A paragraph under construction. `heading`: it is a heading line kept as text (no topic, never cut). */
interface Draft {
  span: Span;
  heading: boolean;
  /** Offset of the text after a list marker (1. …), where the topic sentence is looked for. */
  bodyOffset: number;
}

const footnoteLine = /^[[\uFF3B](\d{1,2})[\]\uFF3D]\s*(?=\S)/;
const genreTitle = /(总结|报告|汇报|回顾|计划|要点|规划|述职|情况|工作)[)\uFF09]?$/;
const maxTitleLength = 60;
const partsIntroPattern =
  /((以下|如下|下列).{0,20}(方面|项|点|工作|内容)|(几|[一二三四五六七八九十]+)(个)?方面).{0,10}[:\uFF1A]?$|[:\uFF1A]$/;
const closingCue =
  /(取得的?(这些)?成绩|存在的?(一些|主要)?(问题|不足|短板|差距)|清醒(地)?(认识|看到)|不足之处|差距和不足|薄弱环节)|^(新的一年|明年|下一步|今后|展望)/;
const sentenceEnd = /[。!?\uFF01\uFF1F]/;

function classify(text: string, line: Line): BlockKind {
  const content = text.slice(line.start, line.end);
  if (footnoteLine.test(content)) return 'footnote';
  return isJunkLine(content) ? 'junk' : 'text';
}

/** Index of the title among the blocks, or -1: a formatted title, a genre line, else a short first line. */
function findTitle(blocks: Block[]): number {
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

/** Reads a block as a part heading when its marker and length allow it. */
function headingCandidate(blocks: Block[], index: number): HeadingCandidate | null {
  const block = blocks[index];
  if (block.kind !== 'text') return null;
  const marker = matchMarker(block.text);
  if (block.level > 0) {
    const title = marker ? block.text.slice(marker.bodyOffset) : block.text;
    return {
      block: index,
      family: `h${block.level}`,
      number: marker?.number ?? 0,
      marker: marker?.marker ?? '',
      title: title.replace(/[。:\uFF1A]$/, ''),
      span: { start: block.start, end: block.end },
      rest: null,
      closing: isClosingHeading(title),
    };
  }
  if (!marker) return null;
  const body = block.text.slice(marker.bodyOffset);
  const base = { block: index, family: marker.family, number: marker.number, marker: marker.marker };
  const endMatch = sentenceEnd.exec(body);
  const plain = body.length <= maxHeadingLength && (!endMatch || endMatch.index === body.length - 1);
  if (plain) {
    const title = body.replace(/[。!?\uFF01\uFF1F:\uFF1A]$/, '').trim();
    if (!title) return null;
    return {
      ...base,
      title,
      span: { start: block.start, end: block.end },
      rest: null,
      closing: isClosingHeading(title),
    };
  }
  const runIn = /^[^。!?\uFF01\uFF1F,\uFF0C;\uFF1B]{2,40}?[。!\uFF01:\uFF1A]/.exec(body);
  if (!runIn || body.slice(runIn[0].length).trim() === '') return null;
  const headingEnd = block.start + marker.bodyOffset + runIn[0].length;
  let restStart = headingEnd;
  while (restStart < block.end && /\s/.test(block.text[restStart - block.start])) restStart++;
  const title = runIn[0].slice(0, -1).trim();
  return {
    ...base,
    title,
    span: { start: block.start, end: headingEnd },
    rest: { start: restStart, end: block.end },
    closing: isClosingHeading(title),
  };
}

/**
 * The candidates that open the parts, in order: the outermost family (formatted headings first,
 * then 第一部分 > 一、 > (一) > 1. > (1)) that has two or more non-closing headings numbered in
 * sequence; acceptance stops at the first closing heading. Empty when the report has no headings.
 */
function choosePartHeadings(candidates: HeadingCandidate[]): {
  family: string;
  accepted: HeadingCandidate[];
} {
  const levels = [...new Set(candidates.filter((c) => c.family.startsWith('h')).map((c) => c.family))].sort();
  for (const family of [...levels, ...familyRank]) {
    const accepted: HeadingCandidate[] = [];
    for (const candidate of candidates) {
      if (candidate.family !== family) continue;
      if (candidate.closing) break;
      const last = accepted.at(-1);
      const inSequence = family.startsWith('h') || !last || candidate.number === last.number + 1;
      if (inSequence && (last || family.startsWith('h') || candidate.rest === null || candidate.number === 1))
        accepted.push(candidate);
    }
    if (accepted.length >= 2) return { family, accepted };
  }
  return { family: '', accepted: [] };
}

/** True when the family ranks above the chosen parts family (an outer heading such as 一、工作回顾). */
function isOuterFamily(family: string, partsFamily: string): boolean {
  if (family.startsWith('h') || partsFamily.startsWith('h')) {
    return family.startsWith('h') && partsFamily.startsWith('h') && family < partsFamily;
  }
  return familyRank.indexOf(family as MarkerFamily) < familyRank.indexOf(partsFamily as MarkerFamily);
}

function toParagraph(text: string, draft: Draft): Paragraph {
  const body = text.slice(draft.span.start, draft.span.end);
  const marks = [...body.matchAll(footnoteMarkPattern)].map((m) => Number(m[1]));
  return {
    index: 0,
    text: body,
    topic: draft.heading ? null : topicSentence(body.slice(draft.bodyOffset)),
    span: { ...draft.span },
    truncated: draft.heading ? false : isTruncated(body),
    footnoteMarks: [...new Set(marks)],
  };
}

/** Splits a report without part headings into preamble, one unnamed part and the closing. */
function splitUnheaded(text: string, drafts: Draft[]): { preamble: Draft[]; body: Draft[] } {
  const paragraphs = drafts.map((d) => toParagraph(text, d));
  const intro = paragraphs.findIndex((p, i) => i < paragraphs.length - 1 && isPartsIntro(p.text));
  if (intro >= 0) return { preamble: drafts.slice(0, intro + 1), body: drafts.slice(intro + 1) };
  const firstTopic = paragraphs.findIndex((p) => p.topic !== null);
  if (firstTopic > 0 && firstTopic <= 3)
    return { preamble: drafts.slice(0, firstTopic), body: drafts.slice(firstTopic) };
  if (firstTopic < 0 && drafts.length >= 3) return { preamble: drafts.slice(0, 1), body: drafts.slice(1) };
  return { preamble: [], body: drafts };
}

/** The sentence announcing the parts stands alone: short, or a single sentence, ending like 以下六方面工作: */
function isPartsIntro(paragraph: string): boolean {
  const sentences = paragraph.split(/(?<=[。!?\uFF01\uFF1F])/).filter((s) => s.trim());
  return (paragraph.length <= 40 || sentences.length === 1) && partsIntroPattern.test(paragraph);
}

/** Moves the paragraphs from the first closing one on (shortcomings, next year's plans) to the closing. */
function splitClosing(
  text: string,
  drafts: Draft[],
  firstAllowed: number,
): { body: Draft[]; closing: Draft[] } {
  const at = drafts.findIndex(
    (d, i) => i >= firstAllowed && !d.heading && closingCue.test(text.slice(d.span.start, d.span.end)),
  );
  return at < 0 ? { body: drafts, closing: [] } : { body: drafts.slice(0, at), closing: drafts.slice(at) };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const stem = (fileName: string | null | undefined): string =>
  (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/**
 * Parses report text into the typed Report: title, office, year, preamble, the sentence that
 * announces the parts, the parts with their paragraphs and topic sentences, the closing section and
 * footnotes linked to their marks. Every span points into `Report.text` (the normalised input).
 * Never throws: odd text gives a report with fewer parts. `headings` are the heading positions a
 * formatted source (Markdown, HTML, .docx) marked.
 * @example parseReportText(seed).parts.map((p) => p.marker) // ['(一)', '(二)', … '(六)']
 */
export function parseReportText(
  input: string,
  source: Partial<ReportSource> = {},
  headings: HeadingHint[] = [],
): Report {
  const text = normaliseText(input);
  const levels = new Map(headings.map((h) => [h.start, h.level]));
  const lines = splitLines(text);
  const kinds = new Map(lines.map((line) => [line, classify(text, line)]));
  const breaks = (line: Line): boolean =>
    kinds.get(line) !== 'text' ||
    levels.has(line.start) ||
    matchMarker(text.slice(line.start, line.end)) !== null ||
    isClosingHeading(text.slice(line.start, line.end));
  const blocks: Block[] = groupLines(text, lines, breaks).map((group) => {
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

  const titleIndex = findTitle(blocks);
  const titleBlock = titleIndex >= 0 ? blocks[titleIndex] : null;
  const title = titleBlock?.text ?? stem(source.fileName);
  const titleSpan = titleBlock ? { start: titleBlock.start, end: titleBlock.end } : { start: 0, end: 0 };

  const body = blocks.map((b, i) => ({ b, i })).filter(({ i }) => i > titleIndex);
  const candidates = body.map(({ i }) => headingCandidate(blocks, i)).filter((c) => c !== null);
  const { family: partsFamily, accepted } = choosePartHeadings(candidates);
  const acceptedByBlock = new Map(accepted.map((c) => [c.block, c]));
  const candidateByBlock = new Map(candidates.map((c) => [c.block, c]));
  const lastPartBlock = accepted.at(-1)?.block ?? -1;

  const footnoteBlocks: Block[] = [];
  const preamble: Draft[] = [];
  const partDrafts: { heading: HeadingCandidate; drafts: Draft[] }[] = [];
  let closing: Draft[] = [];
  let state: 'preamble' | 'parts' | 'closing' = 'preamble';

  for (const { b, i } of body) {
    if (b.kind === 'junk') continue;
    if (b.kind === 'footnote') {
      footnoteBlocks.push(b);
      continue;
    }
    const candidate = candidateByBlock.get(i);
    const headingLike = candidate !== undefined && candidate.rest === null;
    const draft: Draft = {
      span: { start: b.start, end: b.end },
      heading: headingLike || (b.level > 0 && b.text.length <= maxHeadingLength),
      bodyOffset: candidate?.rest === null ? 0 : (matchMarker(b.text)?.bodyOffset ?? 0),
    };
    const closingHeading = (candidate?.closing ?? false) || (b.text.length <= 30 && isClosingHeading(b.text));
    if (state !== 'closing' && closingHeading && (state === 'parts' || partsFamily === '')) {
      state = 'closing';
      draft.heading = true;
    }
    if (state === 'closing') {
      closing.push(draft);
      continue;
    }
    const part = acceptedByBlock.get(i);
    if (part) {
      state = 'parts';
      const drafts: Draft[] = part.rest ? [{ span: part.rest, heading: false, bodyOffset: 0 }] : [];
      partDrafts.push({ heading: part, drafts });
      continue;
    }
    if (candidate && partsFamily && headingLike && isOuterFamily(candidate.family, partsFamily)) continue;
    if (state === 'preamble') preamble.push(draft);
    else {
      const current = partDrafts[partDrafts.length - 1];
      if (current.heading.block === lastPartBlock && current.drafts.length > 0 && !draft.heading) {
        const textOf = text.slice(draft.span.start, draft.span.end);
        if (closingCue.test(textOf)) {
          state = 'closing';
          closing.push(draft);
          continue;
        }
      }
      current.drafts.push(draft);
    }
  }

  let preambleDrafts = preamble;
  if (partsFamily === '') {
    const split = splitUnheaded(text, preamble);
    preambleDrafts = split.preamble;
    if (closing.length === 0) {
      const tail = splitClosing(text, split.body, 1);
      closing = tail.closing;
      split.body = tail.body;
    }
    if (split.body.length > 0) {
      const at = split.body[0].span.start;
      partDrafts.push({
        heading: {
          block: -1,
          family: '',
          number: 1,
          marker: '',
          title: '',
          span: { start: at, end: at },
          rest: null,
          closing: false,
        },
        drafts: split.body,
      });
    }
  }

  let index = 0;
  const numbered = (draft: Draft): Paragraph => ({ ...toParagraph(text, draft), index: index++ });
  const introAt = preambleDrafts.length - 1;
  const hasIntro =
    introAt >= 0 &&
    partDrafts.length > 0 &&
    isPartsIntro(text.slice(preambleDrafts[introAt].span.start, preambleDrafts[introAt].span.end));
  const preambleParagraphs = (hasIntro ? preambleDrafts.slice(0, introAt) : preambleDrafts).map(numbered);
  const partsIntro = hasIntro ? numbered(preambleDrafts[introAt]) : null;
  const parts: Part[] = partDrafts.map(({ heading, drafts }, n) => ({
    number: n + 1,
    marker: heading.marker,
    title: heading.title,
    headingSpan: heading.span,
    paragraphs: drafts.map(numbered),
  }));
  const closingParagraphs = closing.map(numbered);

  const all = [
    ...preambleParagraphs,
    ...(partsIntro ? [partsIntro] : []),
    ...parts.flatMap((p) => p.paragraphs),
    ...closingParagraphs,
  ];
  const footnotes = linkFootnotes(text, footnoteBlocks, all);

  const fileStem = stem(source.fileName);
  return {
    id: sha256(text),
    title,
    org: titleOrg(title) ?? (fileStem ? titleOrg(fileStem) : null),
    year: titleYear(title) ?? (fileStem ? titleYear(fileStem) : null),
    text,
    titleSpan,
    preamble: preambleParagraphs,
    partsIntro,
    parts,
    closing: closingParagraphs,
    footnotes,
    source: {
      fileName: source.fileName ?? null,
      format: source.format ?? 'txt',
      encoding: source.encoding ?? 'utf-8',
      bytes: source.bytes ?? Buffer.byteLength(input, 'utf8'),
    },
  };
}

/** Footnotes from their definition lines ([1]“五违”指…), each linked to where [n] occurs in the body. */
function linkFootnotes(text: string, blocks: Block[], paragraphs: Paragraph[]): Footnote[] {
  const footnotes: Footnote[] = [];
  for (const block of blocks) {
    const m = footnoteLine.exec(block.text);
    if (!m) continue;
    const mark = Number(m[1]);
    if (footnotes.some((f) => f.mark === mark)) continue;
    const start = block.start + m[0].length;
    footnotes.push({ mark, text: text.slice(start, block.end), span: { start, end: block.end }, refs: [] });
  }
  for (const paragraph of paragraphs) {
    for (const m of paragraph.text.matchAll(footnoteMarkPattern)) {
      const note = footnotes.find((f) => f.mark === Number(m[1]));
      const start = paragraph.span.start + (m.index ?? 0);
      note?.refs.push({ start, end: start + m[0].length });
    }
  }
  return footnotes;
}
