/** A checked text with its figures coloured by verdict, and the summary chips. */
import type { CheckedClaim, CheckSummary } from '../../figures/types.ts';
import { verdictWord } from '../../marks/index.ts';
import { h } from './dom.ts';

/** The id of the mark of claim `index` in a text marked with `prefix`. */
export const markId = (prefix: string, index: number): string => `${prefix}-${index}`;

/**
 * The text with each claim's figure in a <mark> coloured by its verdict (ids by claim index, so a
 * problem list can point at them). Overlapping claims keep the first.
 */
export function markedText(text: string, claims: readonly CheckedClaim[], prefix: string): DocumentFragment {
  const out = document.createDocumentFragment();
  const order = claims
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => a.claim.start - b.claim.start);
  let at = 0;
  for (const { claim, index } of order) {
    if (claim.start < at || claim.end > text.length) continue;
    out.append(text.slice(at, claim.start));
    const title = `${verdictWord[claim.verdict]}：${claim.explanation}`;
    out.append(
      h(
        'mark',
        { class: `fig ${claim.verdict}`, id: markId(prefix, index), title, tabindex: -1 },
        text.slice(claim.start, claim.end),
      ),
    );
    at = claim.end;
  }
  out.append(text.slice(at));
  return out;
}

/** 相符 n · 不符 n · 无法核对 n, coloured like the marks. */
export function summaryChips(summary: CheckSummary): HTMLElement[] {
  return (['supported', 'contradicted', 'unverified'] as const).map((verdict) =>
    h('span', { class: `chip ${verdict}` }, `${verdictWord[verdict]} ${summary[verdict]}`),
  );
}

/** Scrolls to a mark and focuses it, outlined until another one is shown. */
export function showMark(id: string): void {
  const mark = document.getElementById(id);
  if (!mark) return;
  for (const other of document.querySelectorAll('.fig.flash')) other.classList.remove('flash');
  mark.classList.add('flash');
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}
