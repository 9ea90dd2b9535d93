import type { Paragraph as DocxParagraph } from 'docx';
import type { Paragraph, Report } from './types.ts';

/** First-line indent of two Chinese characters at 12 pt (in twentieths of a point). */
const twoCharIndent = 480;

/**
 * Renders a report as a Word document: the title in Word's Title style, part headings in
 * Heading 1, paragraphs indented by two characters, footnotes as `[1]…` paragraphs at the end.
 * Reading it back with parseReportFile gives the same structure.
 */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const { Document, Paragraph: DocxParagraph, HeadingLevel, Packer } = await import('docx');
  const children: DocxParagraph[] = [];
  const paragraph = (p: Paragraph | string): void => {
    const text = typeof p === 'string' ? p : p.text;
    children.push(new DocxParagraph({ text, indent: { firstLine: twoCharIndent } }));
  };
  if (report.title) children.push(new DocxParagraph({ text: report.title, heading: HeadingLevel.TITLE }));
  report.preamble.forEach(paragraph);
  if (report.partsIntro) paragraph(report.partsIntro);
  for (const part of report.parts) {
    const heading = `${part.marker}${part.title}`.trim();
    if (heading) children.push(new DocxParagraph({ text: heading, heading: HeadingLevel.HEADING_1 }));
    part.paragraphs.forEach(paragraph);
  }
  report.closing.forEach(paragraph);
  for (const f of report.footnotes) paragraph(`[${f.mark}]${f.text}`);
  const document = new Document({ title: report.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
