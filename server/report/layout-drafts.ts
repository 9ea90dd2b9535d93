/**
 * The pieces a body layout is built from: paragraphs and parts under construction, the closing cue,
 * the sentence announcing the parts, and the splits of headingless text into preamble, body and
 * closing. Shared by the flat layout and the layout with sections.
 */

import type { Span } from '../text/index.ts';
import type { Block } from './blocks.ts';
import { matchMarker, maxHeadingLength } from './headings.ts';
import type { HeadingCandidate } from './part-headings.ts';
import { topicSentence } from './topic.ts';
import type { SectionKind } from './types.ts';

/** A paragraph under construction. `heading`: it is a heading line kept as text (no topic, never cut). */
export interface Draft {
  span: Span;
  heading: boolean;
  /** Offset of the text after a list marker (1. …), where the topic sentence is looked for. */
  bodyOffset: number;
}

/** A part under construction: its heading (an empty one for a part without heading) and paragraphs. */
export interface PartDraft {
  heading: HeadingCandidate;
  drafts: Draft[];
  kind: SectionKind;
  section: number | null;
}

/** The body laid out; `sections` carry their parts' positions in `parts`. */
export interface Layout {
  preamble: Draft[];
  parts: PartDraft[];
  sections: { heading: HeadingCandidate; kind: SectionKind; parts: number[] }[];
  closing: Draft[];
  footnoteBlocks: Block[];
}

const partsIntroPattern =
  /((以下|如下|下列).{0,20}(方面|项|点|工作|内容)|(几|[一二三四五六七八九十]+)(个)?方面).{0,10}[:\uFF1A]?$|[:\uFF1A]$/;
/** Paragraphs that open the closing: shortcomings, then next year's outlook. */
export const closingCue =
  /(取得的?(这些)?成绩|存在的?(一些|主要)?(问题|不足|短板|差距)|清醒(地)?(认识|看到)|不足之处|差距和不足|薄弱环节)|^(新的一年|明年|下一步|今后|展望)/;

/** The sentence announcing the parts stands alone: short, or a single sentence, ending like 以下六方面工作: */
export function isPartsIntro(paragraph: string): boolean {
  const sentences = paragraph.split(/(?<=[。!?\uFF01\uFF1F])/).filter((s) => s.trim());
  return (paragraph.length <= 40 || sentences.length === 1) && partsIntroPattern.test(paragraph);
}

const textOf = (text: string, d: Draft): string => text.slice(d.span.start, d.span.end);
const topicOf = (text: string, d: Draft): string | null =>
  d.heading ? null : topicSentence(textOf(text, d).slice(d.bodyOffset));

/** A heading for a part that has none, placed where its first paragraph starts. */
export function emptyHeading(at: number): HeadingCandidate {
  return {
    block: -1,
    family: '',
    number: 1,
    marker: '',
    title: '',
    span: { start: at, end: at },
    rest: null,
    closing: false,
  };
}

/** The draft of a body block: a heading line kept as text, or a paragraph (after its list marker). */
export function toDraft(b: Block, candidate: HeadingCandidate | undefined): Draft {
  const headingLike = candidate !== undefined && candidate.rest === null;
  return {
    span: { start: b.start, end: b.end },
    heading: headingLike || (b.level > 0 && b.text.length <= maxHeadingLength),
    // A paragraph that opens with a list marker (1. …) has its topic sentence after the marker.
    bodyOffset: headingLike ? 0 : (matchMarker(b.text)?.bodyOffset ?? 0),
  };
}

/** Splits paragraphs without headings into preamble and one unheaded block. */
export function splitUnheaded(text: string, drafts: Draft[]): { preamble: Draft[]; body: Draft[] } {
  const intro = drafts.findIndex((d, i) => i < drafts.length - 1 && isPartsIntro(textOf(text, d)));
  if (intro >= 0) return { preamble: drafts.slice(0, intro + 1), body: drafts.slice(intro + 1) };
  const firstTopic = drafts.findIndex((d) => topicOf(text, d) !== null);
  if (firstTopic > 0 && firstTopic <= 3)
    return { preamble: drafts.slice(0, firstTopic), body: drafts.slice(firstTopic) };
  if (firstTopic < 0 && drafts.length >= 3) return { preamble: drafts.slice(0, 1), body: drafts.slice(1) };
  return { preamble: [], body: drafts };
}

/** Moves the paragraphs from the first closing one on (shortcomings, next year's plans) to the closing. */
export function splitClosing(
  text: string,
  drafts: Draft[],
  firstAllowed: number,
): { body: Draft[]; closing: Draft[] } {
  const at = drafts.findIndex((d, i) => i >= firstAllowed && !d.heading && closingCue.test(textOf(text, d)));
  return at < 0 ? { body: drafts, closing: [] } : { body: drafts.slice(0, at), closing: drafts.slice(at) };
}

/** The text blocks of the body in order; footnote definitions go to `notes`, junk is skipped. */
export function* textBlocks(blocks: Block[], body: number[], notes: Block[]): Generator<[number, Block]> {
  for (const i of body) {
    const b = blocks[i];
    if (b.kind === 'footnote') notes.push(b);
    else if (b.kind === 'text') yield [i, b];
  }
}
