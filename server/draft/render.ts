/**
 * A draft as text and as Markdown through the report renderers, so a draft is laid out exactly like
 * a report (title; paragraphs indented, blank lines between; headings (一)…; footnotes [1]… last),
 * parses back into the same structure, and `govdraft check` reads it like any report.
 */

import type { Paragraph, Report } from '../report/index.ts';
import { renderMarkdown, renderText } from '../report/index.ts';
import type { Draft, DraftParagraph } from './types.ts';

const noSpan = { start: 0, end: 0 };

/**
 * The draft seen as a Report for rendering. Spans are empty and the text is not assembled: the
 * renderers read only titles, markers, paragraph texts and footnotes.
 */
export function draftAsReport(draft: Draft): Report {
  let index = 0;
  const paragraph = (p: DraftParagraph): Paragraph => ({
    index: index++,
    text: p.text,
    topic: p.topic,
    span: noSpan,
    truncated: false,
    footnoteMarks: [],
  });
  const keep = (p: DraftParagraph): boolean => p.text.trim().length > 0;
  return {
    id: draft.id,
    title: draft.title,
    org: draft.org,
    year: draft.year,
    planYear: null,
    text: '',
    titleSpan: noSpan,
    preamble: draft.preamble.filter(keep).map(paragraph),
    partsIntro: draft.partsIntro && keep(draft.partsIntro) ? paragraph(draft.partsIntro) : null,
    sections: [],
    parts: draft.parts.map((part, i) => ({
      number: i + 1,
      marker: part.marker,
      title: part.title,
      headingSpan: noSpan,
      paragraphs: part.paragraphs.filter(keep).map(paragraph),
      kind: 'review' as const,
      section: null,
    })),
    closing: draft.closing.filter(keep).map(paragraph),
    footnotes: draft.footnotes.map((f) => ({ mark: f.mark, text: f.text, span: noSpan, refs: [] })),
    source: { fileName: null, format: 'txt', encoding: 'utf-8', bytes: 0 },
  };
}

/** The draft as plain text in the seed report's layout. */
export function draftText(draft: Draft): string {
  return renderText(draftAsReport(draft));
}

/** The draft as Markdown: `# title`, `## (一)…` headings, paragraphs, footnotes as `[1]…` lines. */
export function draftMarkdown(draft: Draft): string {
  return renderMarkdown(draftAsReport(draft));
}
