import type { Paragraph, Report } from './types.ts';

/**
 * Every paragraph of a report in reading order: preamble, the sentence announcing the parts, the
 * parts' paragraphs, the closing.
 */
export function reportParagraphs(report: Report): Paragraph[] {
  return [
    ...report.preamble,
    ...(report.partsIntro ? [report.partsIntro] : []),
    ...report.parts.flatMap((p) => p.paragraphs),
    ...report.closing,
  ].sort((a, b) => a.index - b.index);
}
