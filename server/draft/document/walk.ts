/** Walking a draft's paragraphs: reading order and mapping, the parts intro included. */
import type { Draft, DraftParagraph } from '../types.ts';

/** Every paragraph of a draft in reading order: preamble, parts intro, each part's, closing. */
export function allParagraphs(draft: Draft): DraftParagraph[] {
  return [
    ...draft.preamble,
    ...(draft.partsIntro ? [draft.partsIntro] : []),
    ...draft.parts.flatMap((p) => p.paragraphs),
    ...draft.closing,
  ];
}

/** The draft with `fn` applied to every paragraph (preamble, intro, parts, closing). */
export function mapParagraphs(draft: Draft, fn: (p: DraftParagraph) => DraftParagraph): Draft {
  return {
    ...draft,
    preamble: draft.preamble.map(fn),
    partsIntro: draft.partsIntro && fn(draft.partsIntro),
    parts: draft.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.map(fn) })),
    closing: draft.closing.map(fn),
  };
}

/** The draft with one paragraph replaced (by id). */
export function replaceParagraph(draft: Draft, paragraph: DraftParagraph): Draft {
  return mapParagraphs(draft, (p) => (p.id === paragraph.id ? paragraph : p));
}
