/** Rows the store keeps, the embedding interface the store depends on, and the store's contract. */
import type { LedgerRecord } from '../figures/types.ts';
import type { Report } from '../report/types.ts';

/** Which section of a report a chunk comes from. */
export type Section = 'title' | 'preamble' | 'part' | 'closing' | 'footnote';

/** One retrievable passage: a paragraph, or a sentence-bounded piece of a long one. */
export interface Chunk {
  /** `${reportId}:${paragraphIndex}:${piece}`; the title is `${reportId}:title:0`, footnote n `${reportId}:fn${n}:${piece}`. */
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
  /** Paragraph index within the report (Paragraph.index); the footnote mark for footnotes; -1 for the title. */
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

/** What `Store.ingestReport` did. `replacedIds`: earlier versions of the same report that were removed. */
export interface IngestOutcome {
  status: 'added' | 'unchanged' | 'replaced';
  reportId: string;
  replacedIds: string[];
  chunks: number;
}

/** Metadata filters of a chunk search; every given field must match. */
export interface ChunkFilter {
  year?: number;
  /** One office name, or the names one office is stored under (any of them matches). */
  org?: string | readonly string[];
  part?: number;
  section?: Section;
}

/** A chunk found by one search method, best first; `score` is that method's own (not comparable across methods). */
export interface ChunkMatch {
  chunk: Chunk;
  score: number;
}

/** Full-text method: BM25 over character bigrams of the text, or over its jieba words. */
export type TextMethod = 'bigrams' | 'words';

/** Which embedding the store uses now and which one built the stored vectors (null: nothing stored yet). */
export interface StoreInfo {
  dataDir: string;
  embedderId: string;
  storedEmbedderId: string | null;
}

export interface StoreCounts {
  reports: number;
  chunks: number;
  ledgerRecords: number;
  /** Years covered by stored reports and ledger records, ascending. */
  years: number[];
}

/** The corpus of past reports and the ledger, persisted in LanceDB under the data dir. */
export interface Store {
  /** The embedder this store was opened with. */
  readonly embedder: Embedder;
  /** Adds a parsed report; idempotent by `report.id`, replaces an earlier version of the same file or title. */
  ingestReport(report: Report): Promise<IngestOutcome>;
  listReports(): Promise<ReportSummary[]>;
  getReport(id: string): Promise<Report | null>;
  /** Removes a report and its chunks; false when there was none with that id. */
  deleteReport(id: string): Promise<boolean>;
  /** Re-embeds every chunk with the current embedder (after the embedding model changed). */
  reindex(): Promise<{ chunks: number }>;
  counts(): Promise<StoreCounts>;
  /** Adds ledger records; one with the year and metric of a stored record replaces it. */
  importLedger(records: LedgerRecord[]): Promise<{ added: number; replaced: number }>;
  /** Ledger records of a year and/or whose metric or note contains every word of `q`. */
  queryLedger(q: { year?: number; q?: string }): Promise<LedgerRecord[]>;
  /** Embeds a query; GovdraftError `embedding_mismatch` when the stored vectors came from another embedder. */
  embedQuery(text: string): Promise<number[]>;
  /** Nearest chunks to a query vector (cosine), filtered, best first. */
  vectorSearch(vector: number[], filter: ChunkFilter, limit: number): Promise<ChunkMatch[]>;
  /** Full-text (BM25) matches of a query, filtered, best first; `method` picks the tokenisation (default bigrams). */
  textSearch(query: string, filter: ChunkFilter, limit: number, method?: TextMethod): Promise<ChunkMatch[]>;
  info(): StoreInfo;
  close(): Promise<void>;
}
