import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { addMaterial, summarise } from '../materials/index.ts';
import { parseReportFile } from '../report/index.ts';
import { validationError } from './problem.ts';
import { fileInputSchema, fileUploadOf, readUpload } from './upload.ts';
import { validate } from './validate.ts';

const year = z.number().int().min(1949).max(2100);
const from = z.string().trim().min(1).max(100);
/** A material file with the year it reports on and, optionally, its department (multipart: fields `year`, `from`). */
export const materialUploadSchema = fileInputSchema.safeExtend({ year, from: from.optional() });
const formFields = z.object({ year: z.coerce.number().pipe(year), from: from.optional() });
const yearQuery = z.object({ year: z.coerce.number().pipe(year).optional() });
const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{8,64}$/, 'material ids are hex content hashes') });

/**
 * /api/materials — this year's department materials: add one (parsed like a report, kept apart from
 * past reports, its figures checked against the ledger of its year), list them by year, remove one.
 */
export function materialRoutes(engine: Engine) {
  return new Hono()
    .post('/', fileUploadOf(materialUploadSchema), async (c) => {
      const json = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined;
      const upload = await readUpload(c, json);
      const fields = formFields.safeParse(json ?? upload.fields);
      if (!fields.success) throw validationError(fields.error.issues);
      const report = await parseReportFile(upload.bytes, { fileName: upload.fileName });
      const added = await addMaterial(await engine.store(), report, fields.data);
      return c.json(added, added.status === 'unchanged' ? 200 : 201);
    })
    .get('/', validate('query', yearQuery), async (c) => {
      const { year } = c.req.valid('query');
      const chunks = await (await engine.store()).materials.chunks({ year });
      return c.json({ materials: summarise(chunks) });
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await (await engine.store()).materials.remove(id))) {
        throw new GovdraftError('not_found', `没有找到材料 ${id}`, `No material with id ${id}`);
      }
      return c.json({ deleted: id });
    });
}
