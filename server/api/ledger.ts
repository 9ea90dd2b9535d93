import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { distinctOffices, ledgerWarnings } from '../figures/index.ts';
import { fileUpload, readUpload } from './upload.ts';
import { validate } from './validate.ts';

const officeName = z.string().trim().min(1).max(60);

const ledgerQuery = z.object({
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  /** Records of this office (short or full name). */
  org: officeName.optional(),
});

/** `?org=` of an import: the office of rows whose file names none. */
const importQuery = z.object({ org: officeName.optional() });

export const assignBody = z.object({
  org: officeName,
  /** Only records imported from this file (its base name, as `source.file` shows it). */
  file: z.string().trim().min(1).max(255).optional(),
});

/**
 * /api/ledger — import a ledger file (CSV, XLSX, JSON; all rows or none; implausible rows imported
 * and listed in `warnings`; `?org=` names the office of rows that name none), query records (by
 * year, words, office), and assign records with no office to one.
 */
export function ledgerRoutes(engine: Engine) {
  return new Hono()
    .post('/', validate('query', importQuery), fileUpload, async (c) => {
      const upload = await readUpload(
        c,
        c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined,
      );
      if (!upload.fileName) {
        throw new GovdraftError(
          'validation_failed',
          '请提供台账文件名(用于判断格式)',
          'fileName is required for ledgers',
        );
      }
      const { org } = c.req.valid('query');
      const records = await engine.uploads.parseLedger({
        fileName: upload.fileName,
        bytes: upload.bytes,
        org,
      });
      const outcome = await (await engine.store()).importLedger(records);
      const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
      // Implausible rows are imported and reported: the office corrects its own ledger; the engine
      // never rests a 不符 or a drafted figure on them.
      const warnings = ledgerWarnings(records).map(({ record, ...w }) => ({
        ...w,
        year: record.year,
        metric: record.metric,
      }));
      const offices = distinctOffices(records.map((r) => r.org));
      return c.json(
        { ...outcome, records: records.length, years, offices, fileName: upload.fileName, warnings },
        201,
      );
    })
    .get('/', validate('query', ledgerQuery), async (c) => {
      const { year, q, org } = c.req.valid('query');
      return c.json({ records: await (await engine.store()).queryLedger({ year, q: q || undefined, org }) });
    })
    .post('/assign', validate('json', assignBody), async (c) => {
      const { org, file } = c.req.valid('json');
      return c.json(await (await engine.store()).assignLedger(org, file));
    });
}
