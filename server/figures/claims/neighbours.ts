/** The figures around a claim that a derivation may use: its sentence first, then the sentence before. */
import type { ExtractedClaim } from './claims.ts';

/** Claims of the same sentence, nearest first; the previous sentence of the paragraph after. */
export function neighbours(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
): ExtractedClaim[] {
  const i = claims.indexOf(claim);
  const out: ExtractedClaim[] = [];
  const paragraphStart = text.lastIndexOf('\n', claim.sentenceStart) + 1;
  for (let d = 1; d < 12; d++) {
    for (const j of [i - d, i + d]) {
      const other = claims[j];
      if (!other) continue;
      const sameSentence = other.sentenceStart === claim.sentenceStart;
      const previousSentence =
        j < i && other.sentenceStart >= paragraphStart && other.sentenceEnd <= claim.sentenceStart;
      if (sameSentence || previousSentence) out.push(other);
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.sentenceStart === claim.sentenceStart) - Number(a.sentenceStart === claim.sentenceStart),
  );
}
