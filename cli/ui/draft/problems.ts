/**
 * The problems of a draft in reading order, gathered from what the API returned: every figure the
 * check did not find supported, every 【待核实…】 marker the engine left for a figure with no value
 * this year, and every 〖上年表述…〗 or 〖沿用上年·待更新…〗 sentence left for the writer to rewrite.
 */

import type { Draft, DraftFigure } from '../../../server/draft/index.ts';
import { allParagraphs } from '../../../server/draft/index.ts';
import type { CheckedClaim, CheckResult } from '../../../server/figures/index.ts';
import { rewriteSpans } from '../../../server/marks/index.ts';

/** One problem: a checked figure, a pending marker, or a sentence bound to last year. */
export type DraftProblem =
  | { kind: 'claim'; paragraphId: string; start: number; claim: CheckedClaim; index: number }
  | { kind: 'pending'; paragraphId: string; start: number; figure: DraftFigure }
  | { kind: 'year-bound'; paragraphId: string; start: number; text: string };

/** The problems of a draft, paragraph by paragraph, in text order within each. */
export function draftProblems(draft: Draft, checks: ReadonlyMap<string, CheckResult>): DraftProblem[] {
  return allParagraphs(draft).flatMap((paragraph) => {
    const id = paragraph.id;
    const problems: DraftProblem[] = [];
    const markers = paragraph.figures.filter((f) => f.status === 'pending');
    // Last year's figure inside a 【待核实:上年为…】 marker is that marker's problem, not another one.
    const inMarker = (c: CheckedClaim) => markers.some((m) => c.start >= m.start && c.end <= m.end);
    (checks.get(id)?.claims ?? []).forEach((claim, index) => {
      if (claim.verdict !== 'supported' && !inMarker(claim))
        problems.push({ kind: 'claim', paragraphId: id, start: claim.start, claim, index });
    });
    for (const figure of markers)
      problems.push({ kind: 'pending', paragraphId: id, start: figure.start, figure });
    for (const mark of rewriteSpans(paragraph.text))
      problems.push({ kind: 'year-bound', paragraphId: id, start: mark.start, text: mark.text });
    return problems.sort((a, b) => a.start - b.start);
  });
}
