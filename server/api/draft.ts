import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  allParagraphs,
  type BuildInputs,
  buildDraft,
  type Draft,
  draftDocx,
  draftIdPattern,
  draftMarkdown,
  draftSchema,
  draftSection,
  draftStats,
  draftText,
  draftWhole,
  findParagraph,
  ledgerRecordSchema,
  loadDraftLedger,
  loadMaterialsInput,
  loadPreviousReport,
  type MaterialsSource,
  paragraphNotFound,
  pathLabels,
  proposePartTitles,
  renumberParts,
  replaceParagraph,
  type SectionDeps,
  traceAppendix,
  withAppendix,
} from '../draft/index.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { checkText } from '../figures/index.ts';
import { search } from '../retrieve/index.ts';
import { sseEvents } from './sse.ts';
import { draftWireData } from './streams.ts';
import { type FileInput, fileInputSchema, readUpload } from './upload.ts';
import { validate } from './validate.ts';

const yearSchema = z.number().int().min(1949).max(2100);
const modeSchema = z.enum(['auto', 'carry-forward', 'model']).default('auto');

/** Where last year's report and this year's ledger come from (shared by outline and whole draft). */
const sourceFields = {
  year: yearSchema,
  fromReportId: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/, 'report ids are hex content hashes')
    .optional(),
  fromYear: yearSchema.optional(),
  from: fileInputSchema.optional(),
  ledger: z.union([z.array(ledgerRecordSchema).min(1).max(100_000), fileInputSchema]).optional(),
  /** Draft from this year's stored materials (the draft's year unless given; all of them unless ids). */
  materials: z
    .object({
      year: yearSchema.optional(),
      ids: z
        .array(z.string().regex(/^[0-9a-f]{8,64}$/, 'material ids are hex content hashes'))
        .min(1)
        .max(1000)
        .optional(),
    })
    .optional(),
  /** The office drafting (short or full name): its report and ledger rows only; default: the report's office. */
  org: z.string().trim().min(1).max(60).optional(),
};

const oneSource = (v: { fromReportId?: string; fromYear?: number; from?: unknown }): boolean =>
  [v.fromReportId, v.fromYear, v.from].filter((x) => x !== undefined).length <= 1;
const oneSourceMessage = {
  message: 'give at most one of fromReportId, fromYear, from',
  path: ['fromReportId'],
};

export const outlineSchema = z
  .object({ ...sourceFields, save: z.boolean().default(true) })
  .refine(oneSource, oneSourceMessage);
export const wholeSchema = z
  .object({ ...sourceFields, mode: modeSchema })
  .refine(oneSource, oneSourceMessage);

/** A draft named by its workspace id or sent whole (exactly one). */
const draftRef = {
  draftId: z.string().regex(draftIdPattern, 'draft ids are letters, digits, - and _').optional(),
  draft: draftSchema.optional(),
};
const oneDraft = (v: { draftId?: string; draft?: unknown }): boolean =>
  (v.draftId === undefined) !== (v.draft === undefined);
const oneDraftMessage = { message: 'give exactly one of draftId or draft', path: ['draftId'] };

