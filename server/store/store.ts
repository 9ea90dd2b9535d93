import type { Table } from '@lancedb/lancedb';
import type { LedgerRecord } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import { reportFromJson } from '../report/index.ts';
import { chunkColumns } from './chunk-columns.ts';
import { chunksByIds, hybridSearch, textHits, vectorHits } from './chunk-search.ts';
import { filterToWhere, sqlString } from './filter.ts';
import { compact, type IndexKeeper, vectorPartitions } from './indexes.ts';
import { cleanOrphans, embeddedRows, type IngestTarget, storedKeys, writeReports } from './ingest.ts';
import { upgradeLayout } from './layout.ts';
import { assignLedger, type LedgerQuery, mergeLedger, readLedger } from './ledger-table.ts';
import type { MaterialShelf } from './material-types.ts';
import { openMaterials } from './materials.ts';
import { QueryCache } from './query-cache.ts';
import type { StoreTables } from './store-tables.ts';
import { ledgerSchema, reportsSchema, rowToChunk, rowToSummary, tableNames } from './tables.ts';
import type {
  Chunk,
  ChunkFilter,
  ChunkHit,
  Embedder,
  HybridRows,
  IndexStatus,
  IngestOptions,
  IngestOutcome,
  ReportSummary,
  Store,
  StoreCounts,
  StoreInfo,
} from './types.ts';
import { unitVector } from './vector.ts';
import type { Writer } from './writer.ts';

/** The store as `openStore` returns it (the name 0.1 gave the store that ingests in bulk). */
export type BulkStore = Store;

type Row = Record<string, unknown>;

/** The store over LanceDB tables, writes serialised by the writer; `openStore` (lance-open.ts) assembles it. */
export class LanceStore implements BulkStore {
  readonly embedder: Embedder;
  readonly materials: MaterialShelf;
  private readonly queries = new QueryCache();

  constructor(
    private readonly dataDir: string,
    private readonly tables: StoreTables,
    private readonly writer: Writer,
    private readonly keeper: IndexKeeper,
    private readonly writeBatchRows: number,
  ) {
    this.embedder = tables.embedder;
    this.materials = openMaterials(tables, writer);
  }

  /**
   * The chunks table ready for this embedder's vectors, or null when the next rows should create it
   * afresh (none yet, or an empty one from another embedder). Only called inside the writer.
   */
  private async chunksForWrite(): Promise<Table | null> {
    const state = await this.tables.chunksState();
    if (!state) return null;
    if (state.embedderId !== this.embedder.id) {
      if (state.embedderId === null || state.rows === 0) return null;
      throw this.tables.mismatch(state.embedderId);
    }
    if (!state.legacy) return state.table;
    if (state.rows === 0) return null;
    const embedderId = this.tables.storedEmbedderId ?? this.embedder.id;
    const upgraded = await upgradeLayout(state.table, state.schema, embedderId, (rows, schema) =>
      this.tables.writeChunks(rows, schema),
    );
    await this.keeper.afterWrite(upgraded, 'full');
    return upgraded;
  }

  /**
   * The chunks table when it can be searched with this embedder; null when there is nothing to search.
   * Throws `embedding_mismatch` when stored vectors come from another embedder; upgrades a 0.1 table.
   */
  private async searchableChunks(): Promise<Table | null> {
    const state = await this.tables.chunksState();
    if (!state || state.rows === 0) return null;
    if (state.embedderId !== null && state.embedderId !== this.embedder.id) {
      throw this.tables.mismatch(state.embedderId);
    }
    if (!state.legacy) return state.table;
    return this.writer.run(() => this.chunksForWrite());
  }

  ingestReport(report: Report, options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.ingestReports([report], options).then((outcomes) => outcomes[0]);
  }

