/**
 * What is done with an uploaded file, as worker tasks: parse a report, parse a ledger, check a text
 * (or a report file) against the ledger. Each runs in a worker thread of the uploads pool.
 */
import { GovdraftError } from '../errors.ts';
import { checkText, resolveYear } from '../figures/index.ts';
import { parseLedger } from '../figures/ledger.ts';
import type { LedgerRecord } from '../figures/types.ts';
import { parseReportFile } from '../report/index.ts';

/** An uploaded file: its name (which may say its format) and bytes. */
export interface FileBytes {
  fileName: string | null;
  bytes: Uint8Array;
}

/** What a check needs: the text or a file to decode, the stored ledger, a ledger file, a year. */
export interface CheckInput {
  text?: string;
  file?: FileBytes;
  stored: LedgerRecord[];
  ledgerFile?: FileBytes & { fileName: string };
  year?: number;
}

/** The stored ledger, with the years of a given ledger file replaced by that file's records. */
async function ledgerFor(input: CheckInput): Promise<LedgerRecord[]> {
  if (!input.ledgerFile) return input.stored;
  const given = await parseLedger(input.ledgerFile.bytes, input.ledgerFile.fileName);
  const years = new Set(given.map((r) => r.year));
  return [...input.stored.filter((r) => !years.has(r.year)), ...given];
}

/** Every figure of the text (or of the file's decoded text) judged against the ledger. */
async function checkUpload(input: CheckInput) {
  const text =
    input.text ??
    (await parseReportFile(input.file?.bytes ?? new Uint8Array(), { fileName: input.file?.fileName })).text;
  if (!text.trim())
    throw new GovdraftError('empty_input', '没有需要核查的文字', 'The text to check is empty');
  const ledger = await ledgerFor(input);
  const year = resolveYear(text, ledger, input.year);
  return { year, text, ledgerRecords: ledger.length, ...checkText(text, ledger, { year }) };
}

/** The upload tasks by name (the uploads worker hosts them; the pool's types follow them). */
export const uploadTasks = {
  parseReport: (file: FileBytes) => parseReportFile(file.bytes, { fileName: file.fileName }),
  parseLedger: (file: FileBytes & { fileName: string }) => parseLedger(file.bytes, file.fileName),
  check: checkUpload,
};
