/** The findings table as a file: .xlsx (exceljs, numbers as numbers) or .csv (UTF-8 with a BOM, for Excel). */
import { type FindingRow, findingColumns } from './findings.ts';

/** Formats of the findings table. */
export type FindingsFormat = 'xlsx' | 'csv';

const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/** The rows as CSV text with a BOM and CRLF line ends (what Excel opens as UTF-8). */
export function findingsCsv(rows: readonly FindingRow[]): string {
  const lines = [findingColumns.map((c) => c.header).join(',')];
  for (const row of rows) lines.push(findingColumns.map((c) => csvField(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as an .xlsx workbook with one sheet 核查结果, header row frozen. */
export async function findingsXlsx(rows: readonly FindingRow[]): Promise<Uint8Array> {
  // exceljs is loaded on demand, as the ledger reader does: it costs ~0.35 s at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'govdraft';
  const sheet = workbook.addWorksheet('\u6838\u67E5\u7ED3\u679C', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = findingColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The findings table in a format, as bytes. */
export async function findingsFile(rows: readonly FindingRow[], format: FindingsFormat): Promise<Uint8Array> {
  return format === 'xlsx' ? findingsXlsx(rows) : new TextEncoder().encode(findingsCsv(rows));
}