export const sectionSchema = z
  .object({
    ...draftRef,
    paragraphId: z.string().min(1).max(100),
    mode: modeSchema,
    notes: z.string().max(10_000).optional(),
    metrics: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .refine(oneDraft, oneDraftMessage);
export const exportSchema = z
  .object({
    ...draftRef,
    format: z.enum(['md', 'docx', 'txt']),
    /** Add the sources appendix: where every sentence came from. */
    trace: z.boolean().default(false),
  })
  .refine(oneDraft, oneDraftMessage);
const draftOnlySchema = z.object(draftRef).refine(oneDraft, oneDraftMessage);

const mediaTypes = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A file name for an export: the draft's title without characters file systems refuse, nor
 * controls and invisible format characters (U+FFFE, bidi overrides that could disguise the type).
 */
function exportName(draft: Draft, format: keyof typeof mediaTypes): string {
  const cleaned = (draft.title || draft.id).replace(/[\p{C}]+/gu, '').replace(/[\\/:*?"<>|\s]+/g, '_');
  const base = Array.from(cleaned).slice(0, 100).join('');
  return `${base || draft.id}.${format}`;
}

/**
 * /api/draft — drafting next year's summary: outline (the carry-forward draft), whole report, one
 * section streamed as Server-Sent Events, part titles, check, renumber and export.
 */
export function draftRoutes(engine: Engine) {
  const exemplars: SectionDeps['exemplars'] = async (query) => {
    const hits = await search(await engine.store(), query, { k: 4, section: 'part' });
    return hits.map((h) => h.text);
  };

  const resolveDraft = async (ref: { draftId?: string; draft?: Draft }): Promise<Draft> => {
    if (ref.draft) return ref.draft;
    const id = ref.draftId ?? '';
    const draft = await (await engine.drafts()).load(id);
    if (!draft) throw new GovdraftError('not_found', `没有找到草稿 ${id}`, `No draft with id ${id}`);
    return draft;
  };

  const gather = async (
    c: Context,
    body: {
      year: number;
      fromReportId?: string;
      fromYear?: number;
      from?: FileInput;
      ledger?: z.infer<typeof ledgerRecordSchema>[] | FileInput;
      materials?: MaterialsSource;
      org?: string;
    },
  ): Promise<BuildInputs> => {
    const store = await engine.store();
    const from = body.from ? await readUpload(c, body.from) : undefined;
    const { report, stored } = await loadPreviousReport(
      store,
      {
        fromReportId: body.fromReportId,
        fromYear: body.fromYear,
        from: from && { fileName: from.fileName ?? '上年报告', bytes: from.bytes },
        org: body.org,
      },
      body.year,
      (file) => engine.uploads.parseReport(file),
    );
    let ledger: Parameters<typeof loadDraftLedger>[3];
    if (Array.isArray(body.ledger)) ledger = body.ledger;
    else if (body.ledger) {
      const file = await readUpload(c, body.ledger);
      if (!file.fileName) {
        throw new GovdraftError(
          'validation_failed',
          '请提供台账文件名(用于判断格式)',
          'ledger.fileName is required',
        );
      }
      ledger = { fileName: file.fileName, bytes: file.bytes };
    }
    const { records, source } = await loadDraftLedger(
      store,
      body.year,
      report.year ?? body.year - 1,
      ledger,
      (file) => engine.uploads.parseLedger(file),
      body.org ?? report.org,
    );
    const materials = body.materials && (await loadMaterialsInput(store, report, body.year, body.materials));
    return {
      year: body.year,
      report,
      stored,
      ledger: records,
      ledgerSource: source,
      ...(materials ? { materials } : {}),
    };
  };

  return new Hono()
    .post('/outline', validate('json', outlineSchema), async (c) => {
      const body = c.req.valid('json');
      const built = buildDraft(await gather(c, body));
      const draft = body.save ? await (await engine.drafts()).save(built) : built;
      return c.json({ draft }, 201);
    })
    .post('/', validate('json', wholeSchema), async (c) => {
      const body = c.req.valid('json');
      const started = performance.now();
      const result = await draftWhole(await gather(c, body), {
        mode: body.mode,
        model: engine.chatModel,
        exemplars,
        save: async (draft) => (await engine.drafts()).save(draft),
        signal: c.req.raw.signal,
      });
      return c.json({ ...result, elapsedMs: Math.round(performance.now() - started) }, 201);
    })
    .post('/section', validate('json', sectionSchema), async (c) => {
      const body = c.req.valid('json');
      const draft = await resolveDraft(body);
      if (!findParagraph(draft, body.paragraphId)) throw paragraphNotFound(draft.id, body.paragraphId);
      const { paragraphId, mode, notes, metrics, draftId } = body;
      return sseEvents(
        c,
        async function* (signal) {
          const events = draftSection(
            { draft, paragraphId, mode, notes, metrics },
            { model: engine.chatModel, exemplars, signal },
          );
          for await (const event of events) {
            // The saved draft takes the paragraph before the client hears it is final.
            if (event.type === 'final' && draftId) {
              await (await engine.drafts()).update(draftId, (saved) =>
                replaceParagraph(saved, event.paragraph),
              );
            }
            yield event;
          }
        },
        draftWireData,
      );
    })
    .post('/titles', validate('json', draftOnlySchema), async (c) => {
      const draft = await resolveDraft(c.req.valid('json'));
      const result = await proposePartTitles(draft, engine.chatModel, c.req.raw.signal);
      return c.json({ ...result, pathLabel: pathLabels[result.path] });
    })
    .post('/check', validate('json', draftOnlySchema), async (c) => {
      const draft = await resolveDraft(c.req.valid('json'));
      const paragraphs = allParagraphs(draft).map((p) => ({
        paragraphId: p.id,
        check: checkText(p.text, draft.ledger, { year: draft.year }),
      }));
      return c.json({ summary: draftStats(draft).check, paragraphs });
    })
    .post('/renumber', validate('json', z.object({ draft: draftSchema })), async (c) =>
      c.json({ draft: renumberParts(c.req.valid('json').draft) }),
    )
    .post('/export', validate('json', exportSchema), async (c) => {
      const body = c.req.valid('json');
      const draft = renumberParts(await resolveDraft(body));
      const fileName = exportName(draft, body.format);
      const mediaType = mediaTypes[body.format];
      if (body.format === 'docx') {
        const appendix = body.trace ? { appendix: traceAppendix(draft) } : {};
        const contentBase64 = Buffer.from(await draftDocx({ ...draft, ...appendix })).toString('base64');
        return c.json({ format: body.format, fileName, mediaType, contentBase64 });
      }
      const text = body.format === 'md' ? draftMarkdown(draft) : draftText(draft);
      const content = body.trace ? withAppendix(text, traceAppendix(draft), body.format) : text;
      return c.json({ format: body.format, fileName, mediaType, content });
    });
}
