/** The body of a report in reading order, as the renderers (text, Markdown, .docx) write it. */
import type { Paragraph, Report } from './types.ts';

const headingText = (marker: string, title: string): string => `${marker}${title}`.trim();

/** One piece of the body in reading order: a paragraph, a part heading or a section heading. */
export type Piece = { at: number; paragraph: Paragraph } | { at: number; heading: string; level: 1 | 2 };

/**
 * The body in reading order (by position in the text; a report built without spans keeps its own
 * order): section headings, part headings and paragraphs. A problems section's heading, which the
 * closing also holds as its first paragraph, is written once, as a heading.
 */
export function bodyPieces(report: Report): Piece[] {
  const out: Piece[] = [];
  const headings = new Set(report.sections.map((s) => `${s.headingSpan.start}:${s.headingSpan.end}`));
  const add = (p: Paragraph): void => {
    if (!headings.has(`${p.span.start}:${p.span.end}`)) out.push({ at: p.span.start, paragraph: p });
  };
  report.preamble.forEach(add);
  if (report.partsIntro) add(report.partsIntro);
  for (const s of report.sections) {
    out.push({ at: s.headingSpan.start, heading: headingText(s.marker, s.title), level: 1 });
  }
  const partLevel = report.sections.length > 0 ? 2 : 1;
  for (const part of report.parts) {
    const heading = headingText(part.marker, part.title);
    if (heading) out.push({ at: part.headingSpan.start, heading, level: partLevel });
    part.paragraphs.forEach(add);
  }
  report.closing.forEach(add);
  return out.sort((a, b) => a.at - b.at);
}
