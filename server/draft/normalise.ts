/** A draft made consistent before it is saved: parts renumbered, every paragraph's derived fields recomputed. */
import { mapParagraphs } from './document/index.ts';
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
  return { ...mapParagraphs(renumberParts(draft), refreshParagraph), updatedAt: now.toISOString() };
}
