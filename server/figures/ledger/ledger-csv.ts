/** Reading a CSV (or tab-separated) ledger into a table: any encoding Excel writes, then csv-parse. */
import { parse } from 'csv-parse/sync';
import { GovdraftError } from '../../errors.ts';
import { decodeBytes } from '../../text/index.ts';
import { tableBudget } from './ledger-limits.ts';
import type { LedgerTable } from './ledger-table.ts';

/** Tab when the first line holds more tabs than commas (Excel's "Unicode text" export), else comma. */
function delimiterOf(text: string): string {
  const first = text.split('\n', 1)[0];
  const count = (ch: string) => first.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * Reads CSV bytes (UTF-8 with or without BOM, GBK/GB18030, UTF-16) into a ledger table whose row
 * numbers are CSV record numbers, i.e. the rows Excel shows. Throws GovdraftError `bad_ledger` on
 * broken quoting, `file_too_large` past `ledgerLimits`.
 */
export function readCsvTable(bytes: Uint8Array): LedgerTable {
  const { text } = decodeBytes(bytes);
  const budget = tableBudget({ zh: 'CSV 台账', en: 'the CSV ledger' });
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      on_record: (record: string[]) => {
        budget.row(record.length);
        return record;
      },
    });
  } catch (error) {
    if (GovdraftError.isInstance(error)) throw error;
    const line = (error as { lines?: number }).lines;
    throw new GovdraftError(
      'bad_ledger',
      `CSV 格式错误${line ? `(第${line}行附近)` : ''}:引号不成对或字段不完整`,
      `Malformed CSV${line ? ` near line ${line}` : ''}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    sheet: null,
    rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })),
    merges: [],
    rowNoun: 'row',
  };
}
