import type { IndexPolicy } from './indexes.ts';
import type { StoreLocation } from './location.ts';
import type { Embedder } from './types.ts';
import type { WriterOptions } from './writer.ts';

/** How `openStore` opens the store: where it lives, its embedder, and its lock, index and write tunings. */
export interface StoreOptions {
  /** Local files: the write lock (and, by default, the tables in `<dataDir>/lancedb`). */
  dataDir: string;
  /** Where the tables live when not in `<dataDir>/lancedb`: another folder or an object store (`s3://…`). */
  location?: StoreLocation;
  embedder: Embedder;
  /** Cross-process write lock timings; defaults wait up to 2 minutes for another writer. */
  lock?: Partial<WriterOptions>;
  /** Chunk count from which vector search uses an IVF index instead of a flat scan (default 20 000). */
  vectorIndexMinRows?: number;
  /** When indexes are rebuilt and tables compacted (see `IndexPolicy`). */
  index?: Partial<IndexPolicy>;
  /** Chunk rows buffered before each write during ingest (default 4 096; each write is a fragment). */
  writeBatchRows?: number;
}
