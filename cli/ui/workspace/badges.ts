/** The badge of each outline row: the worst problem of its paragraph, or of the paragraphs under it. */
import type { Draft } from '../../../server/draft/index.ts';
import type { CheckResult } from '../../../server/figures/index.ts';
import type { Badge } from '../components/outline-pane.tsx';
import { branchOfRow, branchParagraphs, findParagraph, type OutlineRow } from '../draft/outline.ts';
import { paragraphProblems } from '../layout/draft-view.ts';

const rank: Badge[] = ['none', 'clean', 'unverified', 'pending', 'contradicted'];
const worst = (a: Badge, b: Badge): Badge => (rank.indexOf(a) >= rank.indexOf(b) ? a : b);

/** The badges of the rows shown; `drafting` is the paragraph being generated (…). */
export function badgesOf(
  draft: Draft,
  rows: readonly OutlineRow[],
  checks: ReadonlyMap<string, CheckResult>,
  drafting: string | null,
): Map<string, Badge> {
  const ofParagraph = (id: string): Badge => {
    if (id === drafting) return 'drafting';
    const found = findParagraph(draft, id);
    const check = checks.get(id);
    if (!found || !check) return 'none';
    const p = paragraphProblems(found.paragraph, check);
    if (p.contradicted) return 'contradicted';
    if (p.pending || p.yearBound || p.carriedOver) return 'pending';
    if (p.unverified) return 'unverified';
    return check.claims.length > 0 ? 'clean' : 'none';
  };
  const badges = new Map<string, Badge>();
  for (const row of rows) {
    if (row.kind === 'paragraph') {
      badges.set(row.key, ofParagraph(row.paragraphId));
      continue;
    }
    const branch = branchOfRow(row);
    if (!branch) continue;
    const ids = branchParagraphs(draft, branch).map((p) => p.id);
    badges.set(
      row.key,
      ids.includes(drafting ?? '') ? 'drafting' : ids.map(ofParagraph).reduce(worst, 'none'),
    );
  }
  return badges;
}
