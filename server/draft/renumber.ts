/**
 * Renumbering after parts are added, removed or reordered: markers (一)…(六) follow the order, in
 * the bracket style the draft already uses, and the parts intro's count follows the number of parts
 * (主要开展了以下六方面工作 → 以下七方面工作). Pure: the API applies it on every save.
 */
import { toChineseNumeral } from '../figures/index.ts';
import type { Draft, DraftPart } from './types.ts';

/** Bracket style of a marker: （一） / (一) / 一、; the seed's (一) when no part has a marker. */
function markerStyle(parts: readonly DraftPart[]): { open: string; close: string } {
  for (const part of parts) {
    const m = /^([(（]?)[一二三四五六七八九十]+([)）、.．]?)$/.exec(part.marker.trim());
    if (m && (m[1] || m[2])) return { open: m[1], close: m[2] };
  }
  return { open: '(', close: ')' };
}

/**
 * The marker of the n-th part (1-based) in a style.
 * @example partMarker(3, { open: '(', close: ')' }) // '(三)'
 */
export function partMarker(
  n: number,
  style: { open: string; close: string } = { open: '(', close: ')' },
): string {
  return `${style.open}${toChineseNumeral(n)}${style.close}`;
}

/** Replaces the count in 以下六方面工作 / 以下六个方面 / 六项工作 with `count`. */
function recount(intro: string, count: number): string {
  return intro.replace(
    /(以下|如下)?([一二三四五六七八九十两]+)(个方面|方面|项|个部分|部分)/,
    (_whole, lead: string | undefined, _n: string, what: string) =>
      `${lead ?? ''}${toChineseNumeral(count)}${what}`,
  );
}

/**
 * The draft with its parts renumbered in order and the parts intro's count updated; nothing else
 * changes (ids, texts and figures stay as they are). A part with neither marker nor title (the one
 * block of a report without headings) keeps no marker.
 */
export function renumberParts(draft: Draft): Draft {
  const work = draft.parts.filter((part) => part.kind !== 'plan');
  const style = markerStyle(work);
  let n = 0;
  // A headingless block (a report without parts: no marker, no title) stays without a heading; last
  // year's plan keeps its own (三、2025年工作计划) and is not one of the parts counted.
  const parts = draft.parts.map((part) =>
    part.kind === 'plan' || (!part.marker && !part.title.trim())
      ? part
      : { ...part, marker: partMarker(++n, style) },
  );
  const partsIntro = draft.partsIntro && {
    ...draft.partsIntro,
    text: recount(draft.partsIntro.text, work.length),
  };
  return { ...draft, parts, partsIntro };
}
