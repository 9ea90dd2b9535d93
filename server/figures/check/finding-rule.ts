/** The shape every derived check shares: what it looks at, and how a quotient is judged. */
import type { ExtractedClaim } from '../claims/index.ts';
import type { Finding, LedgerIndex, Operand } from '../lookup/index.ts';
import { judgeDerived, ratio } from '../lookup/index.ts';

/** What a derived check looks at: the claim, the other claims of its text, the text and the ledger. */
export interface Derivation {
  claim: ExtractedClaim;
  claims: readonly ExtractedClaim[];
  text: string;
  /** The ledger for the text's year; null without one (a derivation from the text alone). */
  ledger: { index: LedgerIndex; year: number } | null;
}

/** One way of deriving a claim's expected value from other values; null when it does not apply. */
export type FindingRule = (d: Derivation) => Finding | null;

/** The sentence a claim stands in: what ledger matching reads as its context. */
export const sentenceOf = (d: Derivation): string => d.text.slice(d.claim.sentenceStart, d.claim.sentenceEnd);

/** Judges a claimed rate or share against numerator ÷ denominator; null when the quotient is undefined. */
export function judgeQuotient(
  claim: ExtractedClaim,
  numerator: Operand,
  denominator: Operand,
  metric: string | null,
): Finding | null {
  const expected = ratio(numerator, denominator);
  if (!expected) return null;
  return judgeDerived(claim, expected, {
    metric,
    source: [numerator.source, denominator.source].join(';'),
    basis: `${numerator.label}÷${denominator.label}`,
  });
}
