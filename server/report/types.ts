/** The work-report model: a report understood as title → preamble → parts → paragraphs → closing, footnotes. */
import type { Span } from '../text/index.ts';

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

/**
 * What a part of the report is about: last year's work (review), its shortcomings (problems), or the
 * next year's plan. Drafting carries the review forward and leaves the plan to the writer.
 */
export type SectionKind = 'review' | 'problems' | 'plan';

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
  /** The kind of the section the part belongs to; 'review' when the report has no outer sections. */
  kind: SectionKind;
  /** Number of the outer section holding the part (ReportSection.number), or null. */
  section: number | null;
}

/**
 * An outer heading that groups the parts: 一、2023年工作回顾 / 二、存在的问题 / 三、2024年工作思路 (or an
 * unmarked 2020年工作回顾). A problems section's text is the report's closing; a plan section's
 * items are parts of kind 'plan', never closing paragraphs.
 */
export interface ReportSection {
  /** 1-based position among the sections. */
  number: number;
  kind: SectionKind;
  /** The marker as written (一、, 第一部分) or '' for an unmarked heading line. */
  marker: string;
  title: string;
  headingSpan: Span;
  /** The parts it holds (Part.number), in order; empty for a problems section. */
  parts: number[];
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
  /**
   * The year the report's plan is for when it has one: 2024 in ××2023年工作总结和2024年工作思路, or in
   * a 2024年政府工作报告 that reviews 2023 (whose `year` is then 2023); null otherwise.
   */
  planYear: number | null;
  /** The decoded text of the input; every span points into it. */
  text: string;
  /** Where the title is; `title` is its text with the line break of a two-line title removed. */
  titleSpan: Span;
  preamble: Paragraph[];
  /** The sentence that announces the parts (主要开展了以下六方面工作:), when present. */
  partsIntro: Paragraph | null;
  /** Outer sections (review / problems / plan), in reading order; empty when the report has none. */
  sections: ReportSection[];
  parts: Part[];
  /** The closing section (shortcomings: 一是…二是…三是…). */
  closing: Paragraph[];
  footnotes: Footnote[];
  source: ReportSource;
}
