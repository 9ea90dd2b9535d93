/**
 * A draft as a Word document in the official-document layout of GB/T 9704-2012: A4; margins top
 * 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a grid of 22 lines × 28 characters; title in
 * 方正小标宋简体 二号, centred; body in 仿宋_GB2312 三号 with a two-character first-line indent; part
 * headings in 楷体_GB2312 三号; page numbers “— 1 —” in 宋体 四号, odd pages right, even pages left.
 * Footnote marks [n] become real Word footnotes; 【待核实…】 markers and 〖上年表述…〗 sentences are
 * highlighted for the writer, each in its own colour.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Paragraph as DocxParagraph,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  TextRun,
} from 'docx';
import { pendingSpans, rewriteSpans } from '../marks/index.ts';
import { xmlSafe } from '../text/index.ts';
import type { Draft } from './types.ts';

const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const size = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/** GB/T 9704-2012 fonts; Latin letters and digits in Times New Roman beside the body fonts. */
export const officialFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Page geometry in twips: A4, the standard's margins, and its 22 × 28 grid. */
export const officialPage = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** (297 − 37 − 35) mm over 22 lines. */
  linePitch: Math.floor(mm(297 - 37 - 35) / 22),
  /**
   * (210 − 28 − 26) mm over 28 characters, as Word's grid states it: the pitch's difference from the
   * 三号 font size, in 4096ths of a point.
   */
  charSpace: Math.round((mm(210 - 28 - 26) / 28 / 20 - 16) * 4096),
} as const;

const exactLine = { line: officialPage.linePitch, lineRule: LineRuleType.EXACT };
const twoChars = { firstLineChars: 200, firstLine: 640 };

function font(name: string): { eastAsia: string; ascii: string; hAnsi: string } {
  return { eastAsia: name, ascii: officialFonts.latin, hAnsi: officialFonts.latin };
}

/** Highlight colours: a figure to verify, a sentence of last year's to rewrite. */
const highlights = { pending: 'yellow', yearBound: 'cyan' } as const;

/**
 * Runs of a body paragraph: footnote marks as footnote references, 【待核实…】 markers highlighted, and
 * 〖上年表述…〗 and 〖沿用上年·待更新…〗 sentences highlighted in their own colour (a marker inside one keeps its own).
 */
function bodyRuns(text: string, footnoteIds: ReadonlySet<number>): (TextRun | FootnoteReferenceRun)[] {
  const pending = pendingSpans(text);
  const bound = rewriteSpans(text);
  const marks = [...text.matchAll(/\[(\d{1,2})\]/g)]
    .filter((m) => footnoteIds.has(Number(m[1])))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, mark: Number(m[1]) }));
  const cuts = new Set([0, text.length]);
  for (const s of [...pending, ...bound, ...marks]) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const within = (spans: readonly { start: number; end: number }[], at: number) =>
    spans.some((s) => s.start <= at && at < s.end);
  const runs: (TextRun | FootnoteReferenceRun)[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const note = marks.find((m) => m.start === start);
    if (note) {
      runs.push(new FootnoteReferenceRun(note.mark));
      continue;
    }
    const highlight = within(pending, start)
      ? highlights.pending
      : within(bound, start)
        ? highlights.yearBound
        : undefined;
    runs.push(
      new TextRun({
        text: xmlSafe(text.slice(start, end)),
        font: font(officialFonts.body),
        size: size.sanhao,
        ...(highlight ? { highlight } : {}),
      }),
    );
  }
  return runs;
}

function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  const run = (children: (string | typeof PageNumber.CURRENT)[]) =>
    new TextRun({ children, font: font(officialFonts.pageNumber), size: size.sihao });
  return new Footer({
    children: [
      new DocxParagraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One character in from the edge, as the standard asks.
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

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

/**
 * Renders a draft (or a report) as a .docx in the GB/T 9704-2012 layout. The title uses Word's Title
 * style and part headings Heading 1 (restyled to the standard's fonts), so readers such as mammoth
 * see the structure.
 */
export async function draftDocx(draft: OfficialDocument): Promise<Uint8Array> {
  const footnoteIds = new Set(draft.footnotes.map((f) => f.mark));
  const body = (text: string): DocxParagraph =>
    new DocxParagraph({
      style: 'GovBody',
      indent: twoChars,
      spacing: exactLine,
      children: bodyRuns(text, footnoteIds),
    });
  const children: DocxParagraph[] = [];
  if (draft.title) {
    children.push(
      new DocxParagraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        spacing: { ...exactLine, after: officialPage.linePitch },
        children: [
          new TextRun({
            text: xmlSafe(draft.title),
            font: { eastAsia: officialFonts.title, ascii: officialFonts.title, hAnsi: officialFonts.title },
            size: size.erhao,
          }),
        ],
      }),
    );
  }
  for (const p of draft.preamble) children.push(body(p.text));
  if (draft.partsIntro) children.push(body(draft.partsIntro.text));
  for (const part of draft.parts) {
    children.push(
      new DocxParagraph({
        heading: HeadingLevel.HEADING_1,
        indent: twoChars,
        spacing: exactLine,
        children: [
          new TextRun({
            text: xmlSafe(`${part.marker}${part.title}`),
            font: font(officialFonts.heading),
            size: size.sanhao,
            bold: false,
            color: '000000',
          }),
        ],
      }),
    );
    for (const p of part.paragraphs) if (p.text.trim()) children.push(body(p.text));
  }
  for (const p of draft.closing) children.push(body(p.text));
  if (draft.appendix) {
    children.push(
      new DocxParagraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [
          new TextRun({ text: draft.appendix.title, font: font(officialFonts.heading), size: size.sanhao }),
        ],
      }),
      ...draft.appendix.lines.map(
        (line) =>
          new DocxParagraph({
            children: [new TextRun({ text: line, font: font(officialFonts.body), size: 24 })],
          }),
      ),
    );
  }
  const footnotes = Object.fromEntries(
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
  const document = new Document({
    title: xmlSafe(draft.title),
    creator: 'govdraft',
    evenAndOddHeaderAndFooters: true,
    footnotes,
    styles: {
      default: { document: { run: { font: font(officialFonts.body), size: size.sanhao } } },
      paragraphStyles: [
        {
          id: 'GovBody',
          name: 'Gov Body',
          basedOn: 'Normal',
          run: { font: font(officialFonts.body), size: size.sanhao },
          paragraph: { indent: twoChars, spacing: exactLine },
        },
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: officialFonts.title, size: size.erhao, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: 'Heading1',
          name: 'heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: font(officialFonts.heading), size: size.sanhao, bold: false, color: '000000' },
          paragraph: { indent: twoChars, spacing: exactLine, outlineLevel: 0 },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: officialPage.width, height: officialPage.height },
            margin: { ...officialPage.margin, header: mm(15), footer: mm(28) },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: officialPage.linePitch,
            charSpace: officialPage.charSpace,
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
