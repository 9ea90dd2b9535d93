import { bodyPieces } from './body-order.ts';
import type { Paragraph, Report } from './types.ts';

const indent = '  ';

/**
 * Renders a report as plain text in the seed's layout: the title, then every paragraph indented by
 * two spaces with a blank line between, part headings as `(一)…`, footnotes last as `[1]…`.
 * parseReportText(renderText(r)) gives back r's structure.
 */
export function renderText(report: Report): string {
  const blocks: string[] = [];
  const paragraph = (p: Paragraph): void => {
    blocks.push(indent + p.text);
  };
  if (report.title) blocks.push(report.title);
  for (const piece of bodyPieces(report)) {
    if ('paragraph' in piece) paragraph(piece.paragraph);
    else blocks.push(indent + piece.heading);
  }
  const body = blocks.join('\n\n');
  if (report.footnotes.length === 0) return `${body}\n`;
  const notes = report.footnotes.map((f) => `${indent}[${f.mark}]${f.text}`).join('\n\n');
  return `${body}\n\n\n${notes}\n`;
}

/** Escapes what Markdown would read as syntax at the start of a line (#, >, list bullets). */
function escapeLineStarts(text: string): string {
  return text.replace(/^(\s*)([#>*+-])/gm, '$1\\$2');
}

/**
 * Renders a report as Markdown: `# title`, `## (一)…` for parts (`## 一、…` for sections and `### (一)…`
 * for their parts), paragraphs between blank lines, footnotes as `[1]…` lines at the end.
 */
export function renderMarkdown(report: Report): string {
  const blocks: string[] = [];
  const paragraph = (p: Paragraph): void => {
    blocks.push(escapeLineStarts(p.text));
  };
  if (report.title) blocks.push(`# ${report.title}`);
  for (const piece of bodyPieces(report)) {
    if ('paragraph' in piece) paragraph(piece.paragraph);
    else blocks.push(`${'#'.repeat(piece.level + 1)} ${piece.heading}`);
  }
  for (const f of report.footnotes) blocks.push(escapeLineStarts(`[${f.mark}]${f.text}`));
  return `${blocks.join('\n\n')}\n`;
}
