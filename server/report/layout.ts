/**
 * Laying the body of a report out: which blocks are the preamble, the parts (with their headings),
 * the outer sections, the closing and the footnotes. Reports without outer sections are read as
 * before (the outermost heading level is the parts, closing headings and cues start the closing);
 * reports with review / problems / plan sections are laid out by layout-sections.ts.
 */
import type { Block } from './blocks.ts';
import { isClosingHeading } from './headings.ts';
import {
  closingCue,
  type Draft,
  emptyHeading,
  type Layout,
  splitClosing,
  splitUnheaded,
  textBlocks,
  toDraft,
} from './layout-drafts.ts';
import { layoutSections } from './layout-sections.ts';
import {
  choosePartHeadings,
  type HeadingCandidate,
  headingCandidate,
  isOuterFamily,
} from './part-headings.ts';
import { chooseLevels, sectionLineCandidate } from './sections.ts';

/** The layout of a report without outer sections (the seed's shape and its variants). */
function layoutFlat(text: string, blocks: Block[], body: number[], candidates: HeadingCandidate[]): Layout {
  const { family: partsFamily, accepted } = choosePartHeadings(candidates);
  const acceptedByBlock = new Map(accepted.map((c) => [c.block, c]));
  const candidateByBlock = new Map(candidates.map((c) => [c.block, c]));
  const lastPartBlock = accepted.at(-1)?.block ?? -1;
  const out: Layout = { preamble: [], parts: [], sections: [], closing: [], footnoteBlocks: [] };
  let state: 'preamble' | 'parts' | 'closing' = 'preamble';
  for (const [i, b] of textBlocks(blocks, body, out.footnoteBlocks)) {
    const candidate = candidateByBlock.get(i);
    const draft = toDraft(b, candidate);
    const closingHeading = (candidate?.closing ?? false) || (b.text.length <= 30 && isClosingHeading(b.text));
    if (state !== 'closing' && closingHeading && (state === 'parts' || partsFamily === '')) {
      state = 'closing';
      draft.heading = true;
    }
    if (state === 'closing') {
      out.closing.push(draft);
      continue;
    }
    const part = acceptedByBlock.get(i);
    if (part) {
      state = 'parts';
      const drafts: Draft[] = part.rest ? [{ span: part.rest, heading: false, bodyOffset: 0 }] : [];
      out.parts.push({ heading: part, drafts, kind: 'review', section: null });
      continue;
    }
    if (candidate && partsFamily && candidate.rest === null && isOuterFamily(candidate.family, partsFamily))
      continue;
    if (state === 'preamble') out.preamble.push(draft);
    else {
      const current = out.parts[out.parts.length - 1];
      if (current.heading.block === lastPartBlock && current.drafts.length > 0 && !draft.heading) {
        if (closingCue.test(text.slice(draft.span.start, draft.span.end))) {
          state = 'closing';
          out.closing.push(draft);
          continue;
        }
      }
      current.drafts.push(draft);
    }
  }
  if (partsFamily === '') {
    const split = splitUnheaded(text, out.preamble);
    out.preamble = split.preamble;
    if (out.closing.length === 0) {
      const tail = splitClosing(text, split.body, 1);
      out.closing = tail.closing;
      split.body = tail.body;
    }
    if (split.body.length > 0) {
      out.parts.push({
        heading: emptyHeading(split.body[0].span.start),
        drafts: split.body,
        kind: 'review',
        section: null,
      });
    }
  }
  return out;
}

/**
 * Lays out the blocks after the title (index `titleIndex`): outer sections when the report has them,
 * else the flat layout of parts and closing.
 */
export function layoutBody(text: string, blocks: Block[], titleIndex: number): Layout {
  const body = blocks.map((_, i) => i).filter((i) => i > titleIndex);
  const candidates = body
    .map((i) => sectionLineCandidate(blocks, i) ?? headingCandidate(blocks, i))
    .filter((c) => c !== null);
  const levels = chooseLevels(candidates);
  if (levels.outer !== '') return layoutSections(text, blocks, body, candidates, levels);
  const marked = candidates.filter((c) => c.family !== 'line');
  return layoutFlat(text, blocks, body, marked);
}
