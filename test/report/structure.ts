import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { reportParagraphs } from '../../server/report/paragraphs.ts';
import type { Paragraph, Report } from '../../server/report/types.ts';

/** The seed report (甘泉路街道2016年工作总结) as bundled in corpus/. */
export const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
export const seedText = readFileSync(seedPath, 'utf8');

/** A fixture file of the report tests. */
export const fixture = (name: string): Buffer =>
  readFileSync(join(packageRoot, 'test', 'fixtures', 'report', name));

/** The seed's six part titles, as written after their markers. */
export const seedPartTitles = [
  '注重保障民生,公共服务能级提升',
  '补齐发展短板,公共管理走向精细',
  '建设平安甘泉,公共安全可控有序',
  '聚焦“同心家园”,自治共治水平提升',
  '深化品牌项目,社会事业充满活力',
  '转变政府职能,切实改进工作作风',
];

/** Everything a person would call "the structure" of a report, without offsets. */
export function structure(report: Report) {
  const para = (p: Paragraph) => ({
    topic: p.topic,
    truncated: p.truncated,
    marks: p.footnoteMarks,
    text: p.text,
  });
  return {
    title: report.title,
    org: report.org,
    year: report.year,
    planYear: report.planYear,
    preamble: report.preamble.map(para),
    partsIntro: report.partsIntro?.text ?? null,
    sections: report.sections.map((s) => ({
      kind: s.kind,
      marker: s.marker,
      title: s.title,
      parts: s.parts,
    })),
    parts: report.parts.map((p) => ({
      marker: p.marker,
      title: p.title,
      kind: p.kind,
      section: p.section,
      paragraphs: p.paragraphs.map(para),
    })),
    closing: report.closing.map(para),
    footnotes: report.footnotes.map((f) => ({ mark: f.mark, text: f.text, refs: f.refs.length })),
  };
}

/** Every paragraph of a report in reading order (the server's own list). */
export const allParagraphs = (report: Report): Paragraph[] => reportParagraphs(report);

/** Problems with the report's offsets and numbering; empty when every span points where it should. */
export function spanProblems(report: Report): string[] {
  const problems: string[] = [];
  const { text } = report;
  const inText = (s: { start: number; end: number }) =>
    s.start >= 0 && s.start <= s.end && s.end <= text.length;
  if (!inText(report.titleSpan)) problems.push('title span out of range');
  else if (
    report.titleSpan.end > report.titleSpan.start &&
    text.slice(report.titleSpan.start, report.titleSpan.end).replace(/\s*\n\s*/g, '') !== report.title
  )
    problems.push('title span does not hold the title');
  let previousEnd = -1;
  allParagraphs(report).forEach((p, i) => {
    if (p.index !== i) problems.push(`paragraph ${i} has index ${p.index}`);
    if (!inText(p.span)) problems.push(`paragraph ${i} span out of range`);
    else if (text.slice(p.span.start, p.span.end) !== p.text)
      problems.push(`paragraph ${i} span does not hold its text`);
    if (p.span.start < previousEnd) problems.push(`paragraph ${i} overlaps the one before`);
    if (p.text.trim() === '') problems.push(`paragraph ${i} is empty`);
    if (p.topic !== null && !p.text.includes(p.topic)) problems.push(`paragraph ${i} topic not in its text`);
    previousEnd = p.span.end;
  });
  for (const part of report.parts) {
    if (!inText(part.headingSpan)) problems.push(`part ${part.number} heading span out of range`);
  }
  for (const note of report.footnotes) {
    if (!inText(note.span) || text.slice(note.span.start, note.span.end) !== note.text)
      problems.push(`footnote ${note.mark} span does not hold its text`);
    for (const ref of note.refs) {
      if (!inText(ref) || !/^[[\uFF3B]\d+[\]\uFF3D]$/.test(text.slice(ref.start, ref.end)))
        problems.push(`footnote ${note.mark} ref does not point at its mark`);
    }
  }
  return problems;
}
