/**
 * Upkeep of the chunks table's indexes. LanceDB (0.31) finds rows written after an index was built by
 * scanning them: for vectors with exact distances, for full text with BM25 scores within a few percent
 * of a rebuilt index's (checked on the retrieval eval at 100k chunks: the same gold ranks). So a small
 * write leaves its rows unindexed — no rebuild — and the index is rebuilt from scratch once the
 * unindexed rows cost searches too much (each adds ~10–20 µs to every full-text query). `optimize()`
 * is no cheaper: its full-text merge rewrites the whole index, and its compaction rewrites every
 * fragment under a million rows, vectors included (~40 s at 100k chunks on a busy 2-core machine).
 */
import { Index, type Table } from '@lancedb/lancedb';
import { termsColumn } from './fts.ts';
import { ftsIndex } from './fts-index.ts';
import type { IndexMode, IndexStatus } from './types.ts';
import {
  defaultVectorIndexMinRows,
  partitionsOf,
  plannedPartitions,
  vectorIndexName,
} from './vector-index.ts';

/** When the store rebuilds its indexes. */
export interface IndexPolicy {
  /** Rows the full-text index may leave to a scan before it is rebuilt (default 1 000)… */
  maxUnindexedRows: number;
  /**
   * …and at most this share of the table (default 2%): the scan scores a row with the index's term
   * statistics, which a large share of new rows would skew (on the retrieval eval, ranks matched a
   * rebuilt index's with 2% of rows unindexed, and drifted with 6%).
   */
  maxUnindexedShare: number;
  /** Chunk count from which vector search uses an IVF index instead of a flat scan (default 20 000). */
  vectorIndexMinRows: number;
  /** Unindexed vector rows past which a rebuild also optimises the table, folding them into the IVF index (default 8 000). */
  maxUnindexedVectors: number;
  /** Small fragments (one or more a write) past which a table is compacted (default 32). */
  compactAfterFragments: number;
}

export const defaultIndexPolicy: IndexPolicy = {
  maxUnindexedRows: 1_000,
  maxUnindexedShare: 0.02,
  vectorIndexMinRows: defaultVectorIndexMinRows,
  maxUnindexedVectors: 8_000,
  compactAfterFragments: 32,
};

const ftsIndexName = `${termsColumn}_idx`;

/** Old table versions are pruned past this age (each write makes one, each index build a new index). */
const keepVersionsMs = 10 * 60_000;

/** Partition count of the table's vector index (null: none, flat scan). */
export async function vectorPartitions(table: Table): Promise<number | null> {
  const names = (await table.listIndices()).map((index) => index.name);
  return names.map(partitionsOf).find((p) => p !== null) ?? null;
}

/** Rows the full-text index leaves unindexed; every row when there is no index yet. */
async function unindexedRows(table: Table, rows: number): Promise<number> {
  const indexed = (await table.listIndices()).some((index) => index.name === ftsIndexName);
  return indexed ? ((await table.indexStats(ftsIndexName))?.numUnindexedRows ?? rows) : rows;
}

/**
 * Compacts a table grown from many small writes (scans slow down with each fragment) and prunes old
 * versions. The indexes are remapped, not rebuilt: full-text results need a rebuild after (see above).
 */
export async function compact(table: Table, policy: IndexPolicy, force = false): Promise<boolean> {
  const { fragmentStats } = await table.stats();
  if (!force && fragmentStats.numSmallFragments < policy.compactAfterFragments) return false;
  await table.optimize({ cleanupOlderThan: new Date(Date.now() - keepVersionsMs) });
  return true;
}

/** The index upkeep of one store: what it decides after a write, and its count of builds. */
export class IndexKeeper {
  private builds = 0;

  constructor(readonly policy: IndexPolicy) {}

  async status(table: Table | null): Promise<IndexStatus> {
    if (!table) return { chunks: 0, unindexedRows: 0, vectorPartitions: null, builds: this.builds };
    const chunks = await table.countRows();
    return {
      chunks,
      unindexedRows: chunks === 0 ? 0 : await unindexedRows(table, chunks),
      vectorPartitions: await vectorPartitions(table),
      builds: this.builds,
    };
  }

  /**
   * Brings the indexes up to date as `mode` asks; runs inside the writer. `defer` builds only a missing
   * index (over the rows so far: cheap, and searches stay sound until the deferred rebuild). `auto` rebuilds the full-text
   * index when it leaves too many rows to a scan or when the table is due for compaction (compaction
   * remaps the index, and a remapped index answered small-limit queries wrongly: STACK.md). The IVF
   * index's unindexed rows are asked for only when the full-text index is rebuilt anyway: LanceDB
   * reads the whole vector index to count them (~0.6 s at 100k chunks, most of a one-report ingest),
   * and between two rebuilds they grow by at most the full-text limit.
   */
  async afterWrite(table: Table, mode: IndexMode): Promise<void> {
    const rows = await table.countRows();
    if (rows === 0) return;
    const unindexed = await unindexedRows(table, rows);
    // Scanned rows are scored with the index's statistics: with no index at all the scores are noise.
    if (mode === 'defer' && unindexed < rows) return;
    const { maxUnindexedRows, maxUnindexedShare } = this.policy;
    const limit = mode === 'full' ? 0 : Math.min(maxUnindexedRows, maxUnindexedShare * rows);
    const indexed = unindexed < rows || unindexed === 0;
    const rebuild = !indexed || unindexed > limit;
    const compactNow =
      (await table.stats()).fragmentStats.numSmallFragments >= this.policy.compactAfterFragments ||
      (rebuild && (await this.manyUnindexedVectors(table)));
    if (rebuild || compactNow) {
      if (compactNow) await compact(table, this.policy, true);
      await table.createIndex(termsColumn, { config: ftsIndex(), name: ftsIndexName, replace: true });
      this.builds++;
    }
    await this.maintainVectorIndex(table, rows);
  }

  /**
   * Whether the IVF index leaves so many rows to a flat scan that it slows every vector search: then
   * the rebuild compacts the table, which folds them into the index (rare: it rewrites the table).
   */
  private async manyUnindexedVectors(table: Table): Promise<boolean> {
    const partitions = await vectorPartitions(table);
    if (partitions === null) return false;
    const stats = await table.indexStats(vectorIndexName(partitions));
    return (stats?.numUnindexedRows ?? 0) > this.policy.maxUnindexedVectors;
  }

  /** Builds the vector index once the table is large enough, and rebuilds it when the table outgrows it. */
  private async maintainVectorIndex(table: Table, rows: number): Promise<void> {
    const current = await vectorPartitions(table);
    const planned = plannedPartitions(rows, current, this.policy.vectorIndexMinRows);
    if (planned === null) return;
    if (current !== null) await table.dropIndex(vectorIndexName(current));
    await table.createIndex('vector', {
      config: Index.ivfFlat({ distanceType: 'dot', numPartitions: planned }),
      name: vectorIndexName(planned),
    });
  }
}
