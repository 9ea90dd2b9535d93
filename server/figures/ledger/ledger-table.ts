/** The neutral grid every ledger reader (CSV, XLSX, JSON) produces before rows become records. */

/** A cell whose content could not be read as a value (an Excel error or a formula never computed). */
export interface LedgerCellFault {
  fault: 'formula_error' | 'formula_without_result';
  /** The Excel error (#DIV/0!) or the formula text. */
  text: string;
}

export type LedgerCell = string | number | null | LedgerCellFault;

export interface LedgerRow {
  /** 1-based row number in the file (sheet row, CSV record, JSON array position). */
  row: number;
  cells: LedgerCell[];
}

/** A merged region of a sheet: 1-based row numbers, 0-based column indices, inclusive. */
export interface LedgerMerge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface LedgerTable {
  /** The sheet's name (XLSX), else null. */
  sheet: string | null;
  rows: LedgerRow[];
  /** Merged regions near the top of the sheet (XLSX only): they shape multi-row headers. */
  merges: LedgerMerge[];
  /** How messages name a row: 行 in sheets and CSV, 条记录 in JSON arrays. */
  rowNoun: 'row' | 'record';
}

/** True for the fault marker of an unreadable cell. */
export function isCellFault(cell: LedgerCell): cell is LedgerCellFault {
  return typeof cell === 'object' && cell !== null;
}

/** The cell as trimmed text ('' for empty cells and faults). */
export function cellText(cell: LedgerCell): string {
  if (cell === null || isCellFault(cell)) return '';
  return String(cell).trim();
}

/** True when the cell holds nothing. */
export function isEmptyCell(cell: LedgerCell): boolean {
  return !isCellFault(cell) && cellText(cell) === '';
}

/** Where a row is, as users read it: 第5行 / row 5, or 第5条记录 / record 5 for JSON. */
export function rowLabel(table: LedgerTable, row: number): { zh: string; en: string } {
  return table.rowNoun === 'record'
    ? { zh: `第${row}条记录`, en: `record ${row}` }
    : { zh: `第${row}行`, en: `row ${row}` };
}
