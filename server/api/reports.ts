import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { renderMarkdown, renderText } from '../report/index.ts';
import { validationError } from './problem.ts';
import { fileInputSchema, fileUploadOf, readUpload } from './upload.ts';
import { validate } from './validate.ts';

const reportId = z.string().regex(/^[0-9a-f]{8,64}$/, 'report ids are hex content hashes');
const idParam = z.object({ id: reportId });
const replaceField = z.object({ replace: reportId.optional() });
/** A report file, optionally naming the stored report it replaces (multipart: a `replace` field). */
export const reportUploadSchema = fileInputSchema.safeExtend(replaceField.shape);
const formatQuery = z.object({ format: z.enum(['json', 'text', 'markdown']).default('json') });
/** `index=defer`: leave the index to `POST /api/corpus/indexes` (a client ingesting many files calls it once at the end). */
const ingestQuery = z.object({ index: z.enum(['auto', 'defer']).default('auto') });

const notFound = (id: string) =>
  new GovdraftError('not_found', `没有找到报告 ${id}`, `No report with id ${id}`);

/** /api/reports — ingest (idempotent by content hash), list, show, delete past reports. */
export function reportRoutes(engine: Engine) {
  return new Hono()
    .post('/', validate('query', ingestQuery), fileUploadOf(reportUploadSchema), async (c) => {
      const json = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined;
      const upload = await readUpload(c, json);
      const given = { replace: json?.replace ?? upload.fields.replace };
      const fields = replaceField.safeParse(given);
      if (!fields.success) throw validationError(fields.error.issues, given);
      const { replace } = fields.data;
      const report = await engine.uploads.parseReport(upload);
      const { index } = c.req.valid('query');
      const [outcome] = await (await engine.store()).ingestReports([report], {
        index,
        replace: replace === undefined ? [] : [replace],
      });
      return c.json(
        {
          ...outcome,
          report: {
            id: report.id,
            title: report.title,
            org: report.org,
            year: report.year,
            fileName: report.source.fileName,
            encoding: report.source.encoding,
            parts: report.parts.length,
            paragraphs: report.parts.reduce((n, p) => n + p.paragraphs.length, 0),
          },
        },
        outcome.status === 'unchanged' ? 200 : 201,
      );
    })
    .get('/', async (c) => c.json({ reports: await (await engine.store()).listReports() }))
    .get('/:id', validate('param', idParam), validate('query', formatQuery), async (c) => {
      const { id } = c.req.valid('param');
      const report = await (await engine.store()).getReport(id);
      if (!report) throw notFound(id);
      const { format } = c.req.valid('query');
      if (format === 'json') return c.json({ report });
      return c.json({ id, format, content: format === 'text' ? renderText(report) : renderMarkdown(report) });
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await (await engine.store()).deleteReport(id))) throw notFound(id);
      return c.json({ deleted: id });
    });
}