  ingestReports(reports: Report[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
    return this.writer.run(async () => {
      const chunks = await this.chunksForWrite();
      const reportsTable = await this.tables.ensure(tableNames.reports, reportsSchema);
      const stored = await storedKeys(reportsTable);
      if (chunks) await cleanOrphans(chunks, stored);
      const target: IngestTarget = {
        embedder: this.embedder,
        reports: reportsTable,
        chunks,
        createChunks: (rows) => this.tables.writeChunks(rows),
        writeBatchRows: this.writeBatchRows,
        onProgress: options.onProgress,
      };
      const outcomes = await writeReports(target, reports, stored, options.replace);
      if (target.chunks) {
        await compact(reportsTable, this.keeper.policy);
        await this.keeper.afterWrite(target.chunks, options.index ?? 'auto');
      }
      return outcomes;
    });
  }

  async listReports(): Promise<ReportSummary[]> {
    const reports = await this.tables.open(tableNames.reports);
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
    const reports = await this.tables.open(tableNames.reports);
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
      const reports = await this.tables.open(tableNames.reports);
      if (!reports || (await reports.countRows(`\`id\` = ${sqlString(id)}`)) === 0) return false;
      // The reports row goes first: from then on the report is gone even if the chunk delete never runs.
      await reports.delete(`\`id\` = ${sqlString(id)}`);
      const chunks = await this.tables.open(tableNames.chunks);
      // Deleted rows drop out of every index at once; the indexes need no rebuild for them.
      if (chunks) await chunks.delete(`\`reportId\` = ${sqlString(id)}`);
      return true;
    });
  }

  async reindex(): Promise<{ chunks: number }> {
    const done = await this.writer.run(async () => {
      const table = await this.tables.open(tableNames.chunks);
      const reports = await this.tables.open(tableNames.reports);
      if (!table) return { chunks: 0 };
      await cleanOrphans(table, reports ? await storedKeys(reports) : []);
      const stored = (await table.query().select(chunkColumns).toArray()).map(rowToChunk);
      if (stored.length === 0) return { chunks: 0 };
      const rows: Row[] = [];
      for await (const batch of embeddedRows(this.embedder, stored)) rows.push(...batch);
      // One overwrite commit: readers see either all old vectors or all new ones, never a mix.
      const rebuilt = await this.tables.writeChunks(rows);
      this.queries.clear();
      await this.keeper.afterWrite(rebuilt, 'full');
      return { chunks: stored.length };
    });
    await this.materials.reindex();
    return done;
  }

  async counts(): Promise<StoreCounts> {
    const reports = await this.tables.open(tableNames.reports);
    const ledger = await this.tables.open(tableNames.ledger);
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
      if (records.length === 0) return { added: 0, replaced: 0 };
      const ledger = await this.tables.ensure(tableNames.ledger, ledgerSchema);
      // One record per office, year and metric, the office written as the store names it (ledger-table.ts).
      const outcome = await mergeLedger(ledger, records);
      await compact(ledger, this.keeper.policy);
      return outcome;
    });
  }

  assignLedger(org: string, file?: string): Promise<{ assigned: number }> {
    return this.writer.run(async () => {
      const ledger = await this.tables.open(tableNames.ledger);
      if (!ledger) return { assigned: 0 };
      return assignLedger(ledger, org, file);
    });
  }

  async queryLedger(q: LedgerQuery): Promise<LedgerRecord[]> {
    const ledger = await this.tables.open(tableNames.ledger);
    return ledger ? readLedger(ledger, q) : [];
  }

  async embedQuery(text: string): Promise<number[]> {
    await this.searchableChunks();
    return this.queries.get(text, async (t) => unitVector((await this.embedder.embed([t]))[0]));
  }

  async vectorSearch(vector: number[], filter: ChunkFilter, limit: number): Promise<ChunkHit[]> {
    const chunks = await this.searchableChunks();
    if (!chunks || limit <= 0) return [];
    const [committed, partitions] = await Promise.all([
      this.tables.committedIds(),
      this.tables.cachedByVersion(chunks, 'partitions', () => vectorPartitions(chunks)),
    ]);
    return vectorHits(chunks, committed, { vector, where: filterToWhere(filter), limit, partitions });
  }

  async textSearch(query: string, filter: ChunkFilter, limit: number): Promise<ChunkHit[]> {
    const chunks = await this.searchableChunks();
    if (!chunks || limit <= 0 || !query.trim()) return [];
    const committed = await this.tables.committedIds();
    return textHits(chunks, committed, { query, where: filterToWhere(filter), limit });
  }

  async chunks(hits: readonly (ChunkHit | string)[]): Promise<Chunk[]> {
    const chunks = await this.searchableChunks();
    return chunks ? chunksByIds(chunks, hits) : [];
  }

  async hybridRows(
    vector: number[],
    terms: string,
    filter: ChunkFilter,
    depth: number,
  ): Promise<HybridRows | null> {
    const chunks = await this.searchableChunks();
    return (
      chunks && hybridSearch(chunks, this.tables, { vector, terms, where: filterToWhere(filter), depth })
    );
  }

  async indexStatus(): Promise<IndexStatus> {
    return this.keeper.status(await this.tables.open(tableNames.chunks));
  }

  refreshIndexes(): Promise<IndexStatus> {
    return this.writer.run(async () => {
      const chunks = await this.chunksForWrite();
      if (chunks) await this.keeper.afterWrite(chunks, 'full');
      return this.keeper.status(chunks);
    });
  }

  info(): StoreInfo {
    return {
      dataDir: this.dataDir,
      embedderId: this.embedder.id,
      storedEmbedderId: this.tables.storedEmbedderId,
    };
  }

  async close(): Promise<void> {
    this.tables.close();
  }
}
