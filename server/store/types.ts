/** Rows the store keeps, the embedding interface the store depends on, and the store's contract. */
import type { LedgerRecord } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import type { MaterialShelf } from './material-types.ts';

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

/** A stored report an ingest removed: what identifies it to people. */
export interface ReplacedReport {
  id: string;
  title: string;
  org: string | null;
  year: number | null;
  fileName: string | null;
}

/**
 * What `Store.ingestReport` did. `replacedIds` (and `replaced`, with titles): earlier versions of
 * the same report, or the reports named to be replaced, that were removed.
 */
export interface IngestOutcome {
  status: 'added' | 'unchanged' | 'replaced';
  reportId: string;
  replacedIds: string[];
  replaced: ReplacedReport[];
  chunks: number;
}

/** How a write asks for index upkeep: `auto` rebuilds past the store's limits, `full` whenever rows are unindexed. */
export type IndexMode = 'auto' | 'full' | 'defer';

export interface IngestOptions {
  /** Ids of stored reports this one replaces (an unknown id refuses the ingest). */
  replace?: string[];
  /** Index upkeep after the write (default `auto`); `defer` leaves it to a later `refreshIndexes`. */
  index?: IndexMode;
  /** Called after each report is embedded (or found unchanged): reports done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The state of the chunks table's indexes. */
export interface IndexStatus {
  chunks: number;
  /** Rows the full-text index does not cover yet (searched by a scan until the next rebuild). */
  unindexedRows: number;
  /** IVF partitions of the vector index; null while vector search is a flat scan. */
  vectorPartitions: number | null;
  /** Full-text index builds by this process (to see that a bulk ingest builds once). */
  builds: number;
}

/** Metadata filters of a chunk search; every given field must match. */
export interface ChunkFilter {
  year?: number;
  /** One office name, or the names one office is stored under (any of them matches). */
  org?: string | readonly string[];
  part?: number;
  section?: Section;
}

/**
 * A chunk found by one search method, best first: its id, its report, and that method's own score (not
 * comparable across methods). Searches return hits, not chunks: fusing ranked lists needs only ids, and
 * reading every candidate's columns costs more than the search itself at 100k chunks.
 */
export interface ChunkHit {
  id: string;
  reportId: string;
  score: number;
  /** The row's address in the table when it was searched: reading it back by address is ~3× faster than by id. */
  rowId?: bigint;
}

/** A hit of `hybridRows`: the row's address (as a string, for fusion) and one method's score. */
export interface RowHit {
  id: string;
  score: number;
}

/** The two ranked lists of `hybridRows`, and the read of the chunks at the addresses kept. */
export interface HybridRows {
  lists: [RowHit[], RowHit[]];
  /** The committed chunks at these addresses, in that order; null when the table changed since the search. */
  read(rowIds: readonly string[]): Promise<Chunk[] | null>;
}

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
  /** This year's materials (department submissions), in a table of their own. */
  readonly materials: MaterialShelf;
  /** Adds a parsed report; idempotent by `report.id`, replaces an earlier version of the same file or title. */
  ingestReport(report: Report, options?: IngestOptions): Promise<IngestOutcome>;
  /** Like `ingestReport` for each report in order, with one index upkeep at the end. */
  ingestReports(reports: Report[], options?: IngestOptions): Promise<IngestOutcome[]>;
  /** Brings the full-text and vector indexes up to date (after ingests with `index: 'defer'`). */
  refreshIndexes(): Promise<IndexStatus>;
  /** How far the indexes cover the chunks, and this process's index builds. */
  indexStatus(): Promise<IndexStatus>;
  listReports(): Promise<ReportSummary[]>;
  getReport(id: string): Promise<Report | null>;
  /** Removes a report and its chunks; false when there was none with that id. */
  deleteReport(id: string): Promise<boolean>;
  /** Re-embeds every chunk with the current embedder (after the embedding model changed). */
  reindex(): Promise<{ chunks: number }>;
  counts(): Promise<StoreCounts>;
  /** Adds ledger records; one with the office, year and metric of a stored record replaces it. */
  importLedger(records: LedgerRecord[]): Promise<{ added: number; replaced: number }>;
  /** Gives the records with no office (only those imported from `file`, when given) to an office. */
  assignLedger(org: string, file?: string): Promise<{ assigned: number }>;
  /** Ledger records of a year, an office, and/or whose metric or note contains every word of `q`. */
  queryLedger(q: { year?: number; q?: string; org?: string }): Promise<LedgerRecord[]>;
  /** Embeds a query; GovdraftError `embedding_mismatch` when the stored vectors came from another embedder. */
  embedQuery(text: string): Promise<number[]>;
  /** Nearest chunks to a query vector (cosine), filtered, best first. */
  vectorSearch(vector: number[], filter: ChunkFilter, limit: number): Promise<ChunkHit[]>;
  /** Full-text (BM25 over jieba words and character bigrams) matches of a query, filtered, best first. */
  textSearch(query: string, filter: ChunkFilter, limit: number): Promise<ChunkHit[]>;
  /** The chunks of these hits (or ids), in the order given; chunks no longer stored are left out. */
  chunks(hits: readonly (ChunkHit | string)[]): Promise<Chunk[]>;
  /**
   * The vector and full-text lists of one query as row addresses (`depth` each, filtered), and a read
   * of the rows kept after fusion; null when there is nothing to search. The read answers null when the
   * table changed meanwhile (an address may then name another row): search again with `vectorSearch`.
   */
  hybridRows(vector: number[], terms: string, filter: ChunkFilter, depth: number): Promise<HybridRows | null>;
  info(): StoreInfo;
  close(): Promise<void>;
}
