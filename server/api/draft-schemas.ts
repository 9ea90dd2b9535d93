/** The request bodies of /api/draft: where a draft comes from, and a draft named by id or sent whole. */

import { z } from 'zod';
import { draftIdPattern, draftSchema, ledgerRecordSchema } from '../draft/index.ts';
import { fileInputSchema } from './upload.ts';

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

/** POST /api/draft/outline: the carry-forward draft, saved unless `save: false`. */
export const outlineSchema = z
  .object({ ...sourceFields, save: z.boolean().default(true) })
  .refine(oneSource, oneSourceMessage);
/** POST /api/draft: a whole draft. */
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

/** POST /api/draft/section: one paragraph redrafted, streamed. */
export const sectionSchema = z
  .object({
    ...draftRef,
    paragraphId: z.string().min(1).max(100),
    mode: modeSchema,
    notes: z.string().max(10_000).optional(),
    metrics: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .refine(oneDraft, oneDraftMessage);
/** POST /api/draft/export: a draft as .md, .txt or .docx. */
export const exportSchema = z
  .object({
    ...draftRef,
    format: z.enum(['md', 'docx', 'txt']),
    /** Add the sources appendix: where every sentence came from. */
    trace: z.boolean().default(false),
  })
  .refine(oneDraft, oneDraftMessage);
/** A draft named by id or sent whole, and nothing else. */
export const draftOnlySchema = z.object(draftRef).refine(oneDraft, oneDraftMessage);
