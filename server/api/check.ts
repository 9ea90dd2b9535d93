import { Hono } from 'hono';
import { z } from 'zod';
import { yearBoundSpans } from '../draft/year-mark.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { checkText, resolveYear } from '../figures/index.ts';
import { parseLedger } from '../figures/ledger.ts';
import type { LedgerRecord } from '../figures/types.ts';
import { parseReportFile } from '../report/index.ts';
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
  })
  .refine((v) => (v.text === undefined) !== (v.file === undefined), {
    message: 'give exactly one of text or file',
    path: ['text'],
  });

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/** The stored ledger, with the years of a given ledger file replaced by that file's records. */
async function ledgerFor(
  engine: Engine,
  file: z.infer<typeof fileSchema> | undefined,
): Promise<LedgerRecord[]> {
  const stored = await (await engine.store()).queryLedger({});
  if (!file) return stored;
  const given = await parseLedger(bytesOf(file.contentBase64), file.fileName);
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
    const text =
      input.text ??
      (await parseReportFile(bytesOf(input.file?.contentBase64 ?? ''), { fileName: input.file?.fileName }))
        .text;
    if (!text.trim())
      throw new GovdraftError('empty_input', '没有需要核查的文字', 'The text to check is empty');
    const ledger = await ledgerFor(engine, input.ledger);
    const year = resolveYear(text, ledger, input.year);
    const result = checkText(text, ledger, { year });
    // Sentences a draft carried from last year for the writer to rewrite: not figures, still to do.
    const yearBound = yearBoundSpans(text);
    return c.json({ year, text, ledgerRecords: ledger.length, ...result, yearBound });
  });
}
