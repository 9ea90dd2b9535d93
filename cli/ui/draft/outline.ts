/**
 * The outline tree of the draft workspace: 标题, 开头, (一)…(六) with their paragraphs, 存在问题, 注释.
 * Pure: rows are derived from the draft and which branches are open.
 */

import type { Draft, DraftParagraph } from '../../../server/draft/index.ts';
import { findParagraph as findDraftParagraph } from '../../../server/draft/index.ts';

/** A branch of the tree that holds paragraphs. */
export type Branch = { kind: 'preamble' } | { kind: 'part'; partId: string } | { kind: 'closing' };

/** One row of the outline. */
export type OutlineRow =
  | { kind: 'title'; key: string; label: string }
  | { kind: 'preamble'; key: string; label: string; open: boolean }
  | { kind: 'part'; key: string; label: string; open: boolean; partId: string; index: number }
  | { kind: 'closing'; key: string; label: string; open: boolean }
  | { kind: 'footnotes'; key: string; label: string }
  | {
      kind: 'paragraph';
      key: string;
      label: string;
      paragraphId: string;
      /** Where the paragraph lives. */
      branch: Branch;
      /** 1-based position within its branch. */
      number: number;
    };

/** The key of a branch, as kept in the set of open branches. */
export const branchKey = (branch: Branch): string => (branch.kind === 'part' ? branch.partId : branch.kind);

/** A paragraph's short label: its topic sentence, or the start of its text. */
function paragraphLabel(p: DraftParagraph): string {
  const text = (p.topic ?? p.text).trim();
  return text || '(空段落)';
}

/** The rows of the outline, with the paragraphs of open branches listed under them. */
export function outlineRows(draft: Draft, open: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [{ kind: 'title', key: 'title', label: `标题 ${draft.title}` }];
  const children = (branch: Branch, paragraphs: readonly DraftParagraph[]) => {
    if (!open.has(branchKey(branch))) return;
    paragraphs.forEach((p, i) => {
      rows.push({
        kind: 'paragraph',
        key: `p:${p.id}`,
        label: `${i + 1} ${paragraphLabel(p)}`,
        paragraphId: p.id,
        branch,
        number: i + 1,
      });
    });
  };
  const intro = [...draft.preamble, ...(draft.partsIntro ? [draft.partsIntro] : [])];
  rows.push({
    kind: 'preamble',
    key: 'preamble',
    label: `开头(${intro.length} 段)`,
    open: open.has('preamble'),
  });
  children({ kind: 'preamble' }, intro);
  draft.parts.forEach((part, index) => {
    rows.push({
      kind: 'part',
      key: `part:${part.id}`,
      label: `${part.marker}${part.title}`,
      open: open.has(part.id),
      partId: part.id,
      index,
    });
    children({ kind: 'part', partId: part.id }, part.paragraphs);
  });
  rows.push({
    kind: 'closing',
    key: 'closing',
    label: `存在问题(${draft.closing.length} 段)`,
    open: open.has('closing'),
  });
  children({ kind: 'closing' }, draft.closing);
  rows.push({ kind: 'footnotes', key: 'footnotes', label: `注释(${draft.footnotes.length} 条)` });
  return rows;
}

/** The branch a row belongs to: a paragraph's, or the branch row's own; null for 标题 and 注释. */
export function branchOfRow(row: OutlineRow | undefined): Branch | null {
  if (!row) return null;
  if (row.kind === 'paragraph') return row.branch;
  if (row.kind === 'part') return { kind: 'part', partId: row.partId };
  if (row.kind === 'preamble' || row.kind === 'closing') return { kind: row.kind };
  return null;
}

/** The paragraphs of a branch, in order (the parts intro counts as the last paragraph of 开头). */
export function branchParagraphs(draft: Draft, branch: Branch): DraftParagraph[] {
  if (branch.kind === 'preamble') return [...draft.preamble, ...(draft.partsIntro ? [draft.partsIntro] : [])];
  if (branch.kind === 'closing') return draft.closing;
  return draft.parts.find((p) => p.id === branch.partId)?.paragraphs ?? [];
}

/** A paragraph by id, with the branch holding it (the draft document's find, placed in the outline). */
export function findParagraph(
  draft: Draft,
  id: string,
): { paragraph: DraftParagraph; branch: Branch } | null {
  const found = findDraftParagraph(draft, id);
  if (!found) return null;
  const { place } = found;
  return {
    paragraph: found.paragraph,
    branch: place.kind === 'part' ? { kind: 'part', partId: place.part.id } : place,
  };
}
