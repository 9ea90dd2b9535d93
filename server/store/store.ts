import { mkdirSync } from 'node:fs';
import { type Connection, connect, Index, type Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/types.ts';
import { reportFromJson } from '../report/index.ts';
import type { Report } from '../report/types.ts';
import { chunkReport } from './chunk.ts';
import { filterToWhere, sqlList, sqlString } from './filter.ts';
import { ftsIndexes, wordsOf } from './fts.ts';
import { ensureLanceThreads } from './lance-threads.ts';
import { defaultStoreUri, type StoreLocation } from './location.ts';
import {
  chunkColumns,
  chunkRow,
  chunksSchema,
  embedderKey,
  ledgerRow,
  ledgerSchema,
  reportRow,
  reportsSchema,
  rowToChunk,
  rowToLedger,
  rowToSummary,
  tableNames,
} from './tables.ts';
import type {
  Chunk,
  ChunkFilter,
  ChunkMatch,
  Embedder,
  IngestOutcome,
  ReportSummary,
  Store,
  StoreCounts,
  StoreInfo,
  TextMethod,
} from './types.ts';
import { unitVector } from './vector.ts';
import {
  defaultVectorIndexMinRows,
  partitionsOf,
  plannedPartitions,
  probesFor,
  vectorIndexName,
} from './vector-index.ts';
import { type StoredReportKey, supersededBy } from './versions.ts';
import { createWriter, defaultWriterOptions, type Writer, type WriterOptions } from './writer.ts';

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
}

/** A store that can also ingest many reports with one index rebuild (bulk ingest, benchmarks). */
export interface BulkStore extends Store {
  /** Like `ingestReport` for each report in order, rebuilding the full-text indexes once at the end. */
  ingestReports(reports: Report[]): Promise<IngestOutcome[]>;
}

type Row = Record<string, unknown>;

/** Embedding batches: small enough for any OpenAI-compatible server's request limits. */
const embedBatch = 256;
/** Every ingest adds fragments; past this many small ones a table is compacted (scans slow down with each). */
const compactAfterFragments = 32;
/** Old table versions (each write makes one, each index rebuild a new index) are pruned past this age. */
const keepVersionsMs = 10 * 60_000;

function mismatch(stored: string, current: string): GovdraftError {
  return new GovdraftError(
    'embedding_mismatch',
    `资料库的向量由“${stored}”生成,当前配置的向量模型为“${current}”。请运行 govdraft reindex 重建索引后再检索。`,
    `The chunks were embedded with "${stored}" but the configured embedder is "${current}"; run \`govdraft reindex\``,
  );
}

/**
 * The chunks rows of `chunks`, embedded a batch at a time; ingest writes each batch as it comes, so
 * memory stays flat for a very long report.
 */
async function* embeddedRows(embedder: Embedder, chunks: Chunk[]): AsyncGenerator<Row[]> {
  for (let i = 0; i < chunks.length; i += embedBatch) {
    const batch = chunks.slice(i, i + embedBatch);
    const vectors = await embedder.embed(batch.map((chunk) => chunk.text));
    if (vectors.length !== batch.length) {
      throw new GovdraftError(
        'model_failed',
        '向量模型返回的结果数量与请求不符',
        `Embedder ${embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`,
      );
    }
    yield batch.map((chunk, j) => chunkRow(chunk, wordsOf(chunk.text), unitVector(vectors[j])));
  }
}

class LanceStore implements BulkStore {
  readonly embedder: Embedder;
  private readonly dataDir: string;
  private readonly db: Connection;
  private readonly writer: Writer;
  private readonly tables = new Map<string, Table>();
  private storedEmbedderId: string | null = null;
  private schemaVersion: number | null = null;
  private indexed: { version: number; partitions: number | null } | null = null;
  private committed: { version: number; ids: Set<string> } | null = null;

  private readonly vectorIndexMinRows: number;

  constructor(
    dataDir: string,
    db: Connection,
    embedder: Embedder,
    writer: Writer,
    vectorIndexMinRows: number,
  ) {
    this.dataDir = dataDir;
    this.db = db;
    this.embedder = embedder;
    this.writer = writer;
    this.vectorIndexMinRows = vectorIndexMinRows;
  }

