/** Rows the store keeps, and the embedding interface the store depends on. */

/** Which section of a report a chunk comes from. */
export type Section = 'title' | 'preamble' | 'part' | 'closing' | 'footnote';

/** One retrievable passage: a paragraph, or a sentence-bounded piece of a long one. */
export interface Chunk {
  /** `${reportId}:${paragraphIndex}:${piece}` */
  id: string;
  reportId: string;
  reportTitle: string;
  org: string;
  /** 0 when the report's year is unknown. */
  year: number;
  section: Section;
  /** 1-based part number for section 'part'; 0 otherwise. */
  part: number;
  partTitle: string;
  /** Paragraph index within the report (Paragraph.index). */
  paragraph: number;
  /** Piece number within the paragraph, 0 for the first (or only) piece. */
  piece: number;
  text: string;
  /** Offsets of the chunk into Report.text. */
  start: number;
  end: number;
}

/** Turns texts into vectors. `id` names the embedding so a store knows what built it. */
export interface Embedder {
  /** e.g. "lexical-v1:512" or "openai:text-embedding-3-small@http://127.0.0.1:8000/v1" */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** Summary of a stored report, as listed by GET /api/reports. */
export interface ReportSummary {
  id: string;
  title: string;
  org: string | null;
  year: number | null;
  fileName: string | null;
  parts: number;
  paragraphs: number;
  chunks: number;
  addedAt: string;
}
