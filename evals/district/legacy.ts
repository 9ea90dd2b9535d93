/**
 * govdraft 0.1's full-text layout and search path, rebuilt beside the store in the same run, so the
 * district benchmark prints "0.1" next to "now" under the same load: a `text` column under a
 * character-bigram index and a jieba `words` column under a whitespace index (both with positions,
 * 0.1's default), three searches reading every candidate's columns, fused with equal weights, and a
 * filtered vector search scanning every vector. The vectors are the store's own (same table, same
 * IVF index): 0.1 kept them the same way.
 */
import type { Connection, Table } from '@lancedb/lancedb';
import { Index } from '@lancedb/lancedb';
import type { Report } from '../../server/report/index.ts';
import { fuseRanks, searchTerms } from '../../server/retrieve/index.ts';
import type { ChunkFilter, ChunkHit, Store } from '../../server/store/index.ts';
import { chunkColumns, chunkReport, filterToWhere, probesFor } from '../../server/store/index.ts';
import { segment } from '../../server/text/index.ts';

type Row = Record<string, unknown>;

const indexes = {
  text: () =>
    Index.fts({
      baseTokenizer: 'ngram',
      ngramMinLength: 2,
      ngramMaxLength: 2,
      prefixOnly: false,
      stem: false,
      removeStopWords: false,
    }),
  words: () =>
    Index.fts({ baseTokenizer: 'whitespace', lowercase: true, stem: false, removeStopWords: false }),
};

const wordsOf = (text: string) => segment(text).join(' ').toLowerCase();
const legacyRow = (row: Row): Row => {
  const out: Row = {};
  for (const column of chunkColumns) out[column] = row[column];
  return { ...out, words: wordsOf(String(row.text)) };
};
const hits = (rows: Row[]): ChunkHit[] =>
  rows.map((row) => ({ id: String(row.id), reportId: String(row.reportId), score: 0 }));

export class LegacyPath {
  private constructor(
    private readonly main: Table,
    private readonly table: Table,
    private readonly partitions: number | null,
  ) {}

  /** Copies the store's chunks into 0.1's layout; times the writes and the two index builds apart. */
  static async build(db: Connection, main: Table): Promise<{ legacy: LegacyPath; indexSeconds: number }> {
    const total = await main.countRows();
    let table: Table | null = null;
    for (let offset = 0; offset < total; offset += 10_000) {
      const rows = (await main.query().select(chunkColumns).offset(offset).limit(10_000).toArray()).map(
        legacyRow,
      );
      if (table) await table.add(rows);
      else table = await db.createTable('legacy_chunks', rows, { mode: 'overwrite' });
    }
    if (!table) throw new Error('the store has no chunks');
    const started = performance.now();
    for (const [column, config] of Object.entries(indexes))
      await table.createIndex(column, { config: config() });
    const indexSeconds = (performance.now() - started) / 1000;
    const names = (await main.listIndices()).map((i) => i.name);
    const ivf = names.find((name) => name.startsWith('vector_ivf_p'));
    return {
      legacy: new LegacyPath(main, table, ivf ? Number(ivf.slice('vector_ivf_p'.length)) : null),
      indexSeconds,
    };
  }

  /** 0.1's ingest of one more report: its rows added, then both full-text indexes rebuilt from scratch. */
  async addAndRebuild(report: Report): Promise<number> {
    const started = performance.now();
    await this.table.add(chunkReport(report).map((chunk) => legacyRow({ ...chunk })));
    for (const [column, config] of Object.entries(indexes)) {
      await this.table.createIndex(column, { config: config(), replace: true });
    }
    return (performance.now() - started) / 1000;
  }

  /** 0.1's hybrid search: ids of the k chunks it returned. */
  async search(store: Store, question: string, filter: ChunkFilter, k: number): Promise<string[]> {
    const terms = searchTerms(question);
    const where = filterToWhere(filter);
    const fetch = Math.max(20, k * 4) + 8;
    const vector = await store.embedQuery(terms);
    const near = this.main.vectorSearch(vector).distanceType('dot').select(chunkColumns).limit(fetch);
    if (where) near.where(where).bypassVectorIndex();
    else if (this.partitions !== null) near.nprobes(probesFor(this.partitions));
    const text = (column: string, query: string) => {
      const q = this.table
        .query()
        .fullTextSearch(query, { columns: column })
        .select(chunkColumns)
        .limit(fetch);
      if (where) q.where(where);
      return q.toArray();
    };
    const lists = await Promise.all([near.toArray(), text('text', terms), text('words', wordsOf(terms))]);
    return fuseRanks(lists.map(hits))
      .slice(0, k)
      .map((hit) => hit.id);
  }
}
