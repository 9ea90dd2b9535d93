/**
 * A material's figures checked against the ledger of its year on the way in: the whole text is
 * checked (a figure's subject may come from the sentence before), each claim is given to the
 * sentence holding it. A sentence with a contradicted figure flags its material. Pure.
 */

import type { CheckedClaim, LedgerRecord } from '../figures/index.ts';
import { checkText } from '../figures/index.ts';
import type { MaterialChunk, MaterialFigure } from '../store/index.ts';

/** A checked claim as a figure of a sentence starting at `offset`. */
export function materialFigure(claim: CheckedClaim, offset: number): MaterialFigure {
  return {
    start: claim.start - offset,
    end: claim.end - offset,
    text: claim.text,
    value: claim.value,
    unit: claim.unit,
    metric: claim.metric,
    verdict: claim.verdict,
    expected: claim.expected,
    source: claim.source,
  };
}

/**
 * The sentences with their figures checked against `ledger` for `year` (the records of that year
 * and the year before, for changes); `text` is the material's text the sentences' offsets point into.
 */
export function checkMaterial(
  chunks: readonly MaterialChunk[],
  text: string,
  ledger: readonly LedgerRecord[],
  year: number,
): MaterialChunk[] {
  const { claims } = checkText(text, ledger, { year });
  return chunks.map((chunk) => ({
    ...chunk,
    figures: claims
      .filter((c) => c.start >= chunk.start && c.end <= chunk.end)
      .map((c) => materialFigure(c, chunk.start)),
  }));
}

/** True when a sentence states a figure the ledger contradicts. */
export function contradicts(chunk: Pick<MaterialChunk, 'figures'>): boolean {
  return chunk.figures.some((f) => f.verdict === 'contradicted');
}