  /** An existing table, or null when no write has created it yet (in this or another process). */
  private async table(name: string): Promise<Table | null> {
    const cached = this.tables.get(name);
    if (cached) return cached;
    if (!(await this.db.tableNames()).includes(name)) return null;
    const table = await this.db.openTable(name);
    this.tables.set(name, table);
    return table;
  }

  /** Creates a table on first write; only called inside the writer. */
  private async ensureTable(name: string, schema: Schema): Promise<Table> {
    const existing = await this.table(name);
    if (existing) return existing;
    const table = await this.db.createEmptyTable(name, schema, { existOk: true });
    this.tables.set(name, table);
    return table;
  }

  /**
   * Reads which embedder built the stored vectors (another process may have reindexed); the schema
   * read (~3 ms) is skipped while the table's version is unchanged.
   */
  async refreshStoredEmbedder(): Promise<string | null> {
    const chunks = await this.table(tableNames.chunks);
    if (!chunks) {
      this.storedEmbedderId = null;
      return null;
    }
    const version = await chunks.version();
    if (this.schemaVersion !== version) {
      this.storedEmbedderId = (await chunks.schema()).metadata.get(embedderKey) ?? null;
      this.schemaVersion = version;
    }
    return this.storedEmbedderId;
  }

  /**
   * Creates the chunks table from its first rows (or replaces it wholesale on reindex) in one commit,
   * tagged with this embedder; the vector width comes from the vectors, so an endpoint's model needs
   * no configured dimension.
   */
  private async writeChunksTable(rows: Row[]): Promise<Table> {
    const width = (rows[0].vector as number[]).length;
    const schema = chunksSchema(width, this.embedder.id);
    const table = await this.db.createTable(tableNames.chunks, rows, { mode: 'overwrite', schema });
    this.tables.set(tableNames.chunks, table);
    this.storedEmbedderId = this.embedder.id;
    this.schemaVersion = await table.version();
    return table;
  }

  /**
   * The chunks table ready for this embedder's vectors, or null when the next rows should create it
   * afresh (none yet, or an empty one from another embedder). A non-empty table from another
   * embedder must be reindexed first.
   */
  private async chunksForWrite(): Promise<Table | null> {
    const table = await this.table(tableNames.chunks);
    const stored = await this.refreshStoredEmbedder();
    if (!table || stored === this.embedder.id) return table;
    if (stored === null || (await table.countRows()) === 0) return null;
    throw mismatch(stored, this.embedder.id);
  }

  /**
   * The chunks table when it can be searched with this embedder; null when there is nothing to search
   * (no table, or an empty one left by another embedder). Throws `embedding_mismatch` when stored
   * vectors come from another embedder.
   */
  private async searchableChunks(): Promise<Table | null> {
    const chunks = await this.table(tableNames.chunks);
    const stored = await this.refreshStoredEmbedder();
    if (!chunks || stored === null || stored === this.embedder.id) return chunks;
    if ((await chunks.countRows()) === 0) return null;
    throw mismatch(stored, this.embedder.id);
  }

  /**
   * Compacts a table grown from many small writes and prunes versions older than `keepVersionsMs`.
   * Compaction can leave full-text results wrong for small limits, so chunks get their indexes rebuilt after.
   */
  private async compact(table: Table): Promise<void> {
    const { fragmentStats } = await table.stats();
    if (fragmentStats.numSmallFragments < compactAfterFragments) return;
    await table.optimize({ cleanupOlderThan: new Date(Date.now() - keepVersionsMs) });
  }

  /** Full-text indexes rebuilt from scratch: rows added after indexing would be scored inconsistently. */
  private async rebuildIndexes(table: Table): Promise<void> {
    for (const [column, config] of Object.entries(ftsIndexes())) {
      await table.createIndex(column, { config, replace: true });
    }
  }

  /** Partition count of the chunks table's vector index (null: none, flat scan), cached per version. */
  private async vectorPartitions(chunks: Table): Promise<number | null> {
    const version = await chunks.version();
    if (this.indexed?.version !== version) {
      const names = (await chunks.listIndices()).map((index) => index.name);
      const partitions = names.map(partitionsOf).find((p) => p !== null) ?? null;
      this.indexed = { version, partitions };
    }
    return this.indexed.partitions;
  }

