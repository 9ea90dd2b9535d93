/**
 * The office column of a ledger (单位名称, 填报单位, 街道…): a district's ledger holds the rows of
 * several offices, each naming its own. A header of just 单位 usually means the unit; it is the office
 * column when another column already holds the unit, or when its cells read as office names.
 */
import { isOfficeName } from '../../report/index.ts';
import { normalizeUnit } from '../quantities/index.ts';
import type { LedgerTable } from './ledger-table.ts';
import { cellText } from './ledger-table.ts';

/** Data cells looked at to tell an office column from a unit column. */
const sampleRows = 50;

/** True when the column's filled cells read mostly as office names (殷行街道), not as units (处, 万元). */
function holdsOffices(table: LedgerTable, dataIndex: number, column: number): boolean {
  let offices = 0;
  let filled = 0;
  for (const row of table.rows.slice(dataIndex, dataIndex + sampleRows)) {
    const text = cellText(row.cells[column] ?? null);
    if (text === '') continue;
    filled++;
    if (isOfficeName(text) && !normalizeUnit(text)) offices++;
  }
  return offices > 0 && offices * 2 > filled;
}

/**
 * Moves a column headed 单位 from the unit columns to the office columns when it names offices:
 * another unit column exists (计量单位 beside 单位), or its cells are office names. `bare` lists the
 * unit columns whose header says only 单位. Changes `columns` in place.
 */
export function settleOrgColumns(
  table: LedgerTable,
  dataIndex: number,
  columns: { unit: number[]; org: number[] },
  bare: number[],
): void {
  if (columns.org.length > 0) return;
  for (const column of bare) {
    const otherUnit = columns.unit.some((c) => c !== column && !bare.includes(c));
    if (!otherUnit && !holdsOffices(table, dataIndex, column)) continue;
    columns.unit = columns.unit.filter((c) => c !== column);
    columns.org.push(column);
    return;
  }
}

/** An office name as written in a cell or given at import: trimmed, inner spaces removed. */
export function officeName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').trim();
}
