import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { checkText, resolveYear } from '../figures/index.ts';
import { parseLedger } from '../figures/ledger.ts';
import { type OfficeLedger, officeLedger } from '../figures/office-ledger.ts';
import { detectFormat, parseReportFile, parseReportText } from '../report/index.ts';
import { reviewCheck } from '../review/index.ts';
import { validate } from './validate.ts';

const fileSchema = z.object({ fileName: z.string().min(1).max(255), contentBase64: z.base64() });

export const checkSchema = z
  .object({
    /** The text to check, or a file (.txt .md .html .docx) to decode first. */
    text: z.string().optional(),
    file: fileSchema.optional(),
    year: z.number().int().min(1949).max(2100).optional(),
    /** The office whose ledger rows are used (short or full name); default: the office the text names. */
    org: z.string().trim().min(1).max(60).optional(),
    /** A ledger file for this check; its years replace the stored ledger's for these years. */
    ledger: fileSchema.optional(),
    /** Answer with the document as a .docx with a Word comment on each finding (base64). */
    annotate: z.boolean().optional(),
    /** Answer with the findings table in this format (base64). */
    table: z.enum(['xlsx', 'csv']).optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.file === undefined), {
    message: 'give exactly one of text or file',
    path: ['text'],
  });

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * The office's ledger: the stored rows it may use (`officeLedger`), with the years of a given ledger
 * file replaced by that file's rows (the file's rows with no office are taken as the office's own).
 * A store that holds nothing is not opened: `govdraft check --ledger FILE` in a fresh data dir loads
 * no LanceDB.
 */
async function ledgerFor(
  engine: Engine,
  file: z.infer<typeof fileSchema> | undefined,
  office: string | null,
): Promise<OfficeLedger> {
  const given = officeLedger(
    file ? await parseLedger(bytesOf(file.contentBase64), file.fileName) : [],
    office,
    [],
  );
  if (!engine.storeMayHoldData()) return given;
  const store = await engine.store();
  const summaries = await store.listReports();
  const stored = officeLedger(
    await store.queryLedger({}),
    office ?? given.office,
    summaries.map((s) => s.org),
  );
  if (!file) return stored;
  const years = new Set(given.records.map((r) => r.year));
  return {
    ...stored,
    records: [...stored.records.filter((r) => !years.has(r.year)), ...given.records],
    notice: given.notice ?? stored.notice,
  };
}

/** POST /api/check — every figure of a text found, matched to the ledger and judged. */
export function checkRoutes(engine: Engine) {
  return new Hono().post('/', validate('json', checkSchema), async (c) => {
    const input = c.req.valid('json');
    const file = input.file
      ? { fileName: input.file.fileName, bytes: bytesOf(input.file.contentBase64) }
      : null;
    const report = file
      ? await parseReportFile(file.bytes, { fileName: file.fileName })
      : parseReportText(input.text ?? '');
    const text = input.text ?? report.text;
    if (!text.trim())
      throw new GovdraftError('empty_input', '没有需要核查的文字', 'The text to check is empty');
    const scope = await ledgerFor(engine, input.ledger, input.org ?? report.org ?? null);
    const ledger = scope.records;
    const year = resolveYear(text, ledger, input.year);
    const result = checkText(text, ledger, { year });
    const review = await reviewCheck({
      dataDir: engine.config.dataDir,
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
    return c.json({ year, text, ledgerRecords: ledger.length, office, ...result, ...review });
  });
}