  /** Builds the vector index once the table is large enough, and rebuilds it when the table outgrows it. */
  private async maintainVectorIndex(chunks: Table): Promise<void> {
    const current = await this.vectorPartitions(chunks);
    const planned = plannedPartitions(await chunks.countRows(), current, this.vectorIndexMinRows);
    if (planned === null) return;
    if (current !== null) await chunks.dropIndex(vectorIndexName(current));
    await chunks.createIndex('vector', {
      config: Index.ivfFlat({ distanceType: 'dot', numPartitions: planned }),
      name: vectorIndexName(planned),
    });
  }

  /** Ids of committed reports, cached per version of the reports table (reading them costs ~25 ms). */
  private async committedIds(): Promise<Set<string>> {
    const reports = await this.table(tableNames.reports);
    if (!reports) return new Set();
    const version = await reports.version();
    if (this.committed?.version !== version) {
      const rows = await reports.query().select(['id']).toArray();
      this.committed = { version, ids: new Set(rows.map((row: Row) => String(row.id))) };
    }
    return this.committed.ids;
  }

  /** Deletes chunks left by an ingest that was killed before its reports row was written. */
  private async cleanOrphans(chunks: Table): Promise<number> {
    const committed = await this.committedIds();
    const rows = await chunks.query().select(['reportId']).toArray();
    const orphans = [...new Set(rows.map((row: Row) => String(row.reportId)))].filter(
      (id) => !committed.has(id),
    );
    if (orphans.length === 0) return 0;
    await chunks.delete(`\`reportId\` IN ${sqlList(orphans)}`);
    return orphans.length;
  }

  /** Identity columns of every stored report (not the JSON), for the replacement decisions of an ingest. */
  private async storedKeys(reports: Table): Promise<StoredReportKey[]> {
    const rows = await reports.query().select(['id', 'fileName', 'title', 'org', 'year', 'chunks']).toArray();
    return rows.map((row: Row) => ({
      id: String(row.id),
      fileName: row.fileName === null ? null : String(row.fileName),
      title: String(row.title),
      org: row.org === null ? null : String(row.org),
      year: row.year === null ? null : Number(row.year),
      chunks: Number(row.chunks),
    }));
  }

  ingestReport(report: Report): Promise<IngestOutcome> {
    return this.ingestReports([report]).then((outcomes) => outcomes[0]);
  }

  ingestReports(reports: Report[]): Promise<IngestOutcome[]> {
    return this.writer.run(async () => {
      let chunks = await this.chunksForWrite();
      const reportsTable = await this.ensureTable(tableNames.reports, reportsSchema);
      let changed = chunks !== null && (await this.cleanOrphans(chunks)) > 0;
      const outcomes: IngestOutcome[] = [];
      let stored = await this.storedKeys(reportsTable);
      for (const report of reports) {
        const existing = stored.find((key) => key.id === report.id);
        if (existing) {
          outcomes.push({
            status: 'unchanged',
            reportId: report.id,
            replacedIds: [],
            chunks: existing.chunks,
          });
          continue;
        }
        const replaced = supersededBy(stored, report);
        const pieces = chunkReport(report);
        // Chunks first, the reports row last: a killed ingest leaves only orphan chunks, never a partial report.
        for await (const rows of embeddedRows(this.embedder, pieces)) {
          if (chunks) await chunks.add(rows);
          else chunks = await this.writeChunksTable(rows);
        }
        const row = reportRow(report, pieces.length, new Date());
        if (replaced.length > 0) {
          // One commit swaps the old reports rows for the new one.
          await reportsTable
            .mergeInsert('id')
            .whenNotMatchedInsertAll()
            .whenNotMatchedBySourceDelete({ where: `\`id\` IN ${sqlList(replaced)}` })
            .execute([row]);
          await chunks?.delete(`\`reportId\` IN ${sqlList(replaced)}`);
        } else {
          await reportsTable.add([row]);
        }
        changed = true;
        stored = [
          ...stored.filter((key) => !replaced.includes(key.id)),
          {
            id: report.id,
            fileName: report.source.fileName,
            title: report.title,
            org: report.org,
            year: report.year,
            chunks: pieces.length,
          },
        ];
        outcomes.push({
          status: replaced.length > 0 ? 'replaced' : 'added',
          reportId: report.id,
          replacedIds: replaced,
          chunks: pieces.length,
        });
      }
      if (changed && chunks) {
        await this.compact(reportsTable);
        await this.compact(chunks);
        await this.rebuildIndexes(chunks);
        await this.maintainVectorIndex(chunks);
      }
      return outcomes;
    });
  }

