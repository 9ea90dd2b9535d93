/**
 * Searches of the chunks table. Each search reads only ids and scores (or, for a hybrid search, only
 * row addresses): taking every candidate's columns cost more than the search itself at 100k chunks
 * (vector 26 → 14 ms, full text 17 → 9 ms); the caller fuses the lists and reads the few chunks it
 * keeps (`chunksByIds`, `rowsOf`).
 */
import type { Table } from '@lancedb/lancedb';
import { chunkColumns } from './chunk-columns.ts';
import { sqlList } from './filter.ts';
import { termsColumn, termsOf } from './fts.ts';
import { vectorPartitions } from './indexes.ts';
import type { StoreTables } from './store-tables.ts';
import { rowToChunk } from './tables.ts';
import type { Chunk, ChunkHit, HybridRows, RowHit } from './types.ts';
import { unitVector } from './vector.ts';
import { probesFor } from './vector-index.ts';

type Row = Record<string, unknown>;

const hitColumns = ['id', 'reportId'];

/**
 * Runs a search, dropping chunks of uncommitted reports (left by a killed ingest); fetches more while
 * they crowd out results.
 */
async function committedHits(
  committed: Set<string>,
  run: (fetch: number) => Promise<Row[]>,
  score: (row: Row) => number,
  limit: number,
): Promise<ChunkHit[]> {
  for (let fetch = limit + 8; ; fetch *= 4) {
    const rows = await run(fetch);
    const kept = rows.filter((row) => committed.has(String(row.reportId)));
    if (kept.length >= limit || rows.length < fetch) {
      return kept.slice(0, limit).map((row) => ({
        id: String(row.id),
        reportId: String(row.reportId),
        score: score(row),
        rowId: row._rowid as bigint,
      }));
    }
  }
}

/**
 * Nearest chunks by dot product (vectors are stored at unit length, so it ranks as cosine does, only
 * faster). With an IVF index a filtered search probes as many partitions as an unfiltered one and
 * more only while too few rows pass the filter: a flat scan of 100k filtered vectors took seconds.
 */
export function vectorHits(table: Table, committed: Set<string>, search: VectorSearch): Promise<ChunkHit[]> {
  return committedHits(
    committed,
    (fetch) => vectorQuery(table, search, fetch).select(hitColumns).withRowId().toArray(),
    (row) => 1 - Number(row._distance),
    search.limit,
  );
}

/** A vector search as LanceDB runs it: IVF probes (more for a filtered search), the filter inside. */
export interface VectorSearch {
  vector: number[];
  where: string | null;
  limit: number;
  partitions: number | null;
}

function vectorQuery(table: Table, search: VectorSearch, fetch: number) {
  const { where, partitions } = search;
  const query = table.vectorSearch(unitVector(search.vector)).distanceType('dot').limit(fetch);
  if (partitions !== null) {
    // nprobes sets the minimum and maximum together (setting one alone can cross the other's default).
    query.nprobes(probesFor(partitions));
    if (where) query.maximumNprobes(partitions);
  }
  if (where) query.where(where);
  return query;
}

/** A full-text search of a text's terms (see `termsOf`), the filter inside. */
export interface TextSearch {
  query: string;
  where: string | null;
  limit: number;
}

function textQuery(table: Table, terms: string, where: string | null, fetch: number) {
  const query = table.query().fullTextSearch(terms, { columns: termsColumn }).limit(fetch);
  if (where) query.where(where);
  return query;
}

/** BM25 matches of a query's terms (see `termsOf`), best first. */
export async function textHits(
  table: Table,
  committed: Set<string>,
  search: TextSearch,
): Promise<ChunkHit[]> {
  const terms = termsOf(search.query);
  if (!terms) return [];
  return committedHits(
    committed,
    (fetch) => textQuery(table, terms, search.where, fetch).select(hitColumns).withRowId().toArray(),
    (row) => Number(row._score),
    search.limit,
  );
}

