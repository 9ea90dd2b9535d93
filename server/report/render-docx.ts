import type { Paragraph as DocxParagraph } from 'docx';
import { bodyPieces } from './body-order.ts';
import type { Paragraph, Report } from './types.ts';

/** First-line indent of two Chinese characters at 12 pt (in twentieths of a point). */
const twoCharIndent = 480;

/**
 * Renders a report as a Word document: the title in Word's Title style, part headings in
 * Heading 1 (sections in Heading 1 and their parts in Heading 2), paragraphs indented by two
 * characters, footnotes as `[1]…` paragraphs at the end.
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
  for (const piece of bodyPieces(report)) {
    if ('paragraph' in piece) paragraph(piece.paragraph);
    else {
      const heading = piece.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      children.push(new DocxParagraph({ text: piece.heading, heading }));
    }
  }
  for (const f of report.footnotes) paragraph(`[${f.mark}]${f.text}`);
  const document = new Document({ title: report.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