  async listReports(): Promise<ReportSummary[]> {
    const reports = await this.table(tableNames.reports);
    if (!reports) return [];
    const rows = await reports
      .query()
      .select(['id', 'title', 'org', 'year', 'fileName', 'addedAt', 'parts', 'paragraphs', 'chunks'])
      .toArray();
    return rows
      .map(rowToSummary)
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, 'zh-CN'));
  }

  async getReport(id: string): Promise<Report | null> {
    const reports = await this.table(tableNames.reports);
    if (!reports) return null;
    const rows = await reports
      .query()
      .where(`\`id\` = ${sqlString(id)}`)
      .select(['json'])
      .toArray();
    return rows.length > 0 ? reportFromJson(String(rows[0].json)) : null;
  }

  deleteReport(id: string): Promise<boolean> {
    return this.writer.run(async () => {
      const reports = await this.table(tableNames.reports);
      if (!reports || (await reports.countRows(`\`id\` = ${sqlString(id)}`)) === 0) return false;
      // The reports row goes first: from then on the report is gone even if the chunk delete never runs.
      await reports.delete(`\`id\` = ${sqlString(id)}`);
      const chunks = await this.table(tableNames.chunks);
      if (chunks) {
        await chunks.delete(`\`reportId\` = ${sqlString(id)}`);
        await this.compact(chunks);
        await this.rebuildIndexes(chunks);
      }
      return true;
    });
  }

  reindex(): Promise<{ chunks: number }> {
    return this.writer.run(async () => {
      const table = await this.table(tableNames.chunks);
      if (!table) return { chunks: 0 };
      await this.cleanOrphans(table);
      const stored = (await table.query().select(chunkColumns).toArray()).map(rowToChunk);
      if (stored.length === 0) return { chunks: 0 };
      const rows: Row[] = [];
      for await (const batch of embeddedRows(this.embedder, stored)) rows.push(...batch);
      // One overwrite commit: readers see either all old vectors or all new ones, never a mix.
      const rebuilt = await this.writeChunksTable(rows);
      await this.rebuildIndexes(rebuilt);
      await this.maintainVectorIndex(rebuilt);
      return { chunks: stored.length };
    });
  }

  async counts(): Promise<StoreCounts> {
    const reports = await this.table(tableNames.reports);
    const ledger = await this.table(tableNames.ledger);
    const reportRows = reports ? await reports.query().select(['year', 'chunks']).toArray() : [];
    const ledgerYears = ledger ? await ledger.query().select(['year']).toArray() : [];
    const years = new Set<number>();
    for (const row of [...reportRows, ...ledgerYears]) if (row.year !== null) years.add(Number(row.year));
    return {
      reports: reportRows.length,
      chunks: reportRows.reduce((sum: number, row: Row) => sum + Number(row.chunks), 0),
      ledgerRecords: ledgerYears.length,
      years: [...years].sort((a, b) => a - b),
    };
  }

  importLedger(records: LedgerRecord[]): Promise<{ added: number; replaced: number }> {
    return this.writer.run(async () => {
      const byKey = new Map<string, LedgerRecord>();
      for (const record of records) byKey.set(`${record.year}\u0000${record.metric}`, record);
      if (byKey.size === 0) return { added: 0, replaced: 0 };
      const ledger = await this.ensureTable(tableNames.ledger, ledgerSchema);
      const years = [...new Set([...byKey.values()].map((r) => Math.trunc(r.year)))];
      const stored = await ledger
        .query()
        .where(`\`year\` IN (${years.join(', ')})`)
        .select(['year', 'metric'])
        .toArray();
      const storedKeys = new Set(stored.map((row: Row) => `${row.year}\u0000${row.metric}`));
      const replaced = [...byKey.keys()].filter((key) => storedKeys.has(key)).length;
      // One merge on (year, metric) is atomic; the writer keeps it from racing another merge.
      await ledger
        .mergeInsert(['year', 'metric'])
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute([...byKey.values()].map(ledgerRow));
      await this.compact(ledger);
      return { added: byKey.size - replaced, replaced };
    });
  }

  async queryLedger(q: { year?: number; q?: string }): Promise<LedgerRecord[]> {
    const ledger = await this.table(tableNames.ledger);
    if (!ledger) return [];
    const query = ledger.query();
    if (q.year !== undefined) query.where(`\`year\` = ${Math.trunc(q.year)}`);
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return (await query.toArray())
      .map(rowToLedger)
      .filter((record) => {
        const haystack = `${record.metric} ${record.note}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .sort(
        (a, b) =>
          a.year - b.year || a.source.file.localeCompare(b.source.file) || a.source.row - b.source.row,
      );
  }

  async embedQuery(text: string): Promise<number[]> {
    await this.searchableChunks();
    return unitVector((await this.embedder.embed([text]))[0]);
  }

  /** Runs a search, dropping chunks of uncommitted reports; fetches more while they crowd out results. */
  private async committedMatches(
    run: (fetch: number) => Promise<Row[]>,
    score: (row: Row) => number,
    limit: number,
  ): Promise<ChunkMatch[]> {
    const committed = await this.committedIds();
    for (let fetch = limit + 8; ; fetch *= 4) {
      const rows = await run(fetch);
      const kept = rows.filter((row) => committed.has(String(row.reportId)));
      if (kept.length >= limit || rows.length < fetch) {
        return kept.slice(0, limit).map((row) => ({ chunk: rowToChunk(row), score: score(row) }));
      }
    }
  }

  async vectorSearch(vector: number[], filter: ChunkFilter, limit: number): Promise<ChunkMatch[]> {
    const chunks = await this.searchableChunks();
    if (!chunks || limit <= 0) return [];
    const where = filterToWhere(filter);
    const partitions = await this.vectorPartitions(chunks);
    return this.committedMatches(
      (fetch) => {
        // Vectors are stored at unit length, so dot product ranks as cosine does, only faster.
        const query = chunks
          .vectorSearch(unitVector(vector))
          .distanceType('dot')
          .select(chunkColumns)
          .limit(fetch);
        // A filtered search scans exactly: probing a few partitions could miss the few rows that pass.
        if (where) query.where(where).bypassVectorIndex();
        else if (partitions !== null) query.nprobes(probesFor(partitions));
        return query.toArray();
      },
      (row) => 1 - Number(row._distance),
      limit,
    );
  }

  async textSearch(
    query: string,
    filter: ChunkFilter,
    limit: number,
    method: TextMethod = 'bigrams',
  ): Promise<ChunkMatch[]> {
    const chunks = await this.searchableChunks();
    const terms = method === 'words' ? wordsOf(query) : query.trim();
    if (!chunks || limit <= 0 || !terms) return [];
    const where = filterToWhere(filter);
    return this.committedMatches(
      (fetch) => {
        const search = chunks
          .query()
          .fullTextSearch(terms, { columns: method === 'words' ? 'words' : 'text' })
          .select(chunkColumns)
          .limit(fetch);
        if (where) search.where(where);
        return search.toArray();
      },
      (row) => Number(row._score),
      limit,
    );
  }

  info(): StoreInfo {
    return { dataDir: this.dataDir, embedderId: this.embedder.id, storedEmbedderId: this.storedEmbedderId };
  }

  async close(): Promise<void> {
    for (const table of this.tables.values()) table.close();
    this.tables.clear();
    this.db.close();
  }
}

/**
 * Opens (creating if needed) the store under `dataDir`: LanceDB in `<dataDir>/lancedb` (or at
 * `location`, e.g. `s3://bucket/prefix`), writes serialised through `<dataDir>/write.lock`. Opening never waits for another process's writes.
 * @example const store = await openStore({ dataDir: '.govdraft', embedder: createLexicalEmbedder() })
 */
export async function openStore(options: StoreOptions): Promise<BulkStore> {
  ensureLanceThreads();
  mkdirSync(options.dataDir, { recursive: true });
  const location = options.location ?? { uri: defaultStoreUri(options.dataDir), options: {} };
  // readConsistencyInterval 0: every read sees what other processes committed.
  const db = await connect(location.uri, {
    readConsistencyInterval: 0,
    ...(Object.keys(location.options).length > 0 ? { storageOptions: location.options } : {}),
  });
  const writer = createWriter(options.dataDir, { ...defaultWriterOptions, ...options.lock });
  const store = new LanceStore(
    options.dataDir,
    db,
    options.embedder,
    writer,
    options.vectorIndexMinRows ?? defaultVectorIndexMinRows,
  );
  await store.refreshStoredEmbedder();
  return store;
}
