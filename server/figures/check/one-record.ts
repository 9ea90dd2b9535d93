/**
 * One ledger value never fills two different figures: when several figures of a text are matched to
 * the same ledger row, only those whose subject the row names most closely keep their verdict (离婚登记
 * 3640对 keeps 离婚登记对数; 离婚冷静期撤回申请412对, whose 冷静期, 撤回, 申请 the row does not name, is
 * left unverified). Figures stating the same thing in the same words (a summary and its part) keep theirs.
 */
import type { ExtractedClaim } from '../claims/index.ts';
import type { Finding } from '../lookup/index.ts';
import { contentWords, unnamedWords, unverified } from '../lookup/index.ts';

/** How many of a figure's own subject words the row's metric does not name. */
function distance(claim: ExtractedClaim, metric: string): number {
  return unnamedWords(contentWords(claim.subject), metric).length;
}

/**
 * Leaves unverified every figure judged against a row another figure of the text names more closely.
 * `findings[i]` is the direct ledger finding of `claims[i]` (null when none).
 */
export function oneFigurePerRecord(
  claims: readonly ExtractedClaim[],
  findings: readonly (Finding | null)[],
): (Finding | null)[] {
  const byRow = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (!f?.source || !f.metric || f.verdict === 'unverified' || claims[i].subjects.length > 1) return;
    const members = byRow.get(f.source);
    if (members) members.push(i);
    else byRow.set(f.source, [i]);
  });
  const out = [...findings];
  for (const members of byRow.values()) {
    if (members.length < 2) continue;
    const metric = findings[members[0]]!.metric!;
    const far = members.map((i) => distance(claims[i], metric));
    const closest = far.reduce((a, b) => Math.min(a, b));
    const named = members[far.indexOf(closest)];
    members.forEach((i, k) => {
      if (far[k] === closest) return;
      out[i] = unverified(
        `台账“${metric}”已对应文中“${claims[named].text}”,本处“${claims[i].subject}”所指未必相同,无法核对。`,
        [metric],
      );
    });
  }
  return out;
}
