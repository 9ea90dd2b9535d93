/** Finding a cited passage in its report's text, to scroll to it and mark it. */

export interface Span {
  start: number;
  end: number;
}

/**
 * Where a passage is in a text: exactly, else its first sentence or first 20 characters (the
 * rendered report may break lines differently); null when it is not there at all.
 * @example locate('甲。乙丙。', '乙丙。') → { start: 2, end: 5 }
 */
export function locate(text: string, passage: string): Span | null {
  const wanted = passage.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length };
  const firstSentence = /^[^。！？!?\n]+[。！？!?]?/.exec(wanted)?.[0] ?? '';
  for (const probe of [firstSentence, wanted.slice(0, 20)]) {
    if (probe.length < 6) continue;
    const at = text.indexOf(probe);
    if (at >= 0) return { start: at, end: at + probe.length };
  }
  return null;
}
