/** What a comment on a figure says: the verdict, the expected value in the writer's form, where it comes from, why. */

import type { CheckedClaim } from '../figures/index.ts';
import { formatLike } from '../figures/index.ts';
import { verdictWord } from '../marks/index.ts';

/** Who writes the comments, as Word shows it. */
export const commentAuthor = { name: 'govdraft \u6570\u5B57\u6838\u67E5', initials: 'GD' } as const;

/** The expected value written the way the writer wrote the figure (139.76万元 → 152.34万元), or null. */
export function expectedAsWritten(claim: CheckedClaim): string | null {
  return claim.expected === null ? null : formatLike(claim.expected, claim.text);
}

/**
 * The paragraphs of a figure's comment. `since`: when an earlier check of this document already
 * raised the same finding.
 * @example commentParagraphs(claim) // ['不符：文中“160处”，台账为“154处”。', '台账：ganquan-2016.csv 第12行 拆除违法建筑处数', '与台账不符…']
 */
export function commentParagraphs(claim: CheckedClaim, since: string | null = null): string[] {
  const expected = expectedAsWritten(claim);
  const head =
    claim.verdict === 'contradicted' && expected
      ? `${verdictWord.contradicted}\uFF1A\u6587\u4E2D\u201C${claim.text}\u201D\uFF0C\u53F0\u8D26\u4E3A\u201C${expected}\u201D\u3002`
      : `${verdictWord[claim.verdict]}\uFF1A\u201C${claim.text}\u201D\u3002`;
  const lines = [head];
  if (claim.source) lines.push(`\u53F0\u8D26\uFF1A${claim.source}`);
  else if (claim.metric) lines.push(`\u53F0\u8D26\u6307\u6807\uFF1A${claim.metric}`);
  lines.push(claim.explanation);
  if (claim.candidates?.length)
    lines.push(`\u5019\u9009\u6307\u6807\uFF1A${claim.candidates.join('\u3001')}`);
  if (since) lines.push(`\u4E0A\u6B21\u6838\u67E5\u5DF2\u6307\u51FA\uFF08${since}\uFF09\u3002`);
  return lines;
}
