/**
 * The chunks table's column layout across versions. 0.1 kept a jieba `words` column beside `text`,
 * each with its own full-text index; now one `terms` column holds words and bigrams under one index.
 * A 0.1 table is rewritten in the new layout the first time the store needs it, vectors kept as they
 * are (no re-embedding, so no model is called).
 */
import type { Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import { chunkColumns } from './chunk-columns.ts';
import { termsOf } from './fts.ts';
import { chunkRow, chunksSchema, currentLayout, layoutKey, rowToChunk } from './tables.ts';

type Row = Record<string, unknown>;

/** True when a chunks schema predates the `terms` layout. */
export function isLegacyLayout(schema: Schema): boolean {
  return schema.metadata.get(layoutKey) !== currentLayout;
}

/** Width of the schema's `vector` column. */
function vectorWidth(schema: Schema): number {
  const field = schema.fields.find((f) => f.name === 'vector');
  return (field?.type as { listSize?: number } | undefined)?.listSize ?? 0;
}

/** A stored 0.1 row (with its vector) as a row of the current layout. */
function upgradedRow(row: Row): Row {
  const vector = Array.from(row.vector as Iterable<number>);
  return chunkRow(rowToChunk(row), termsOf(String(row.text)), vector);
}

/**
 * Rewrites a 0.1 chunks table in the current layout, tagged with the embedder of its vectors, through
 * `write` (one overwrite commit: readers see the old table or the new one). Only inside the writer.
 */
export async function upgradeLayout(
  table: Table,
  schema: Schema,
  embedderId: string,
  write: (rows: Row[], schema: Schema) => Promise<Table>,
): Promise<Table> {
  const rows = await table
    .query()
    .select([...chunkColumns, 'vector'])
    .toArray();
  const upgraded: Row[] = [];
  for (const row of rows) {
    upgraded.push(upgradedRow(row));
    // Cutting terms is CPU work: let timers run (the write lock's refresh) every few hundred rows.
    if (upgraded.length % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return write(upgraded, chunksSchema(vectorWidth(schema), embedderId));
}
