/** Connecting to LanceDB and assembling the store: the one place that opens a database. */
import { mkdirSync } from 'node:fs';
import { connect } from '@lancedb/lancedb';
import { storageError } from '../storage-error.ts';
import { defaultIndexPolicy, IndexKeeper, type IndexPolicy } from './indexes.ts';
import { ensureLanceThreads } from './lance-threads.ts';
import { defaultStoreUri } from './location.ts';
import { type BulkStore, LanceStore } from './store.ts';
import type { StoreOptions } from './store-options.ts';
import { StoreTables } from './store-tables.ts';
import { createWriter, defaultWriterOptions } from './writer.ts';

/**
 * Opens (creating if needed) the store under `dataDir`: LanceDB in `<dataDir>/lancedb` (or at
 * `location`, e.g. `s3://bucket/prefix`), writes serialised through `<dataDir>/write.lock`. Opening never waits for another process's writes.
 * @example const store = await openStore({ dataDir: '.govdraft', embedder: createLexicalEmbedder() })
 */
export async function openStore(options: StoreOptions): Promise<BulkStore> {
  ensureLanceThreads();
  try {
    mkdirSync(options.dataDir, { recursive: true });
  } catch (error) {
    throw storageError(error, { zh: '创建数据目录', en: 'create the data dir' }) ?? error;
  }
  const location = options.location ?? { uri: defaultStoreUri(options.dataDir), options: {} };
  // readConsistencyInterval 0: every read sees what other processes committed.
  const db = await connect(location.uri, {
    readConsistencyInterval: 0,
    ...(Object.keys(location.options).length > 0 ? { storageOptions: location.options } : {}),
  });
  const writer = createWriter(options.dataDir, { ...defaultWriterOptions, ...options.lock });
  const policy: IndexPolicy = {
    ...defaultIndexPolicy,
    ...(options.vectorIndexMinRows !== undefined ? { vectorIndexMinRows: options.vectorIndexMinRows } : {}),
    ...options.index,
  };
  const tables = new StoreTables(db, options.embedder);
  await tables.chunksState();
  const keeper = new IndexKeeper(policy);
  return new LanceStore(options.dataDir, tables, writer, keeper, options.writeBatchRows ?? 4096);
}
