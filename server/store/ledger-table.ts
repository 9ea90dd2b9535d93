/** The ledger table: records keyed by year and metric. */
import type { Table } from '@lancedb/lancedb';
import type { LedgerRecord } from '../figures/types.ts';
import { ledgerRow, rowToLedger } from './tables.ts';

type Row = Record<string, unknown>;

/** The records of `records` with one per year and metric (the last one wins). */
export function uniqueRecords(records: LedgerRecord[]): LedgerRecord[] {
  const byKey = new Map<string, LedgerRecord>();
  for (const record of records) byKey.set(`${record.year}\u0000${record.metric}`, record);
  return [...byKey.values()];
}

/** Merges records into the ledger table (runs inside the writer); counts added and replaced records. */
export async function mergeLedger(
  ledger: Table,
  records: LedgerRecord[],
): Promise<{ added: number; replaced: number }> {
  const years = [...new Set(records.map((r) => Math.trunc(r.year)))];
  const stored = await ledger
    .query()
    .where(`\`year\` IN (${years.join(', ')})`)
    .select(['year', 'metric'])
    .toArray();
  const storedKeys = new Set(stored.map((row: Row) => `${row.year}\u0000${row.metric}`));
  const replaced = records.filter((r) => storedKeys.has(`${r.year}\u0000${r.metric}`)).length;
  // One merge on (year, metric) is atomic; the writer keeps it from racing another merge.
  await ledger
    .mergeInsert(['year', 'metric'])
    .whenMatchedUpdateAll()
    .whenNotMatchedInsertAll()
    .execute(records.map(ledgerRow));
  return { added: records.length - replaced, replaced };
}

/** Ledger records of a year and/or whose metric or note contains every word of `q`, in file order. */
export async function readLedger(ledger: Table, q: { year?: number; q?: string }): Promise<LedgerRecord[]> {
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
      (a, b) => a.year - b.year || a.source.file.localeCompare(b.source.file) || a.source.row - b.source.row,
    );
}
