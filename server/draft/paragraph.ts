/**
 * Keeping a paragraph's derived fields true to its text after an edit or a restyling: figure spans,
 * pending count, topic.
 */
import { extractClaims, holds, unitsCompatible } from '../figures/index.ts';
import { countPending, pendingSpans } from '../marks/index.ts';
import { topicSentence } from '../report/index.ts';
import type { DraftFigure, DraftParagraph } from './types.ts';

/**
 * The figures still written in `text`, with their spans found again (in order, nearest the old
 * position first); figures the edit removed are dropped.
 */
export function relocateFigures(text: string, figures: readonly DraftFigure[]): DraftFigure[] {
  const out: DraftFigure[] = [];
  let cursor = 0;
  for (const figure of figures) {
    const at =
      figure.start >= cursor && text.startsWith(figure.text, figure.start)
        ? figure.start
        : text.indexOf(figure.text, cursor);
    if (at < 0 || figure.text.length === 0) continue;
    out.push({ ...figure, start: at, end: at + figure.text.length });
    cursor = at + figure.text.length;
  }
  return out;
}

/** The paragraph with figures, pending count and topic recomputed from its text. */
export function refreshParagraph(paragraph: DraftParagraph): DraftParagraph {
  return {
    ...paragraph,
    topic: topicSentence(paragraph.text),
    figures: relocateFigures(paragraph.text, paragraph.figures),
    pending: countPending(paragraph.text),
  };
}

/**
 * The engine's figures found again in a rewritten text (a model's restyling): each figure goes to the
 * next claim of the new text whose written interval holds its value in a compatible unit, each pending
 * figure to the next 【待核实…】 marker; figures not found are dropped.
 */
export function alignFigures(text: string, figures: readonly DraftFigure[]): DraftFigure[] {
  const markers = pendingSpans(text);
  const claims = extractClaims(text).filter(
    (c) => !markers.some((m) => c.start >= m.start && c.end <= m.end),
  );
  const taken = new Set<number>();
  let marker = 0;
  const out: DraftFigure[] = [];
  for (const figure of figures) {
    if (figure.status === 'pending') {
      const m = markers[marker++];
      if (m) out.push({ ...figure, start: m.start, end: m.end, text: m.text });
      continue;
    }
    const value = figure.value;
    const at = claims.findIndex(
      (c, i) => !taken.has(i) && value !== null && unitsCompatible(c.unit, figure.unit) && holds(c, value),
    );
    if (at < 0) continue;
    taken.add(at);
    out.push({ ...figure, start: claims[at].start, end: claims[at].end, text: claims[at].text });
  }
  return out.sort((a, b) => a.start - b.start);
}
