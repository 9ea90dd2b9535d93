import { Hono } from 'hono';
import { z } from 'zod';
import { yearBoundSpans } from '../draft/year-mark.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { checkText, resolveYear } from '../figures/index.ts';
import { parseLedger } from '../figures/ledger.ts';
import type { LedgerRecord } from '../figures/types.ts';
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
 * The stored ledger, with the years of a given ledger file replaced by that file's records. A store
 * that holds nothing is not opened: `govdraft check --ledger FILE` in a fresh data dir loads no LanceDB.
 */
async function ledgerFor(
  engine: Engine,
  file: z.infer<typeof fileSchema> | undefined,
): Promise<LedgerRecord[]> {
  const given = file ? await parseLedger(bytesOf(file.contentBase64), file.fileName) : [];
  if (!engine.storeMayHoldData()) return given;
  const stored = await (await engine.store()).queryLedger({});
  if (!file) return stored;
  const years = new Set(given.map((r) => r.year));
  return [...stored.filter((r) => !years.has(r.year)), ...given];
}

/**
 * POST /api/check — every figure of a text found, matched to the ledger and judged; and the
 * 〖上年表述…〗 sentences a draft left for the writer.
 */
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
    const ledger = await ledgerFor(engine, input.ledger);
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
    // Sentences a draft carried from last year for the writer to rewrite: not figures, still to do.
    const yearBound = yearBoundSpans(text);
    return c.json({ year, text, ledgerRecords: ledger.length, ...result, ...review, yearBound });
  });
}
