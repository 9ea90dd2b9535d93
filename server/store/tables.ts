/** Schemas and row mappings of the three LanceDB tables: `reports`, `chunks`, `ledger`. */
import { Field, FixedSizeList, Float32, Float64, Int32, Schema, Utf8 } from 'apache-arrow';
import type { LedgerRecord } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import type { Chunk, ReportSummary, Section } from './types.ts';

export const tableNames = { reports: 'reports', chunks: 'chunks', ledger: 'ledger' } as const;

/** Schema-metadata key on the chunks table naming the embedder that built its vectors. */
export const embedderKey = 'govdraft.embedder';

/**
 * Schema-metadata key on the chunks table naming its column layout: `terms-v1` has one `terms` column
 * under one full-text index; 0.1 stores have none (a `words` column and two full-text indexes).
 */
export const layoutKey = 'govdraft.layout';
export const currentLayout = 'terms-v1';

const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const int = (name: string, nullable = false) => new Field(name, new Int32(), nullable);

/** One row per committed report; the row is written last, so its presence marks a complete ingest. */
export const reportsSchema = new Schema([
  text('id'),
  text('title'),
  text('org', true),
  int('year', true),
  text('fileName', true),
  text('addedAt'),
  int('parts'),
  int('paragraphs'),
  int('chunks'),
  text('json'),
]);

/** The chunks schema for vectors of `dimensions`, tagged with the embedder that made them and the layout. */
export function chunksSchema(dimensions: number, embedderId: string): Schema {
  return new Schema(
    [
      text('id'),
      text('reportId'),
      text('reportTitle'),
      text('org'),
      int('year'),
      text('section'),
      int('part'),
      text('partTitle'),
      int('paragraph'),
      int('piece'),
      text('text'),
      text('terms'),
      int('start'),
      int('end'),
      new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
    ],
    new Map([
      [embedderKey, embedderId],
      [layoutKey, currentLayout],
    ]),
  );
}

export const ledgerSchema = new Schema([
  int('year'),
  text('metric'),
  new Field('value', new Float64(), false),
  text('unit'),
  text('note'),
  text('sourceFile'),
  int('sourceRow'),
  // Nullable: 0.1 stores get it added in place (ledger-table.ts); '' means no office.
  text('org', true),
]);

/** The chunks row of a chunk: its search terms (see `termsOf`) and its vector added. */
export function chunkRow(chunk: Chunk, terms: string, vector: number[]): Record<string, unknown> {
  return {
    id: chunk.id,
    reportId: chunk.reportId,
    reportTitle: chunk.reportTitle,
    org: chunk.org,
    year: chunk.year,
    section: chunk.section,
    part: chunk.part,
    partTitle: chunk.partTitle,
    paragraph: chunk.paragraph,
    piece: chunk.piece,
    text: chunk.text,
    terms,
    start: chunk.start,
    end: chunk.end,
    vector,
  };
}

/** Reads a chunk back from a row (extra columns such as `_distance` are ignored). */
export function rowToChunk(row: Record<string, unknown>): Chunk {
  return {
    id: String(row.id),
    reportId: String(row.reportId),
    reportTitle: String(row.reportTitle),
    org: String(row.org),
    year: Number(row.year),
    section: String(row.section) as Section,
    part: Number(row.part),
    partTitle: String(row.partTitle),
    paragraph: Number(row.paragraph),
    piece: Number(row.piece),
    text: String(row.text),
    start: Number(row.start),
    end: Number(row.end),
  };
}

/** Paragraph count of a report, all sections together. */
function paragraphCount(report: Report): number {
  const inParts = report.parts.reduce((sum, part) => sum + part.paragraphs.length, 0);
  return report.preamble.length + (report.partsIntro ? 1 : 0) + inParts + report.closing.length;
}

/** The reports row of a report: summary columns plus the whole parsed report as JSON. */
export function reportRow(report: Report, chunks: number, addedAt: Date): Record<string, unknown> {
  return {
    id: report.id,
    title: report.title,
    org: report.org,
    year: report.year,
    fileName: report.source.fileName,
    addedAt: addedAt.toISOString(),
    parts: report.parts.length,
    paragraphs: paragraphCount(report),
    chunks,
    json: JSON.stringify(report),
  };
}

const nullableString = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const nullableNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A report summary from a reports row. */
export function rowToSummary(row: Record<string, unknown>): ReportSummary {
  return {
    id: String(row.id),
    title: String(row.title),
    org: nullableString(row.org),
    year: nullableNumber(row.year),
    fileName: nullableString(row.fileName),
    parts: Number(row.parts),
    paragraphs: Number(row.paragraphs),
    chunks: Number(row.chunks),
    addedAt: String(row.addedAt),
  };
}

/** The ledger row of a record. */
export function ledgerRow(record: LedgerRecord): Record<string, unknown> {
  return {
    year: record.year,
    metric: record.metric,
    value: record.value,
    unit: record.unit,
    note: record.note,
    sourceFile: record.source.file,
    sourceRow: record.source.row,
    org: record.org ?? '',
  };
}

/** A ledger record from a ledger row. */
export function rowToLedger(row: Record<string, unknown>): LedgerRecord {
  return {
    year: Number(row.year),
    metric: String(row.metric),
    value: Number(row.value),
    unit: String(row.unit),
    note: String(row.note),
    source: { file: String(row.sourceFile), row: Number(row.sourceRow) },
    ...(row.org ? { org: String(row.org) } : {}),
  };
}
