/**
 * Citations: passages numbered [1] [2] in the order an answer first uses them, each mapped to its
 * report title, year, part and paragraph (numbered within its part, as people cite them).
 */
import { toChineseNumeral } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import type { Citation, SearchHit } from '../retrieve/index.ts';
import type { Chunk } from '../store/index.ts';
import type { ChatCitation } from './types.ts';

/**
 * The 1-based number of a chunk's paragraph within its part (or within the preamble or closing);
 * the footnote mark for footnotes; 0 for the title or when the report is unknown.
 */
export function paragraphNumber(report: Report | null, chunk: Chunk): number {
  if (chunk.section === 'footnote') return chunk.paragraph;
  if (!report || chunk.section === 'title') return 0;
  const list =
    chunk.section === 'part'
      ? (report.parts.find((p) => p.number === chunk.part)?.paragraphs ?? [])
      : chunk.section === 'closing'
        ? report.closing
        : [...report.preamble, ...(report.partsIntro ? [report.partsIntro] : [])];
  return list.findIndex((p) => p.index === chunk.paragraph) + 1;
}

const sectionNames: Record<string, string> = {
  title: '标题',
  preamble: '开头',
  closing: '结尾',
  footnote: '注释',
};

/**
 * A citation for people: 《甘泉路街道2016年工作总结》(二)补齐发展短板,公共管理走向精细 第2段.
 * @example citationText(hit.citation, 2)
 */
export function citationText(c: Citation, paragraph: number): string {
  const where =
    c.section === 'part' ? `(${toChineseNumeral(c.part)})${c.partTitle}` : (sectionNames[c.section] ?? '');
  const mark = c.section === 'footnote' ? `[${paragraph}]` : paragraph > 0 ? ` 第${paragraph}段` : '';
  return `《${c.reportTitle}》${where}${mark}`;
}

/** Numbers passages as an answer uses them; the same chunk keeps its number. */
export class CitationBook {
  private readonly entries: ChatCitation[] = [];
  private readonly byChunk = new Map<string, number>();
  private readonly reports: ReadonlyMap<string, Report>;

  /** `reports`: the reports of the passages, by id, for paragraph numbers. */
  constructor(reports: ReadonlyMap<string, Report>) {
    this.reports = reports;
  }

  /** The [n] of a passage, adding it on first use. */
  cite(hit: SearchHit): number {
    const known = this.byChunk.get(hit.chunk.id);
    if (known !== undefined) return known;
    const n = this.entries.length + 1;
    const c = hit.chunk;
    const paragraph = paragraphNumber(this.reports.get(c.reportId) ?? null, c);
    this.entries.push({
      n,
      report: c.reportTitle,
      reportId: c.reportId,
      year: c.year,
      part: c.part,
      partTitle: c.partTitle,
      section: c.section,
      paragraph,
      text: hit.text,
      label: citationText(hit.citation, paragraph),
    });
    this.byChunk.set(c.id, n);
    return n;
  }

  /** Every passage cited so far, in number order. */
  list(): ChatCitation[] {
    return [...this.entries];
  }
}
