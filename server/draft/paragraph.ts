/** Keeping a paragraph's derived fields true to its text after an edit: figure spans, pending count, topic. */
import { topicSentence } from '../report/topic.ts';
import { countPending } from './pending.ts';
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
