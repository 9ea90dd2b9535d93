/**
 * The official-document layout of GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm, left 28 mm,
 * right 26 mm; a grid of 22 lines × 28 characters; title in 方正小标宋简体 二号, centred; body in
 * 仿宋_GB2312 三号 with a two-character first-line indent; part headings in 楷体_GB2312 三号; page
 * numbers “— 1 —” in 宋体 四号, odd pages right, even pages left.
 */
import {
  AlignmentType,
  DocumentGridType,
  Paragraph as DocxParagraph,
  Footer,
  type ISectionPropertiesOptions,
  type IStylesOptions,
  LineRuleType,
  PageNumber,
  TextRun,
} from 'docx';

/** Millimetres in twips. */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const size = { erhao: 44, sanhao: 32, sihao: 28 } as const;

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

/** Exact line spacing on the grid's pitch. */
export const exactLine = { line: officialPage.linePitch, lineRule: LineRuleType.EXACT };
/** The two-character first-line indent. */
export const twoChars = { firstLineChars: 200, firstLine: 640 };

/** A run font: the Chinese face for East Asian text, Times New Roman for Latin letters and digits. */
export function font(name: string): { eastAsia: string; ascii: string; hAnsi: string } {
  return { eastAsia: name, ascii: officialFonts.latin, hAnsi: officialFonts.latin };
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

/** The document's default run and its styles: GovBody, and Title and Heading 1 restyled to the standard's fonts. */
export const officialStyles: IStylesOptions = {
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
};

/** The section's page: A4, the standard's margins and grid, page numbers right on odd pages, left on even. */
export const officialSection = {
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
  } satisfies ISectionPropertiesOptions,
  footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
};
