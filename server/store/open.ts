import type { BulkStore, StoreOptions } from './store.ts';

/**
 * Opens (creating if needed) the store. LanceDB and Arrow, ~0.2 s to load, are imported here and not
 * when the store module is: a command that never opens the store never loads them.
 * @example const store = await openStore({ dataDir: '.govdraft', embedder: createLexicalEmbedder() })
 */
export async function openStore(options: StoreOptions): Promise<BulkStore> {
  return (await import('./store.ts')).openStore(options);
}
