/**
 * This year's materials as the store keeps them: one row per sentence of a department's submission
 * (科室材料, a 居委's summary), with its department, file and place, in a table of their own — never
 * mixed with past reports.
 */
import type { Verdict } from '../figures/index.ts';

/** Where a sentence stands in its material. */
export type MaterialSection = 'preamble' | 'part' | 'closing';

/**
 * What a sentence is: `content` (work done, what drafting uses), a `heading` or `label` (a short line
 * without a sentence, a table cell), an `intro` (the material's opening statement), an
 * `announcement` (现将…总结如下：), or a `plan` (存在问题, 下一步打算: the closing section).
 */
export type MaterialKind = 'content' | 'heading' | 'label' | 'intro' | 'announcement' | 'plan';

/** A figure of a material sentence, checked against the ledger of the material's year when it was added. */
export interface MaterialFigure {
  /** Span in the sentence's text. */
  start: number;
  end: number;
  text: string;
  /** Value in base units and its canonical unit. */
  value: number;
  unit: string;
  metric: string | null;
  verdict: Verdict;
  /** The ledger's value when it is known (contradicted or supported), else null. */
  expected: number | null;
  /** The ledger row or rows the verdict rests on. */
  source: string | null;
}

/** One sentence of a material as stored. */
export interface MaterialChunk {
  /** `${materialId}:${paragraph}:${sentence}`. */
  id: string;
  /** Content hash of the material's text. */
  materialId: string;
  /** The year the material reports on (given when it was added). */
  year: number;
  /** The department (科室) or 居委/村 that wrote it. */
  department: string;
  fileName: string;
  /** The material's own title. */
  title: string;
  /** The encoding its bytes were read in (utf-8, gb18030…). */
  encoding: string;
  section: MaterialSection;
  /** The heading the sentence stands under in the material ('' when none). */
  heading: string;
  /** Paragraph index within the material, and sentence index within the paragraph. */
  paragraph: number;
  sentence: number;
  kind: MaterialKind;
  /** The sentence as written. */
  text: string;
  /** Offsets of the sentence in the material's text. */
  start: number;
  end: number;
  figures: MaterialFigure[];
  /** ISO time the material was added. */
  addedAt: string;
}

/** Filters of a material read or search; every given field must match. */
export interface MaterialFilter {
  year?: number;
  /** Only these materials. */
  materialIds?: readonly string[];
  kind?: MaterialKind;
}

/** A material sentence found by one search method, best first (the method's own score). */
export interface MaterialMatch {
  chunk: MaterialChunk;
  score: number;
}

/** What adding a material did; `replacedIds`: earlier versions (same year, department and file) removed. */
export interface MaterialOutcome {
  status: 'added' | 'unchanged' | 'replaced';
  materialId: string;
  replacedIds: string[];
}

/** The materials table: sentences written through the store's one serialised writer. */
export interface MaterialShelf {
  /**
   * Adds the sentences of one material (all of one `materialId` and year) in one commit. Idempotent:
   * the same material for the same year and department is left as it is; another version of the same
   * department's file for that year, or this material under another department, is replaced in the
   * same commit.
   */
  add(chunks: readonly MaterialChunk[]): Promise<MaterialOutcome>;
  /** Stored sentences matching the filter, in material and reading order. */
  chunks(filter?: MaterialFilter): Promise<MaterialChunk[]>;
  /** Removes a material (every year it was added for); false when there was none. */
  remove(materialId: string): Promise<boolean>;
  embedQuery(text: string): Promise<number[]>;
  vectorSearch(vector: number[], filter: MaterialFilter, limit: number): Promise<MaterialMatch[]>;
  textSearch(query: string, filter: MaterialFilter, limit: number): Promise<MaterialMatch[]>;
  /** Re-embeds every sentence with the store's embedder; the count. */
  reindex(): Promise<number>;
}
