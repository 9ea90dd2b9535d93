import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  type BulkStore,
  createLexicalEmbedder,
  openStore,
  type StoreOptions,
} from '../../server/store/index.ts';

/** The temp data dirs and open stores of one test file; each test's are closed and removed after it. */
export interface TempStores {
  /** A new empty data dir, removed after the test. */
  dir(): string;
  /**
   * Opens a store in `dataDir` (a new temp dir unless given) with the lexical embedder of
   * `dimensions` (256) unless `options` name another; it is closed after the test.
   */
  open(dataDir?: string, options?: Partial<StoreOptions> & { dimensions?: number }): Promise<BulkStore>;
  /** Closes a store opened elsewhere after the test. */
  keep(store: BulkStore): BulkStore;
  /** Forgets a store the test closed itself. */
  release(store: BulkStore): void;
}

/**
 * Temp stores for a test file: call once at its top level (it registers the afterEach clean-up).
 * @example const temp = tempStores('govdraft-store-'); const store = await temp.open();
 */
export function tempStores(prefix: string): TempStores {
  const dirs: string[] = [];
  const stores = new Set<BulkStore>();
  afterEach(async () => {
    for (const store of stores) await store.close();
    stores.clear();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const temp: TempStores = {
    dir() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async open(dataDir = temp.dir(), { dimensions = 256, ...options } = {}) {
      return temp.keep(await openStore({ dataDir, embedder: createLexicalEmbedder(dimensions), ...options }));
    },
    keep(store) {
      stores.add(store);
      return store;
    },
    release(store) {
      stores.delete(store);
    },
  };
  return temp;
}
