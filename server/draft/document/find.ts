/** Finding a paragraph of a draft by id, with where it lives. */
import type { Draft, DraftParagraph, DraftPart } from '../types.ts';

/** Where a paragraph lives: the opening (preamble and parts intro), a part, or the closing. */
export type ParagraphPlace = { kind: 'preamble' } | { kind: 'part'; part: DraftPart } | { kind: 'closing' };

/** A paragraph found in a draft: the paragraph, its place, and its part (null outside the parts). */
export interface FoundParagraph {
  paragraph: DraftParagraph;
  place: ParagraphPlace;
  part: DraftPart | null;
}

/** A paragraph by id with where it lives, or null when the draft has no such paragraph. */
export function findParagraph(draft: Draft, id: string): FoundParagraph | null {
  const opening = [...draft.preamble, ...(draft.partsIntro ? [draft.partsIntro] : [])].find(
    (p) => p.id === id,
  );
  if (opening) return { paragraph: opening, place: { kind: 'preamble' }, part: null };
  for (const part of draft.parts) {
    const paragraph = part.paragraphs.find((p) => p.id === id);
    if (paragraph) return { paragraph, place: { kind: 'part', part }, part };
  }
  const closing = draft.closing.find((p) => p.id === id);
  return closing ? { paragraph: closing, place: { kind: 'closing' }, part: null } : null;
}