/**
 * The vector and full-text lists of a hybrid search as row addresses and scores, `depth` deep each:
 * reading even the ids and report ids of the candidates doubled each search's time at 100k chunks
 * (vector 6.2 → 2.9 ms, full text 10.2 → 5.3 ms); the committed filter is left to `rowsOf`.
 */
export async function hybridRows(
  table: Table,
  vector: VectorSearch,
  text: TextSearch,
): Promise<[RowHit[], RowHit[]]> {
  const terms = termsOf(text.query);
  const hits = (rows: Row[], score: (row: Row) => number): RowHit[] =>
    rows.map((row) => ({ id: String(row._rowid), score: score(row) }));
  return Promise.all([
    vectorQuery(table, vector, vector.limit)
      .select([])
      .withRowId()
      .toArray()
      .then((rows) => hits(rows, (row) => 1 - Number(row._distance))),
    terms
      ? textQuery(table, terms, text.where, text.limit)
          .select([])
          .withRowId()
          .toArray()
          .then((rows) => hits(rows, (row) => Number(row._score)))
      : Promise.resolve([]),
  ]);
}

/** The chunks at these row addresses, in that order, those of uncommitted reports left out. */
export async function rowsOf(
  table: Table,
  committed: Set<string>,
  rowIds: readonly string[],
): Promise<Chunk[]> {
  if (rowIds.length === 0) return [];
  const rows = await table.takeRowIds(rowIds.map(BigInt)).select(chunkColumns).withRowId().toArray();
  const byRow = new Map(rows.map((row: Row) => [String(row._rowid), rowToChunk(row)]));
  return rowIds.flatMap((rowId) => {
    const chunk = byRow.get(rowId);
    return chunk && committed.has(chunk.reportId) ? [chunk] : [];
  });
}

/**
 * The chunks of `hits`, in that order; chunks no longer stored are left out. Read by row address
 * (8 ms for five at 100k chunks on a busy machine, against 25 ms by id); an address that another
 * writer has since moved (a compaction, a rewrite) reads another row or none, so whatever does not
 * match its id is read again by id.
 */
export async function chunksByIds(table: Table, hits: readonly (ChunkHit | string)[]): Promise<Chunk[]> {
  const wanted = hits.map((hit) => (typeof hit === 'string' ? { id: hit } : hit));
  const byId = new Map<string, Chunk>();
  const rowIds = wanted.flatMap((hit) => ('rowId' in hit && hit.rowId !== undefined ? [hit.rowId] : []));
  if (rowIds.length > 0) {
    const rows = await table
      .takeRowIds(rowIds)
      .select(chunkColumns)
      .toArray()
      .catch(() => []);
    for (const row of rows) byId.set(String(row.id), rowToChunk(row));
  }
  const missing = wanted.filter((hit) => !byId.has(hit.id)).map((hit) => hit.id);
  if (missing.length > 0) {
    const rows = await table
      .query()
      .where(`\`id\` IN ${sqlList(missing)}`)
      .select(chunkColumns)
      .toArray();
    for (const row of rows) byId.set(String(row.id), rowToChunk(row));
  }
  return wanted.flatMap((hit) => byId.get(hit.id) ?? []);
}

/**
 * A hybrid search's two lists by row address, with the read of the rows kept bound to the table
 * version they were found in (see `Store.hybridRows`).
 */
export async function hybridSearch(
  chunks: Table,
  tables: StoreTables,
  query: { vector: number[]; terms: string; where: string | null; depth: number },
): Promise<HybridRows> {
  const [version, committed, partitions] = await Promise.all([
    chunks.version(),
    tables.committedIds(),
    tables.cachedByVersion(chunks, 'partitions', () => vectorPartitions(chunks)),
  ]);
  const { vector, terms, where, depth } = query;
  const lists = await hybridRows(
    chunks,
    { vector, where, limit: depth, partitions },
    { query: terms, where, limit: depth },
  );
  return {
    lists,
    read: async (rowIds) => {
      const read = await rowsOf(chunks, committed, rowIds);
      // Versions only grow: the same one after the read means no row moved since the search.
      return (await chunks.version()) === version ? read : null;
    },
  };
}
