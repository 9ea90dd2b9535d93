/**
 * zod schemas of the draft document and of ledger rows, for the API boundary. They mirror types.ts
 * (checked at compile time) and are lenient where a client adding a paragraph or part cannot know the
 * derived fields: figures, pending, topic, sources and new metrics default to empty.
 */
import { z } from 'zod';
import type { LedgerRecord } from '../figures/index.ts';
import type { DraftMaterials, SentenceTrace } from './trace-types.ts';
import { type Draft, type DraftParagraph, draftSchemaVersion } from './types.ts';
import { draftIdPattern } from './workspace.ts';

const shortText = z.string().max(200);

/** A ledger row sent in a request; note and source may be left out. */
export const ledgerRecordSchema = z.object({
  year: z.number().int().min(1949).max(2100),
  metric: z.string().trim().min(1).max(200),
  value: z.number().finite(),
  unit: z.string().max(20),
  note: z.string().max(2000).default(''),
  source: z.object({ file: shortText, row: z.number().int().min(0) }).default({ file: '请求', row: 0 }),
  org: z.string().trim().min(1).max(60).optional(),
}) satisfies z.ZodType<LedgerRecord, unknown>;

const auditRowSchema = z.object({
  file: shortText,
  row: z.number().int().min(0),
  metric: shortText,
  year: z.number().int(),
  value: z.number().finite(),
  unit: z.string().max(20),
});

const figureAuditSchema = z.object({
  rows: z.array(auditRowSchema).max(20),
  subject: z.string().max(500),
  matchWords: z.array(z.string().max(100)).max(50),
  reason: z.string().max(1000).optional(),
});

const figureSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().max(500),
  metric: shortText.nullable(),
  status: z.enum(['updated', 'recomputed', 'pending', 'new', 'material']),
  previous: z.string().max(500).optional(),
  value: z.number().finite().nullable(),
  unit: z.string().max(20),
  audit: figureAuditSchema.optional(),
});

const traceSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('material'),
    materialId: shortText,
    fileName: z.string().max(500),
    department: shortText,
    paragraph: z.number().int(),
    sentence: z.number().int(),
    text: z.string().max(5000),
  }),
  z.object({ kind: z.literal('previous'), paragraph: z.number().int(), text: z.string().max(5000) }),
  z.object({
    kind: z.literal('ledger'),
    year: z.number().int(),
    metric: shortText,
    file: z.string().max(500),
    row: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('model'), model: shortText }),
]);

const traceSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().max(5000),
  origin: z.enum(['material', 'carried', 'ledger', 'model', 'writer']),
  sources: z.array(traceSourceSchema).max(100),
  notes: z.array(z.string().max(500)).max(50),
}) satisfies z.ZodType<SentenceTrace, unknown>;

const materialsSchema = z.object({
  year: z.number().int(),
  files: z
    .array(
      z.object({
        id: shortText,
        fileName: z.string().max(500),
        department: shortText,
        content: z.number().int().min(0),
        used: z.number().int().min(0),
        flagged: z.boolean(),
      }),
    )
    .max(1000),
  conflicts: z
    .array(
      z.object({
        materialId: shortText,
        fileName: z.string().max(500),
        department: shortText,
        sentence: z.string().max(5000),
        figure: z.string().max(500),
        ledger: z.string().max(500).nullable(),
        source: z.string().max(2000).nullable(),
        action: z.enum(['corrected', 'dropped']),
      }),
    )
    .max(5000),
  unused: z
    .array(
      z.object({
        materialId: shortText,
        fileName: z.string().max(500),
        department: shortText,
        text: z.string().max(5000),
        reason: z.string().max(500),
      }),
    )
    .max(10_000),
}) satisfies z.ZodType<DraftMaterials, unknown>;

const paragraphSchema = z.object({
  id: z.string().min(1).max(100),
  text: z.string().max(50_000),
  topic: z.string().max(500).nullable().default(null),
  origin: z.enum(['carry-forward', 'model', 'writer', 'new-metrics', 'materials', 'plan']).default('writer'),
  sourceParagraph: z.number().int().min(0).nullable().default(null),
  sourceText: z.string().max(50_000).nullable().default(null),
  figures: z.array(figureSchema).max(1000).default([]),
  pending: z.number().int().min(0).default(0),
  trace: z.array(traceSchema).max(2000).optional(),
}) satisfies z.ZodType<DraftParagraph, unknown>;

const newMetricSchema = z.object({
  metric: shortText,
  value: z.number().finite(),
  unit: z.string().max(20),
  sentence: z.string().max(1000),
  partId: shortText.nullable(),
  paragraphId: shortText.nullable(),
  score: z.number(),
});

/** A whole draft as clients send it back (PUT /api/drafts/:id, export, section, check). */
export const draftSchema = z.object({
  schemaVersion: z.literal(draftSchemaVersion),
  id: z.string().regex(draftIdPattern, 'draft ids are letters, digits, - and _'),
  year: z.number().int().min(1949).max(2100),
  org: z.string().max(200).nullable(),
  title: z.string().max(500),
  fromReportId: shortText.nullable(),
  fromTitle: z.string().max(500).nullable(),
  fromYear: z.number().int().nullable(),
  materials: materialsSchema.optional(),
  preamble: z.array(paragraphSchema).max(100),
  partsIntro: paragraphSchema.nullable(),
  parts: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        marker: z.string().max(20).default(''),
        title: z.string().max(500),
        sourcePart: z.number().int().nullable().default(null),
        kind: z.literal('plan').optional(),
        paragraphs: z.array(paragraphSchema).max(500),
        newMetrics: z.array(newMetricSchema).max(1000).default([]),
        candidate: z.boolean().optional(),
      }),
    )
    .max(50),
  closing: z.array(paragraphSchema).max(100),
  footnotes: z.array(z.object({ mark: z.number().int().min(0), text: z.string().max(5000) })).max(100),
  newMetrics: z.array(newMetricSchema).max(5000).default([]),
  ledger: z.array(ledgerRecordSchema).max(100_000),
  ledgerSource: z.string().max(500),
  ledgerMissing: z.boolean().default(false),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
}) satisfies z.ZodType<Draft, unknown>;
