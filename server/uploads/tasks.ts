/**
 * What is done with an uploaded file, as worker tasks: parse a report, parse a ledger, check a text
 * (or a report file) against the ledger with the reviewer's extras. Each runs in a worker thread of
 * the uploads pool.
 */
import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/index.ts';
import { checkText, type OfficeLedger, officeLedger, parseLedger, resolveYear } from '../figures/index.ts';
import { detectFormat, parseReportFile, parseReportText } from '../report/index.ts';
import { type FindingsFormat, reviewCheck } from '../review/index.ts';

/** An uploaded file: its name (which may say its format) and bytes. */
export interface FileBytes {
  fileName: string | null;
  bytes: Uint8Array;
}

/** What a check needs: the text or a file to decode, the stored ledger, a ledger file, a year, an office. */
export interface CheckInput {
  text?: string;
  file?: FileBytes & { fileName: string };
  /** The stored ledger, every office's rows; empty when the store holds nothing (it is then not opened). */
  stored: LedgerRecord[];
  /** The offices of the stored reports (they count as present offices, see `officeLedger`). */
  storedOrgs?: (string | null)[];
  /** The office whose ledger rows are used; default: the office the text or file names. */
  org?: string;
  ledgerFile?: FileBytes & { fileName: string };
  year?: number;
  /** Where the review history of checked documents is remembered. */
  dataDir: string;
  /** Answer with the document as an annotated .docx, and with the findings table in this format. */
  annotate?: boolean;
  table?: FindingsFormat;
}

/**
 * The office's ledger: the stored rows it may use (`officeLedger`), with the years of a given ledger
 * file replaced by that file's rows (the file's rows with no office are taken as the office's own).
 */
async function ledgerFor(input: CheckInput, office: string | null): Promise<OfficeLedger> {
  const given = officeLedger(
    input.ledgerFile ? await parseLedger(input.ledgerFile.bytes, input.ledgerFile.fileName) : [],
    office,
    [],
  );
  const stored = officeLedger(input.stored, office ?? given.office, input.storedOrgs ?? []);
  if (!input.ledgerFile) return stored;
  const years = new Set(given.records.map((r) => r.year));
  return {
    ...stored,
    records: [...stored.records.filter((r) => !years.has(r.year)), ...given.records],
    notice: given.notice ?? stored.notice,
  };
}

/** Every figure of the text (or of the file's decoded text) judged against the ledger, and reviewed. */
async function checkUpload(input: CheckInput) {
  const file = input.file ?? null;
  const report = file
    ? await parseReportFile(file.bytes, { fileName: file.fileName })
    : parseReportText(input.text ?? '');
  const text = input.text ?? report.text;
  if (!text.trim())
    throw new GovdraftError('empty_input', '没有需要核查的文字', 'The text to check is empty');
  const scope = await ledgerFor(input, input.org ?? report.org ?? null);
  const ledger = scope.records;
  const year = resolveYear(text, ledger, input.year);
  const result = checkText(text, ledger, { year });
  const review = await reviewCheck({
    dataDir: input.dataDir,
    report,
    text,
    claims: result.claims,
    file: file && { ...file, format: detectFormat(file.bytes, file.fileName) },
    annotate: input.annotate ?? false,
    table: input.table ?? null,
    recheck: (other) => checkText(other, ledger, { year }).claims,
  });
  const office = {
    name: scope.office,
    notice: scope.notice && { message_zh: scope.notice.zh, message_en: scope.notice.en },
  };
  return { year, text, ledgerRecords: ledger.length, office, ...result, ...review };
}

/** The upload tasks by name (the uploads worker hosts them; the pool's types follow them). */
export const uploadTasks = {
  parseReport: (file: FileBytes) => parseReportFile(file.bytes, { fileName: file.fileName }),
  parseLedger: (file: FileBytes & { fileName: string; org?: string }) =>
    parseLedger(file.bytes, file.fileName, { org: file.org }),
  check: checkUpload,
};
