/** The work-report model: a report understood as title → preamble → parts → paragraphs → closing, footnotes. */

/** Half-open character range [start, end) into `Report.text` (UTF-16 code units = characters for Chinese). */
export interface Span {
  start: number;
  end: number;
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx';

export interface Paragraph {
  /** Position of the paragraph in the whole report, 0-based, in reading order. */
  index: number;
  text: string;
  /** The topic sentence that opens the paragraph (丰富为老服务内涵。), or null when there is none. */
  topic: string | null;
  span: Span;
  /** True when the source cuts the paragraph off mid-sentence. */
  truncated: boolean;
  /** Footnote marks ([1] → 1) that occur in this paragraph. */
  footnoteMarks: number[];
}

export interface Part {
  /** 1-based position among the parts. */
  number: number;
  /** The heading marker as written: (一), 一、, 1. … or '' when the report has no headings. */
  marker: string;
  /** The heading text without its marker, e.g. 注重保障民生,公共服务能级提升. */
  title: string;
  /** Span of the heading line (empty span when the part has no heading). */
  headingSpan: Span;
  paragraphs: Paragraph[];
}

export interface Footnote {
  mark: number;
  text: string;
  span: Span;
  /** Where the mark [n] occurs in the body. */
  refs: Span[];
}

export interface ReportSource {
  fileName: string | null;
  format: SourceFormat;
  /** The encoding the bytes were decoded from: utf-8, gb18030, utf-16le… */
  encoding: string;
  bytes: number;
}

export interface Report {
  /** Content hash of the decoded text (hex); ingest is idempotent by it. */
  id: string;
  title: string;
  /** The office, e.g. 甘泉路街道; null when the title does not say. */
  org: string | null;
  /** The year the report covers, e.g. 2016; null when unknown. */
  year: number | null;
  /** The decoded text of the input; every span points into it. */
  text: string;
  titleSpan: Span;
  preamble: Paragraph[];
  /** The sentence that announces the parts (主要开展了以下六方面工作:), when present. */
  partsIntro: Paragraph | null;
  parts: Part[];
  /** The closing section (shortcomings: 一是…二是…三是…). */
  closing: Paragraph[];
  footnotes: Footnote[];
  source: ReportSource;
}
