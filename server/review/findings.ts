/**
 * The findings of a check as table rows for the reviewer's records: where (part / paragraph /
 * sentence), the sentence, the figure, the verdict, the ledger's value, its source, why.
 */
import type { CheckedClaim } from '../figures/index.ts';
import { verdictWord } from '../marks/index.ts';
import type { Paragraph, Report } from '../report/index.ts';
import { splitSentences } from '../text/index.ts';
import { expectedAsWritten } from './comment-text.ts';

/** One row of the findings table; values are numbers where the table should hold numbers. */
export interface FindingRow {
  location: string;
  part: string;
  paragraph: number | null;
  sentence: number | null;
  quote: string;
  figure: string;
  verdict: string;
  writtenValue: number;
  expected: number | null;
  expectedAsWritten: string | null;
  unit: string;
  source: string | null;
  explanation: string;
  /** 上次核查已指出 / 新发现, when an earlier check is known. */
  status: string | null;
}

/** Column headers, in the order of FindingRow's fields. */
export const findingColumns: { key: keyof FindingRow; header: string; width: number }[] = [
  { key: 'location', header: '\u4F4D\u7F6E', width: 28 },
  { key: 'part', header: '\u90E8\u5206', width: 24 },
  { key: 'paragraph', header: '\u6BB5', width: 6 },
  { key: 'sentence', header: '\u53E5', width: 6 },
  { key: 'quote', header: '\u539F\u6587', width: 60 },
  { key: 'figure', header: '\u6570\u5B57', width: 14 },
  { key: 'verdict', header: '\u7ED3\u8BBA', width: 10 },
  { key: 'writtenValue', header: '\u6587\u4E2D\u6570\u503C', width: 14 },
  { key: 'expected', header: '\u53F0\u8D26\u503C', width: 14 },
  {
    key: 'expectedAsWritten',
    header: '\u53F0\u8D26\u503C\uFF08\u6309\u6587\u4E2D\u5199\u6CD5\uFF09',
    width: 16,
  },
  { key: 'unit', header: '\u5355\u4F4D', width: 8 },
  { key: 'source', header: '\u53F0\u8D26\u6765\u6E90', width: 36 },
  { key: 'explanation', header: '\u8BF4\u660E', width: 60 },
  { key: 'status', header: '\u4E0A\u6B21\u6838\u67E5', width: 14 },
];

interface Section {
  name: string;
  paragraphs: Paragraph[];
}

/** The report's sections in reading order, named as a reviewer would cite them. */
function sections(report: Report): Section[] {
  return [
    {
      name: '\u6B63\u6587\u5F00\u5934',
      paragraphs: [...report.preamble, ...(report.partsIntro ? [report.partsIntro] : [])],
    },
    ...report.parts.map((p) => ({
      name: `${p.marker}${p.title}`.trim() || '\u6B63\u6587',
      paragraphs: p.paragraphs,
    })),
    { name: '\u7ED3\u5C3E', paragraphs: report.closing },
  ];
}

/** Where an offset of the report text is: part, paragraph (1-based in its part), sentence (1-based). */
export function locationOf(
  report: Report,
  offset: number,
): Pick<FindingRow, 'location' | 'part' | 'paragraph' | 'sentence'> {
  for (const section of sections(report)) {
    const index = section.paragraphs.findIndex((p) => p.span.start <= offset && offset < p.span.end);
    if (index < 0) continue;
    const p = section.paragraphs[index];
    const sentence =
      splitSentences(report.text, p.span.start, p.span.end).findIndex((s) => offset < s.end) + 1;
    const location = `${section.name} / \u7B2C${index + 1}\u6BB5 / \u7B2C${sentence}\u53E5`;
    return { location, part: section.name, paragraph: index + 1, sentence };
  }
  const note = report.footnotes.find((f) => f.span.start <= offset && offset < f.span.end);
  if (note)
    return { location: `\u6CE8\u91CA[${note.mark}]`, part: '\u6CE8\u91CA', paragraph: null, sentence: null };
  const isTitle = report.titleSpan.start <= offset && offset < report.titleSpan.end;
  const part = isTitle ? '\u6807\u9898' : '';
  return { location: part, part, paragraph: null, sentence: null };
}

/** The sentence of the text holding a claim. */
function quoteOf(text: string, claim: CheckedClaim): string {
  const span = splitSentences(text).find((s) => s.start <= claim.start && claim.end <= s.end);
  return span ? text.slice(span.start, span.end) : claim.text;
}

/**
 * One row per finding (不符 and 无法核对), in reading order. `report` gives the positions when its
 * text is the checked text; `status` says whether an earlier check raised the same finding.
 */
export function findingRows(
  text: string,
  claims: readonly CheckedClaim[],
  report: Report | null,
  status: (claim: CheckedClaim) => string | null = () => null,
): FindingRow[] {
  const located = report && report.text === text ? report : null;
  return [...claims]
    .filter((c) => c.verdict !== 'supported')
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      ...(located
        ? locationOf(located, c.start)
        : { location: '', part: '', paragraph: null, sentence: null }),
      quote: quoteOf(text, c),
      figure: c.text,
      verdict: verdictWord[c.verdict],
      writtenValue: c.value,
      expected: c.expected,
      expectedAsWritten: expectedAsWritten(c),
      unit: c.unit,
      source: c.source,
      explanation: c.explanation,
      status: status(c),
    }));
}
