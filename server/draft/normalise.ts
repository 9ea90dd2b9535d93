/** A draft made consistent before it is saved: parts renumbered, every paragraph's derived fields recomputed. */
import { refreshParagraph } from './paragraph.ts';
import { renumberParts } from './renumber.ts';
import type { Draft } from './types.ts';

/**
 * A draft as read from disk, with the fields added after schema version 1 filled in for drafts saved
 * before they existed (ledgerMissing: false).
 */
export function upgradeDraft(saved: Draft): Draft {
  return { ...saved, ledgerMissing: saved.ledgerMissing ?? false };
}

/**
 * The draft as it is saved: markers (一)… in order and the intro's count, figure spans, pending counts
 * and topics true to the texts, `updatedAt` set to `now`.
 */
export function normaliseDraft(draft: Draft, now = new Date()): Draft {
  const renumbered = renumberParts(draft);
  return {
    ...renumbered,
    preamble: renumbered.preamble.map(refreshParagraph),
    partsIntro: renumbered.partsIntro && refreshParagraph(renumbered.partsIntro),
    parts: renumbered.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.map(refreshParagraph) })),
    closing: renumbered.closing.map(refreshParagraph),
    updatedAt: now.toISOString(),
  };
}
