/**
 * The materials table behind `Store.materials`: this year's department submissions, one row per
 * sentence, embedded with the store's embedder and indexed for full text like the chunks of past
 * reports (so the project's hybrid retrieval runs over them), written through the store's one
 * serialised writer. A material is written in one commit, so a killed write leaves nothing partial.
 */
import type { Table } from '@lancedb/lancedb';
import { GovdraftError } from '../errors.ts';
import { sqlList, sqlString } from './filter.ts';
import { termsColumn, termsOf } from './fts.ts';
import { ftsIndex } from './fts-index.ts';
import {
  materialColumns,
  materialRow,
  materialsSchema,
  materialsTable,
  rowToMaterial,
} from './material-table.ts';
import type {
  MaterialChunk,
  MaterialFilter,
  MaterialMatch,
  MaterialOutcome,
  MaterialShelf,
} from './material-types.ts';
import type { StoreTables } from './store-tables.ts';
import { embedderKey } from './tables.ts';
import type { Embedder } from './types.ts';
import { unitVector } from './vector.ts';
import type { Writer } from './writer.ts';

type Row = Record<string, unknown>;

/** Embedding batches, as for the chunks of past reports. */
const embedBatch = 256;

/** The WHERE clause of a material filter; null when nothing is filtered, 'none' when nothing can match. */
function whereOf(filter: MaterialFilter): string | null | 'none' {
  const terms: string[] = [];
  if (filter.year !== undefined) terms.push(`\`year\` = ${Math.trunc(filter.year)}`);
  if (filter.kind !== undefined) terms.push(`\`kind\` = ${sqlString(filter.kind)}`);
  if (filter.materialIds !== undefined) {
    if (filter.materialIds.length === 0) return 'none';
    terms.push(`\`materialId\` IN ${sqlList([...filter.materialIds])}`);
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}

/** Reading order: material by material (as added), then paragraph and sentence. */
function byPlace(a: MaterialChunk, b: MaterialChunk): number {
  return (
    a.year - b.year ||
    a.addedAt.localeCompare(b.addedAt) ||
    a.materialId.localeCompare(b.materialId) ||
    a.paragraph - b.paragraph ||
    a.sentence - b.sentence
  );
}

class LanceMaterials implements MaterialShelf {
  private readonly embedder: Embedder;

  constructor(
    private readonly tables: StoreTables,
    private readonly writer: Writer,
  ) {
    this.embedder = tables.embedder;
  }

  /** The table when it exists (in this or another process), else null. */
  private open(): Promise<Table | null> {
    return this.tables.open(materialsTable);
  }

  /** The table when its vectors come from this embedder; throws `embedding_mismatch` otherwise. */
  private async searchable(): Promise<Table | null> {
    const table = await this.open();
    if (!table) return null;
    const stored = (await table.schema()).metadata.get(embedderKey) ?? null;
    if (stored === null || stored === this.embedder.id || (await table.countRows()) === 0) return table;
    throw this.tables.mismatch(stored);
  }

  /** Rows of sentences, embedded a batch at a time (within any endpoint's request limits). */
  private async rows(chunks: readonly MaterialChunk[]): Promise<Row[]> {
    const rows: Row[] = [];
    for (let i = 0; i < chunks.length; i += embedBatch) {
      const batch = chunks.slice(i, i + embedBatch);
      const vectors = await this.embedder.embed(batch.map((c) => c.text));
      if (vectors.length !== batch.length) {
        throw new GovdraftError(
          'model_failed',
          '向量模型返回的结果数量与请求不符',
          `Embedder ${this.embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`,
        );
      }
      rows.push(...batch.map((c, j) => materialRow(c, termsOf(c.text), unitVector(vectors[j]))));
    }
    return rows;
  }

  /** Writes the table afresh from `rows` (first material, or a reindex), tagged with this embedder. */
  private async create(rows: Row[]): Promise<Table> {
    const width = (rows[0].vector as number[]).length;
    const schema = materialsSchema(width, this.embedder.id);
    return this.tables.overwrite(materialsTable, rows, schema);
  }

  private async indexText(table: Table): Promise<void> {
    await table.createIndex(termsColumn, { config: ftsIndex(), replace: true });
  }

  add(chunks: readonly MaterialChunk[]): Promise<MaterialOutcome> {
    const first = chunks[0];
    if (!first) throw new Error('add: a material without sentences');
    return this.writer.run(async () => {
      const table = await this.searchable();
      const stored = table
        ? await table
            .query()
            .where(`\`year\` = ${first.year}`)
            .select(['materialId', 'department', 'fileName'])
            .toArray()
        : [];
      const same = stored.filter((r: Row) => r.materialId === first.materialId);
      if (same.length > 0 && same.every((r: Row) => r.department === first.department)) {
        return { status: 'unchanged', materialId: first.materialId, replacedIds: [] };
      }
      // Another version of the same department's file, or this one given another department.
      const replaced = [
        ...new Set(
          stored
            .filter(
              (r: Row) =>
                r.department === first.department &&
                (r.fileName === first.fileName || r.materialId === first.materialId),
            )
            .map((r: Row) => String(r.materialId)),
        ),
        ...(same.length > 0 ? [first.materialId] : []),
      ].filter((id, i, all) => all.indexOf(id) === i);
      const rows = await this.rows(chunks);
      if (!table || (await table.countRows()) === 0) await this.create(rows);
      else if (replaced.length === 0) await table.add(rows);
      else {
        // One commit swaps the old version's sentences for the new ones.
        await table
          .mergeInsert('id')
          .whenMatchedUpdateAll()
          .whenNotMatchedInsertAll()
          .whenNotMatchedBySourceDelete({
            where: `\`year\` = ${first.year} AND \`materialId\` IN ${sqlList(replaced)}`,
          })
          .execute(rows);
      }
      await this.indexText((await this.open()) as Table);
      return {
        status: replaced.length > 0 ? 'replaced' : 'added',
        materialId: first.materialId,
        replacedIds: replaced,
      };
    });
  }

  async chunks(filter: MaterialFilter = {}): Promise<MaterialChunk[]> {
    const table = await this.open();
    const where = whereOf(filter);
    if (!table || where === 'none') return [];
    const query = table.query().select(materialColumns);
    if (where) query.where(where);
    return (await query.toArray()).map(rowToMaterial).sort(byPlace);
  }

  remove(materialId: string): Promise<boolean> {
    return this.writer.run(async () => {
      const table = await this.open();
      const where = `\`materialId\` = ${sqlString(materialId)}`;
      if (!table || (await table.countRows(where)) === 0) return false;
      await table.delete(where);
      await this.indexText(table);
      return true;
    });
  }

  async embedQuery(text: string): Promise<number[]> {
    await this.searchable();
    return unitVector((await this.embedder.embed([text]))[0]);
  }

  async vectorSearch(vector: number[], filter: MaterialFilter, limit: number): Promise<MaterialMatch[]> {
    const table = await this.searchable();
    const where = whereOf(filter);
    if (!table || where === 'none' || limit <= 0) return [];
    const query = table
      .vectorSearch(unitVector(vector))
      .distanceType('dot')
      .select(materialColumns)
      .limit(limit);
    if (where) query.where(where).bypassVectorIndex();
    const rows = await query.toArray();
    return rows.map((row: Row) => ({ chunk: rowToMaterial(row), score: 1 - Number(row._distance) }));
  }

  async textSearch(query: string, filter: MaterialFilter, limit: number): Promise<MaterialMatch[]> {
    const table = await this.searchable();
    const where = whereOf(filter);
    const terms = termsOf(query);
    if (!table || where === 'none' || limit <= 0 || !terms) return [];
    const search = table
      .query()
      .fullTextSearch(terms, { columns: termsColumn })
      .select(materialColumns)
      .limit(limit);
    if (where) search.where(where);
    const rows = await search.toArray();
    return rows.map((row: Row) => ({ chunk: rowToMaterial(row), score: Number(row._score) }));
  }

  reindex(): Promise<number> {
    return this.writer.run(async () => {
      const table = await this.open();
      if (!table) return 0;
      const stored = (await table.query().select(materialColumns).toArray()).map(rowToMaterial);
      if (stored.length === 0) return 0;
      // One overwrite commit: readers see all old vectors or all new ones.
      await this.indexText(await this.create(await this.rows(stored)));
      return stored.length;
    });
  }
}

/** The materials shelf of a store: its tables (connection and embedder) and its serialised writer. */
export function openMaterials(tables: StoreTables, writer: Writer): MaterialShelf {
  return new LanceMaterials(tables, writer);
}
