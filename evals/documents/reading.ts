/**
 * Reading a document as a report: title, office and year (both years for two-year titles), the
 * headings in reading order, and web furniture kept out of the title, the headings and every
 * paragraph.
 */
import { parseReportText, type Report, reportParagraphs } from '../../server/report/index.ts';
import type { DevDocument } from './load.ts';

/** How one document was read, against its gold. */
export interface ReadingScore {
  title: boolean;
  org: boolean;
  year: boolean;
  /** Both years of a two-year title; null when the gold names one year. */
  years: boolean | null;
  parts: boolean;
  headings: string[];
  /** Junk lines of the gold found inside the title, a heading or a paragraph. */
  junkLeaks: string[];
  failures: string[];
}

/** Full-width forms folded, whitespace dropped: how two readings of one heading are compared. */
export const squash = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

const heading = (text: string): string => squash(text).replace(/[。:.;,]+$/, '');

/** The report's headings in reading order: outer sections, then parts (marker and title as read). */
export function headingsOf(report: Report): string[] {
  const spans = [
    ...report.sections.map((s) => ({ at: s.headingSpan.start, text: `${s.marker}${s.title}` })),
    ...report.parts.map((p) => ({ at: p.headingSpan.start, text: `${p.marker}${p.title}` })),
  ];
  return spans
    .filter((h) => h.text !== '')
    .sort((a, b) => a.at - b.at)
    .map((h) => h.text);
}

/** Every text of the structure a reader sees: title, headings, paragraphs, footnotes. */
function structureTexts(report: Report): string[] {
  return [
    report.title,
    ...headingsOf(report),
    ...reportParagraphs(report).map((p) => p.text),
    ...report.footnotes.map((f) => f.text),
  ];
}

/** Scores the reading of one document. */
export function scoreReading(doc: DevDocument): ReadingScore {
  const { report, gold } = doc;
  const failures: string[] = [];
  const title =
    gold.title === null
      ? report.titleSpan.end === report.titleSpan.start
      : squash(report.title) === squash(gold.title);
  if (!title)
    failures.push(`title: read ${JSON.stringify(report.title)}, gold ${JSON.stringify(gold.title)}`);
  const org = squash(report.org ?? '') === squash(gold.org ?? '');
  if (!org) failures.push(`org: read ${JSON.stringify(report.org)}, gold ${JSON.stringify(gold.org)}`);
  const year = report.year === gold.year;
  if (!year) failures.push(`year: read ${report.year}, gold ${gold.year}`);
  let years: boolean | null = null;
  if (gold.years) {
    years = report.year === gold.years[0] && report.planYear === gold.years[1];
    if (!years)
      failures.push(`years: read ${report.year} and ${report.planYear}, gold ${gold.years.join(' and ')}`);
  }
  const headings = headingsOf(report);
  const parts =
    headings.length === gold.parts.length && headings.every((h, i) => heading(h) === heading(gold.parts[i]));
  if (!parts) failures.push(`parts: read [${headings.join(' | ')}], gold [${gold.parts.join(' | ')}]`);
  const texts = structureTexts(report).map(squash);
  const junkLeaks = (gold.junk ?? []).filter((junk) => texts.some((t) => t.includes(squash(junk))));
  for (const junk of junkLeaks) failures.push(`junk kept in the structure: ${junk}`);
  return { title, org, year, years, parts, headings, junkLeaks, failures };
}

/**
 * The text as a real file would have it: the pages corpus folds full-width punctuation to ASCII, Word
 * files and most sites keep ，：；（）！？. Colons and commas between digits (times, thousands) stay.
 */
export function fullWidth(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}”」》）)])[:;,!?]|[:;,!?](?=[\p{Script=Han}“「《（(])/gu, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    )
    .replace(/[()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The reading of the document once its punctuation is full-width again; same gold. */
export function scoreReadingFullWidth(doc: DevDocument): ReadingScore {
  const report = parseReportText(fullWidth(doc.report.text), { fileName: doc.report.source.fileName });
  const score = scoreReading({ ...doc, report });
  return { ...score, failures: score.failures.map((f) => `full-width text: ${f}`) };
}
