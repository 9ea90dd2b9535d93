/**
 * A draft built from this year's materials, traced sentence by sentence: the paragraphs assembly
 * did not rebuild (the preamble, the closing, the ledger's new-metric sentences) get their trace, and
 * last year's sentences in the preamble and closing that nothing of this year backs are marked
 * 〖沿用上年·待更新：…〗 like those of the parts. Pure.
 */
import { composeParagraph } from './assemble-compose.ts';
import { Vocabulary } from './assemble-fit.ts';
import { carriedTrace } from './trace.ts';
import type { Draft, DraftParagraph } from './types.ts';

/** The draft with every paragraph traced (see the module comment). */
export function traceDraft(draft: Draft): Draft {
  const none = new Vocabulary([]);
  const carried = (p: DraftParagraph): DraftParagraph => {
    if (p.trace) return p;
    if (p.origin === 'carry-forward' && p.sourceText !== null) {
      return composeParagraph(p, [], none, draft.ledger, draft.year);
    }
    return { ...p, trace: carriedTrace(p, draft.ledger, draft.year) };
  };
  return {
    ...draft,
    preamble: draft.preamble.map(carried),
    partsIntro: draft.partsIntro && {
      ...draft.partsIntro,
      trace: carriedTrace(draft.partsIntro, draft.ledger, draft.year),
    },
    parts: draft.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.map(carried) })),
    closing: draft.closing.map(carried),
  };
}
