import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { carriedOverSpans, yearBoundSpans } from '../marks/index.ts';
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
 * POST /api/check — every figure of a text found, matched to the ledger and judged, in a worker. A
 * store that holds nothing is not opened: `govdraft check --ledger FILE` in a fresh data dir loads
 * no LanceDB. The answer also lists the 〖上年表述…〗 sentences a draft left for the writer.
 */
export function checkRoutes(engine: Engine) {
  return new Hono().post('/', validate('json', checkSchema), async (c) => {
    const input = c.req.valid('json');
    const fileOf = (f: z.infer<typeof fileSchema>) => ({
      fileName: f.fileName,
      bytes: bytesOf(f.contentBase64),
    });
    const store = engine.storeMayHoldData() ? await engine.store() : null;
    const stored = store ? await store.queryLedger({}) : [];
    const storedOrgs = store ? (await store.listReports()).map((s) => s.org) : [];
    const result = await engine.uploads.check({
      text: input.text,
      file: input.file && fileOf(input.file),
      stored,
      storedOrgs,
      org: input.org,
      ledgerFile: input.ledger && fileOf(input.ledger),
      year: input.year,
      dataDir: engine.config.dataDir,
      annotate: input.annotate,
      table: input.table,
    });
    // Sentences a draft carried from last year for the writer to rewrite: not figures, still to do.
    return c.json({
      ...result,
      yearBound: yearBoundSpans(result.text),
      carriedOver: carriedOverSpans(result.text),
    });
  });
}
