/**
 * The store's LanceDB tables: opened once, created on first write, and what is read of them often
 * (the chunks schema, the committed report ids) cached per table version — another process may
 * write at any time, and a version check (~0.4 ms) is far cheaper than the reads.
 */
import type { Connection, Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { GovdraftError } from '../errors.ts';
import { redactSecrets } from '../redact.ts';
import { isLegacyLayout } from './layout.ts';
import { chunksSchema, embedderKey, tableNames } from './tables.ts';
import type { Embedder } from './types.ts';

type Row = Record<string, unknown>;

/** What the store needs to know of its chunks table before reading or writing it. */
export interface ChunksState {
  table: Table;
  schema: Schema;
  rows: number;
  /** The embedder that built the stored vectors (null: an untagged, empty table). */
  embedderId: string | null;
  /** A 0.1 table, without the `terms` column. */
  legacy: boolean;
}

/** An error naming the embedder mismatch and the command that fixes it. */
function mismatch(storedId: string, currentId: string): GovdraftError {
  const [stored, current] = [redactSecrets(storedId), redactSecrets(currentId)];
  return new GovdraftError(
    'embedding_mismatch',
    `资料库的向量由“${stored}”生成,当前配置的向量模型为“${current}”。请运行 govdraft reindex 重建索引后再检索。`,
    `The chunks were embedded with "${stored}" but the configured embedder is "${current}"; run \`govdraft reindex\``,
  );
}

export class StoreTables {
  /** The embedder of the stored vectors, as last read (null: nothing stored yet). */
  storedEmbedderId: string | null = null;
  private readonly opened = new Map<string, Table>();
  private readonly cache = new Map<string, { version: number; value: unknown }>();

  constructor(
    private readonly db: Connection,
    readonly embedder: Embedder,
  ) {}

  /** An existing table, or null when no write has created it yet (in this or another process). */
  async open(name: string): Promise<Table | null> {
    const cached = this.opened.get(name);
    if (cached) return cached;
    if (!(await this.db.tableNames()).includes(name)) return null;
    let table: Table;
    try {
      table = await this.db.openTable(name);
    } catch (error) {
      // A table whose first commit never landed (a full disk mid-create) holds nothing: as if absent.
      if (/was not found/.test(String(error))) return null;
      throw error;
    }
    this.opened.set(name, table);
    return table;
  }

  /** Creates a table on first write (over the remains of a create that failed); only called inside the writer. */
  async ensure(name: string, schema: Schema): Promise<Table> {
    const existing = await this.open(name);
    if (existing) return existing;
    const table = await this.db.createEmptyTable(name, schema, { mode: 'overwrite' });
    this.opened.set(name, table);
    return table;
  }

  /** `read(table)`, computed again only when the table's version changed since the last call. */
  async cachedByVersion<T>(table: Table, key: string, read: () => Promise<T>): Promise<T> {
    const version = await table.version();
    const hit = this.cache.get(`${table.name}:${key}`);
    if (hit?.version === version) return hit.value as T;
    const value = await read();
    this.cache.set(`${table.name}:${key}`, { version, value });
    return value;
  }

  /** The chunks table and what its schema says, or null when there is none. */
  async chunksState(): Promise<ChunksState | null> {
    const table = await this.open(tableNames.chunks);
    if (!table) {
      this.storedEmbedderId = null;
      return null;
    }
    const state = await this.cachedByVersion(table, 'state', async () => {
      const schema = await table.schema();
      const embedderId = schema.metadata.get(embedderKey) ?? null;
      return { table, schema, rows: await table.countRows(), embedderId, legacy: isLegacyLayout(schema) };
    });
    this.storedEmbedderId = state.embedderId;
    return state;
  }

  mismatch(stored: string): GovdraftError {
    return mismatch(stored, this.embedder.id);
  }

  /**
   * Creates the chunks table from its first rows (or replaces it wholesale) in one commit, tagged with
   * the embedder; the vector width comes from the vectors, so an endpoint's model needs no configured
   * dimension.
   */
  async writeChunks(rows: Row[], schema?: Schema): Promise<Table> {
    const width = (rows[0]?.vector as number[] | undefined)?.length ?? 0;
    const tagged = schema ?? chunksSchema(width, this.embedder.id);
    const table = await this.db.createTable(tableNames.chunks, rows, { mode: 'overwrite', schema: tagged });
    this.opened.set(tableNames.chunks, table);
    this.storedEmbedderId = tagged.metadata.get(embedderKey) ?? null;
    return table;
  }

  /** Writes table `name` afresh from `rows` in one commit (a first write, or a rewrite). */
  async overwrite(name: string, rows: Row[], schema: Schema): Promise<Table> {
    const table = await this.db.createTable(name, rows, { mode: 'overwrite', schema });
    this.opened.get(name)?.close();
    this.opened.set(name, table);
    return table;
  }

  /** Ids of committed reports (reading them costs ~25 ms at a few hundred reports). */
  async committedIds(): Promise<Set<string>> {
    const reports = await this.open(tableNames.reports);
    if (!reports) return new Set();
    return this.cachedByVersion(reports, 'ids', async () => {
      const rows = await reports.query().select(['id']).toArray();
      return new Set(rows.map((row: Row) => String(row.id)));
    });
  }

  close(): void {
    for (const table of this.opened.values()) table.close();
    this.opened.clear();
    this.db.close();
  }
}
