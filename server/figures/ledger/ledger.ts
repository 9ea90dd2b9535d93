/** Ledger import: a CSV, XLSX or JSON file of the office's statistics (台账) into checked records. */
import { basename, extname } from 'node:path';
import type { ErrorDetail } from '../../errors.ts';
import { GovdraftError } from '../../errors.ts';
import { binarySignature, emptyInputError, isZip } from '../../text/index.ts';
import type { LedgerRecord } from '../types.ts';
import { readCsvTable } from './ledger-csv.ts';
import type { LedgerLayout } from './ledger-header.ts';
import { fieldNames, findLayout } from './ledger-header.ts';
import { readJsonTable } from './ledger-json.ts';
import { officeName } from './ledger-org.ts';
import { missingColumnProblem, readRows } from './ledger-rows.ts';
import type { LedgerTable } from './ledger-table.ts';
import { isEmptyCell } from './ledger-table.ts';

export type LedgerFormat = 'csv' | 'xlsx' | 'json';

const formatByExtension: Record<string, LedgerFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.json': 'json',
};

const accepted = '.csv、.xlsx 或 .json';

/** Opens with [ or { after any BOM and whitespace. */
function looksLikeJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^[\ufeff\s]+/, '');
  return head.startsWith('[') || head.startsWith('{');
}

/**
 * Which reader a file needs: the content's signature wins over the extension (an .xlsx saved as
 * .csv still reads), old .xls and other formats are refused with what to do instead.
 */
export function ledgerFormat(bytes: Uint8Array, fileName: string): LedgerFormat {
  const ext = extname(fileName).toLowerCase();
  const signature = binarySignature(bytes);
  if (signature?.startsWith('Word 97-2003')) {
    throw new GovdraftError(
      'unsupported_format',
      '不支持旧版 Excel 97-2003(.xls)文件:请在 Excel 中另存为 .xlsx 或 .csv 后再导入',
      'Excel 97-2003 (.xls) files are not supported: save as .xlsx or .csv first',
    );
  }
  const known = formatByExtension[ext];
  if (ext !== '' && !known) {
    throw new GovdraftError(
      'unsupported_format',
      `不支持的台账文件类型“${ext}”:请提供 ${accepted} 文件`,
      `Unsupported ledger file type "${ext}": give a .csv, .xlsx or .json file`,
    );
  }
  if (isZip(bytes)) return 'xlsx';
  if (known === 'xlsx') {
    throw new GovdraftError(
      'corrupt_file',
      '文件扩展名是 .xlsx,但内容不是 Excel 工作簿',
      'The file is named .xlsx but its content is not a workbook',
    );
  }
  if (signature) {
    throw new GovdraftError(
      'binary_input',
      `文件不是台账(检测到 ${signature} 文件头):请提供 ${accepted} 文件`,
      `The file is not a ledger (${signature} signature): give a .csv, .xlsx or .json file`,
    );
  }
  return known ?? (looksLikeJson(bytes) ? 'json' : 'csv');
}

/** Report decoding says "report"; a ledger's binary-input error should say what a ledger is. */
function asLedgerInput(error: unknown): unknown {
  if (GovdraftError.isInstance(error) && error.code === 'binary_input') {
    return new GovdraftError(
      'binary_input',
      `文件不是文本台账:请提供 ${accepted} 文件`,
      `The file is binary, not a ledger: give a .csv, .xlsx or .json file (${error.message})`,
      { cause: error },
    );
  }
  return error;
}

async function readTables(bytes: Uint8Array, format: LedgerFormat): Promise<LedgerTable[]> {
  try {
    // exceljs and the zip checks load only for a workbook: a CSV check should not pay for them.
    if (format === 'xlsx') return await (await import('./ledger-xlsx.ts')).readXlsxTables(bytes);
    return [format === 'json' ? readJsonTable(bytes) : readCsvTable(bytes)];
  } catch (error) {
    throw asLedgerInput(error);
  }
}

function badLedger(file: string, problems: ErrorDetail[]): GovdraftError {
  const shown = problems.slice(0, 3);
  const more = problems.length > shown.length ? ` …` : '';
  return new GovdraftError(
    'bad_ledger',
    `台账“${file}”有${problems.length}处问题,未导入任何记录:${shown.map((p) => p.message_zh).join(';')}${more}`,
    `Ledger "${file}" has ${problems.length} problem(s); nothing was imported: ${shown.map((p) => p.message_en).join('; ')}${more}`,
    { details: problems },
  );
}

function notALedger(file: string): GovdraftError {
  const names = Object.values(fieldNames);
  return new GovdraftError(
    'bad_ledger',
    `“${file}”不像台账:找不到表头。台账的表头应包含${names.map((n) => n.zh).join('、')}(前三项必填)`,
    `"${file}" does not look like a ledger: no header row found; expected ${names.map((n) => n.en).join(', ')} (the first three required)`,
  );
}

function noData(file: string): GovdraftError {
  return new GovdraftError(
    'empty_input',
    `台账“${file}”中没有数据行,未导入任何记录`,
    `Ledger "${file}" holds no data rows: nothing imported`,
  );
}

/** The first table with a complete header, else the most telling error about the tables. */
function chooseTable(tables: LedgerTable[], file: string): { table: LedgerTable; layout: LedgerLayout } {
  let incomplete: GovdraftError | null = null;
  for (const table of tables) {
    const search = findLayout(table);
    if (search.kind === 'found') return { table, layout: search.layout };
    if (search.kind === 'incomplete' && !incomplete) {
      incomplete = badLedger(
        file,
        search.missing.map((f) => missingColumnProblem(table, search.headerRow, f)),
      );
    }
  }
  if (incomplete) throw incomplete;
  if (tables.every((t) => t.rows.every((r) => r.cells.every(isEmptyCell)))) throw noData(file);
  throw notALedger(file);
}

/**
 * Parses a ledger file into records, all or nothing: any bad row makes it throw one GovdraftError
 * `bad_ledger` whose `details` list every problem with its row number and field. Values are in
 * base units (139.76 万元 → 1397600 元); `source` is the file's base name and the row; `org` the
 * row's office (its 单位 column), else `options.org`, else none.
 * Also throws `empty_input`, `binary_input`, `unsupported_format` or `corrupt_file`.
 * @example await parseLedger(readFileSync('ganquan-2016.csv'), 'ganquan-2016.csv')
 */
export async function parseLedger(
  bytes: Uint8Array,
  fileName: string,
  options: { org?: string } = {},
): Promise<LedgerRecord[]> {
  const file = basename(fileName);
  if (bytes.length === 0) throw emptyInputError(false);
  const tables = await readTables(bytes, ledgerFormat(bytes, file));
  const { table, layout } = chooseTable(tables, file);
  const org = options.org ? officeName(options.org) : undefined;
  const { records, problems } = readRows(table, layout, file, org || undefined);
  if (problems.length > 0) throw badLedger(file, problems);
  if (records.length === 0) throw noData(file);
  return records;
}
