/**
 * A draft as a Word document in the official-document layout (official-layout.ts). Footnote marks
 * [n] become real Word footnotes; 【待核实…】 markers and 〖上年表述…〗 sentences are highlighted for
 * the writer, each in its own colour (docx-runs.ts).
 */
import { AlignmentType, Document, Paragraph as DocxParagraph, HeadingLevel, Packer, TextRun } from 'docx';
import { xmlSafe } from '../text/index.ts';
import { bodyRuns } from './docx-runs.ts';
import {
  exactLine,
  font,
  officialFonts,
  officialPage,
  officialSection,
  officialStyles,
  size,
  twoChars,
} from './official-layout.ts';
import type { Draft } from './types.ts';

/** What the Word export reads of a draft; a parsed report has the same shape, so it exports too. */
export interface OfficialDocument extends Pick<Draft, 'title'> {
  preamble: readonly { text: string }[];
  partsIntro: { text: string } | null;
  parts: readonly { marker: string; title: string; paragraphs: readonly { text: string }[] }[];
  closing: readonly { text: string }[];
  footnotes: readonly { mark: number; text: string }[];
  /** Placed after the text on a page of its own (the `--trace` sources appendix). */
  appendix?: { title: string; lines: readonly string[] };
}

/** The title, centred in Word's Title style. */
function titleParagraph(title: string): DocxParagraph {
  return new DocxParagraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine, after: officialPage.linePitch },
    children: [
      new TextRun({
        text: xmlSafe(title),
        font: { eastAsia: officialFonts.title, ascii: officialFonts.title, hAnsi: officialFonts.title },
        size: size.erhao,
      }),
    ],
  });
}

/** A part heading (一)… in Heading 1, so readers see the structure. */
function partHeading(text: string): DocxParagraph {
  return new DocxParagraph({
    heading: HeadingLevel.HEADING_1,
    indent: twoChars,
    spacing: exactLine,
    children: [
      new TextRun({
        text: xmlSafe(text),
        font: font(officialFonts.heading),
        size: size.sanhao,
        bold: false,
        color: '000000',
      }),
    ],
  });
}

/** The appendix on a page of its own: its heading, then one small paragraph a line. */
function appendixParagraphs(appendix: NonNullable<OfficialDocument['appendix']>): DocxParagraph[] {
  return [
    new DocxParagraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun({ text: appendix.title, font: font(officialFonts.heading), size: size.sanhao })],
    }),
    ...appendix.lines.map(
      (line) =>
        new DocxParagraph({
          children: [new TextRun({ text: line, font: font(officialFonts.body), size: 24 })],
        }),
    ),
  ];
}

/** The document's footnotes by mark, for Word's footnotes part. */
function footnotesOf(draft: OfficialDocument) {
  return Object.fromEntries(
    draft.footnotes.map((f) => [
      String(f.mark),
      {
        children: [
          new DocxParagraph({
            children: [new TextRun({ text: xmlSafe(f.text), font: font(officialFonts.body), size: 24 })],
          }),
        ],
      },
    ]),
  );
}

/** The paragraphs in reading order: title, preamble, parts intro, parts, closing, appendix. */
function documentParagraphs(draft: OfficialDocument): DocxParagraph[] {
  const footnoteIds = new Set(draft.footnotes.map((f) => f.mark));
  const body = (text: string): DocxParagraph =>
    new DocxParagraph({
      style: 'GovBody',
      indent: twoChars,
      spacing: exactLine,
      children: bodyRuns(text, footnoteIds),
    });
  const children: DocxParagraph[] = [];
  if (draft.title) children.push(titleParagraph(draft.title));
  for (const p of draft.preamble) children.push(body(p.text));
  if (draft.partsIntro) children.push(body(draft.partsIntro.text));
  for (const part of draft.parts) {
    children.push(partHeading(`${part.marker}${part.title}`));
    for (const p of part.paragraphs) if (p.text.trim()) children.push(body(p.text));
  }
  for (const p of draft.closing) children.push(body(p.text));
  if (draft.appendix) children.push(...appendixParagraphs(draft.appendix));
  return children;
}

/**
 * Renders a draft (or a report) as a .docx in the GB/T 9704-2012 layout. The title uses Word's Title
 * style and part headings Heading 1 (restyled to the standard's fonts), so readers such as mammoth
 * see the structure.
 */
export async function draftDocx(draft: OfficialDocument): Promise<Uint8Array> {
  const document = new Document({
    title: xmlSafe(draft.title),
    creator: 'govdraft',
    evenAndOddHeaderAndFooters: true,
    footnotes: footnotesOf(draft),
    styles: officialStyles,
    sections: [{ ...officialSection, children: documentParagraphs(draft) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
