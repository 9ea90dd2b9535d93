import { createHash } from 'node:crypto';
import { type Block, findTitle, readBlocks } from './blocks.ts';
import { linkFootnotes } from './footnotes.ts';
import { isClosingHeading, matchMarker, maxHeadingLength } from './headings.ts';
import type { HeadingHint } from './hints.ts';
import { normaliseText } from './normalise.ts';
import {
  choosePartHeadings,
  type HeadingCandidate,
  headingCandidate,
  isOuterFamily,
} from './part-headings.ts';
import { titleOrg, titleYear } from './title.ts';
import { footnoteMarkPattern, isTruncated, topicSentence } from './topic.ts';
import type { Paragraph, Part, Report, ReportSource, Span } from './types.ts';

/** A paragraph under construction. `heading`: it is a heading line kept as text (no topic, never cut). */
interface Draft {
  span: Span;
  heading: boolean;
  /** Offset of the text after a list marker (1. …), where the topic sentence is looked for. */
  bodyOffset: number;
}

const partsIntroPattern =
  /((以下|如下|下列).{0,20}(方面|项|点|工作|内容)|(几|[一二三四五六七八九十]+)(个)?方面).{0,10}[:\uFF1A]?$|[:\uFF1A]$/;
const closingCue =
  /(取得的?(这些)?成绩|存在的?(一些|主要)?(问题|不足|短板|差距)|清醒(地)?(认识|看到)|不足之处|差距和不足|薄弱环节)|^(新的一年|明年|下一步|今后|展望)/;
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
  const blocks = readBlocks(text, headings);
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
      // A paragraph that opens with a list marker (1. …) has its topic sentence after the marker.
      bodyOffset: headingLike ? 0 : (matchMarker(b.text)?.bodyOffset ?? 0),
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
