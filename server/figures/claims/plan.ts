/**
 * The plan of a report (三、2024年工作计划, 下一步工作打算): its figures are targets for the next year,
 * not facts of the year reported on, so they are never judged against that year's ledger or against
 * the review's figures.
 */
import type { Span } from '../../text/index.ts';

/** A heading line: a numbered part (三、, (三), 3.) or a short line on its own. */
const numbered =
  /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;
const planWords = /计划|打算|思路|要点|安排|下一步|下步|明年|目标任务|工作重点/;

/** The spans of a text that hold its plan for the next year, from a plan heading to the next top heading. */
export function planSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  let at = 0;
  for (const line of text.split('\n')) {
    const heading = numbered.test(line) && line.trim().length <= 40;
    if (heading && /^\s*[一二三四五六七八九十]+、/.test(line)) {
      if (open !== null && !planWords.test(line)) {
        spans.push({ start: open, end: at });
        open = null;
      }
      if (open === null && planWords.test(line)) open = at;
    }
    at += line.length + 1;
  }
  if (open !== null) spans.push({ start: open, end: text.length });
  return spans;
}
