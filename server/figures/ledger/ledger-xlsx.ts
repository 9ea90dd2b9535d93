/** Reading an .xlsx ledger with exceljs: every visible sheet as a table, formulas as their results. */
import type ExcelJS from 'exceljs';
import { GovdraftError } from '../../errors.ts';
import { inspectZip, type ZipLimits } from '../../zip/index.ts';
import { tableBudget } from './ledger-limits.ts';
import type { LedgerCell, LedgerMerge, LedgerTable } from './ledger-table.ts';
import { worksheetCensus } from './ledger-xlsx-census.ts';

/** Rows near the top whose merged cells are collected: headers live there. */
const mergeScanRows = 40;

/** What a workbook may expand to before exceljs reads it (a ledger's sheets are a few megabytes). */
export const xlsxLimits: ZipLimits = { entries: 1_000, bytes: 64 * 1048576, xmlBytes: 32 * 1048576 };

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** A number shown as a percentage (0.966 formatted 0.0%) becomes the text 96.6%. */
function numberCell(value: number, numFmt: string | undefined): LedgerCell {
  if (numFmt?.includes('%')) return `${Number.parseFloat((value * 100).toPrecision(12))}%`;
  return value;
}

/** The plain value of a cell: text, number, or a fault for errors and formulas without a result. */
function cellValue(cell: ExcelJS.Cell): LedgerCell {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberCell(value, cell.numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as {
    richText?: { text: string }[];
    text?: unknown;
    formula?: string;
    sharedFormula?: string;
    result?: unknown;
    error?: string;
  };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.error) return { fault: 'formula_error', text: v.error };
  if (v.formula !== undefined || v.sharedFormula !== undefined) {
    const result = v.result;
    if (result === undefined || result === null) {
      return { fault: 'formula_without_result', text: `=${v.formula ?? v.sharedFormula}` };
    }
    if (typeof result === 'object' && 'error' in result) {
      return { fault: 'formula_error', text: String((result as { error: unknown }).error) };
    }
    if (typeof result === 'number') return numberCell(result, cell.numFmt);
    return result instanceof Date ? result.toISOString().slice(0, 10) : String(result);
  }
  if (typeof v.text === 'string') return v.text;
  if (v.text && typeof v.text === 'object' && 'richText' in v.text) {
    return (v.text as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return String(value);
}

/** Merged regions among the top rows, from each merged cell's master (present cells only). */
function mergesOf(rows: ExcelJS.Row[]): LedgerMerge[] {
  const byMaster = new Map<string, LedgerMerge>();
  for (const row of rows) {
    row.eachCell((cell, c) => {
      if (!cell.isMerged) return;
      const master = cell.master;
      const m = byMaster.get(master.address) ?? {
        top: Number(master.row),
        bottom: Number(master.row),
        left: Number(master.col) - 1,
        right: Number(master.col) - 1,
      };
      m.bottom = Math.max(m.bottom, row.number);
      m.right = Math.max(m.right, c - 1);
      byMaster.set(master.address, m);
    });
  }
  return [...byMaster.values()];
}

/**
 * The sheet as a table of its present rows, each as wide as its last present cell: the work follows
 * the cells the file holds, never the coordinates they claim (one cell at row 200000 and one at
 * column ZZ are two cells, and a row 702 columns wide is refused by the budget).
 */
function tableOf(sheet: ExcelJS.Worksheet): LedgerTable {
  const budget = tableBudget({ zh: `工作表“${sheet.name}”`, en: `sheet "${sheet.name}"` });
  const rows: LedgerTable['rows'] = [];
  const top: ExcelJS.Row[] = [];
  sheet.eachRow((row, r) => {
    const present: [number, LedgerCell][] = [];
    // A merged cell reads as its master's value, so vertically merged years fill every row.
    row.eachCell((cell, c) => {
      present.push([c, cellValue(cell)]);
    });
    const width = present.length > 0 ? present[present.length - 1][0] : 0;
    budget.row(width);
    const cells: LedgerCell[] = new Array(width).fill(null);
    for (const [c, value] of present) cells[c - 1] = value;
    rows.push({ row: r, cells });
    if (r <= mergeScanRows) top.push(row);
  });
  return { sheet: sheet.name, rows, merges: mergesOf(top), rowNoun: 'row' };
}

/**
 * Reads .xlsx bytes into one table per visible sheet, in workbook order. Formula cells give their
 * cached results; merged cells repeat their master's value. Throws GovdraftError `corrupt_file`
 * when the bytes are not a readable workbook, `file_too_large` past `xlsxLimits` or `ledgerLimits`.
 */
export async function readXlsxTables(bytes: Uint8Array): Promise<LedgerTable[]> {
  await inspectZip(bytes, xlsxLimits, { zh: 'Excel 工作簿', en: 'workbook' }, (name) =>
    isWorksheet(name) ? worksheetCensus(name) : null,
  );
  // exceljs is loaded on demand: ~0.35 s at start-up that only .xlsx ledgers need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new GovdraftError(
      'corrupt_file',
      '无法读取 Excel 工作簿:文件已损坏或不是 .xlsx 格式',
      `Cannot read the workbook: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new GovdraftError(
      'corrupt_file',
      '文件不是 Excel 工作簿:其中没有工作表',
      'The file holds no worksheets: it is not an Excel workbook',
    );
  }
  return workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined).map(tableOf);
}
