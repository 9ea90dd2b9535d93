/**
 * The ledger table: records keyed by office, year and metric. Stores written by 0.1 have no `org`
 * column: it is added in place (every old row with no office) before their first write.
 */
import type { Table } from '@lancedb/lancedb';
import type { LedgerRecord } from '../figures/index.ts';
import { sameOrg } from '../report/index.ts';
import { ledgerRow, rowToLedger } from './tables.ts';

type Row = Record<string, unknown>;

const keyOf = (r: { org?: unknown; year: unknown; metric: unknown }): string =>
  `${r.org ?? ''}\u0000${r.year}\u0000${r.metric}`;

/** Adds the `org` column to a ledger table written by 0.1 (old rows get '' — no office). Inside the writer. */
export async function upgradeLedgerTable(ledger: Table): Promise<void> {
  const schema = await ledger.schema();
  if (schema.fields.some((f) => f.name === 'org')) return;
  await ledger.addColumns([{ name: 'org', valueSql: "''" }]);
}

/** The distinct office names stored in the ledger table. */
async function storedOrgs(ledger: Table): Promise<string[]> {
  const schema = await ledger.schema();
  if (!schema.fields.some((f) => f.name === 'org')) return [];
  const rows = await ledger.query().select(['org']).toArray();
  return [...new Set(rows.map((row: Row) => String(row.org ?? '')).filter(Boolean))];
}

/**
 * The records with one per office, year and metric (the last one wins), each office written as the
 * store already names it (殷行街道 stays 殷行街道 when a file says 上海市杨浦区人民政府殷行街道办事处).
 */
function uniqueRecords(records: LedgerRecord[], known: string[]): LedgerRecord[] {
  const names = new Map<string, string>();
  const stored = (org: string): string => {
    let name = names.get(org);
    if (name === undefined) {
      name = known.find((k) => sameOrg(k, org)) ?? org;
      names.set(org, name);
    }
    return name;
  };
  const byKey = new Map<string, LedgerRecord>();
  for (const record of records) {
    const named = record.org ? { ...record, org: stored(record.org) } : record;
    byKey.set(keyOf(named), named);
  }
  return [...byKey.values()];
}

/** Merges records into the ledger table (runs inside the writer); counts added and replaced records. */
export async function mergeLedger(
  ledger: Table,
  records: LedgerRecord[],
): Promise<{ added: number; replaced: number }> {
  await upgradeLedgerTable(ledger);
  const unique = uniqueRecords(records, await storedOrgs(ledger));
  if (unique.length === 0) return { added: 0, replaced: 0 };
  const years = [...new Set(unique.map((r) => Math.trunc(r.year)))];
  const stored = await ledger
    .query()
    .where(`\`year\` IN (${years.join(', ')})`)
    .select(['org', 'year', 'metric'])
    .toArray();
  const storedKeys = new Set(stored.map(keyOf));
  const replaced = unique.filter((r) => storedKeys.has(keyOf(r))).length;
  // One merge on (org, year, metric) is atomic; the writer keeps it from racing another merge.
  await ledger
    .mergeInsert(['org', 'year', 'metric'])
    .whenMatchedUpdateAll()
    .whenNotMatchedInsertAll()
    .execute(unique.map(ledgerRow));
  return { added: unique.length - replaced, replaced };
}

/** What `readLedger` filters on: a year, words of the metric or note, an office (any of its names). */
export interface LedgerQuery {
  year?: number;
  q?: string;
  /** Records of this office only (short or full name); records with no office are left out. */
  org?: string;
}

/** Ledger records matching a query, in file order. */
export async function readLedger(ledger: Table, q: LedgerQuery): Promise<LedgerRecord[]> {
  const query = ledger.query();
  if (q.year !== undefined) query.where(`\`year\` = ${Math.trunc(q.year)}`);
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const org = q.org;
  return (await query.toArray())
    .map(rowToLedger)
    .filter((record) => {
      if (org !== undefined && !(record.org && sameOrg(record.org, org))) return false;
      const haystack = `${record.metric} ${record.note}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        a.year - b.year ||
        (a.org ?? '').localeCompare(b.org ?? '') ||
        a.source.file.localeCompare(b.source.file) ||
        a.source.row - b.source.row,
    );
}

/**
 * Gives the records with no office (only those from `file`, when given) to `org`: they are merged
 * under that office, replacing its records of the same year and metric, then removed. Inside the writer.
 */
export async function assignLedger(ledger: Table, org: string, file?: string): Promise<{ assigned: number }> {
  await upgradeLedgerTable(ledger);
  const unassigned = (await ledger.query().where("`org` = '' OR `org` IS NULL").toArray())
    .map(rowToLedger)
    .filter((r) => file === undefined || r.source.file === file);
  if (unassigned.length === 0) return { assigned: 0 };
  await mergeLedger(
    ledger,
    unassigned.map((r) => ({ ...r, org })),
  );
  const rows = file === undefined ? '' : ` AND \`sourceFile\` = '${file.replaceAll("'", "''")}'`;
  // Merged first, removed after: a crash in between leaves a copy, never a lost row.
  await ledger.delete(`(\`org\` = '' OR \`org\` IS NULL)${rows}`);
  return { assigned: unassigned.length };
}
