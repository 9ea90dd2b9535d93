/** The store: LanceDB tables of reports, chunks and ledger records, and the embedders. */
export { chunkReport } from './chunk.ts';
export { chunkColumns } from './chunk-columns.ts';
export { createLexicalEmbedder, lexicalVector } from './embed-lexical.ts';
export { createOpenAIEmbedder } from './embed-openai.ts';
export { createEmbedder } from './embedder.ts';
export { filterToWhere } from './filter.ts';
export { termsOf } from './fts.ts';
export {
  defaultStoreUri,
  isObjectStoreUri,
  type StoreLocation,
  storeLocation,
  storeMayHoldData,
} from './location.ts';
export type * from './material-types.ts';
export { openStore } from './open.ts';
export type { BulkStore } from './store.ts';
export type { StoreOptions } from './store-options.ts';
export type {
  Chunk,
  ChunkFilter,
  ChunkHit,
  Embedder,
  HybridRows,
  IngestOptions,
  IngestOutcome,
  ReplacedReport,
  ReportSummary,
  RowHit,
  Section,
  Store,
  StoreCounts,
  StoreInfo,
} from './types.ts';
export { probesFor } from './vector-index.ts';
