/** Schema and row mapping of the `materials` table: one row per sentence of a material. */
import { Field, FixedSizeList, Float32, Int32, Schema, Utf8 } from 'apache-arrow';
import { termsColumn } from './fts.ts';
import type { MaterialChunk, MaterialFigure, MaterialKind, MaterialSection } from './material-types.ts';
import { embedderKey } from './tables.ts';

export const materialsTable = 'materials';

const text = (name: string) => new Field(name, new Utf8(), false);
const int = (name: string) => new Field(name, new Int32(), false);

/** Columns of a material row without the vector. */
export const materialColumns = [
  'id',
  'materialId',
  'year',
  'department',
  'fileName',
  'title',
  'encoding',
  'section',
  'heading',
  'paragraph',
  'sentence',
  'kind',
  'text',
  'start',
  'end',
  'figures',
  'addedAt',
];

/** The materials schema for vectors of `dimensions`, tagged with the embedder that made them. */
export function materialsSchema(dimensions: number, embedderId: string): Schema {
  const ints = new Set(['year', 'paragraph', 'sentence', 'start', 'end']);
  return new Schema(
    [
      ...materialColumns.map((name) => (ints.has(name) ? int(name) : text(name))),
      text(termsColumn),
      new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
    ],
    new Map([[embedderKey, embedderId]]),
  );
}

/** The row of a material sentence: its search terms (see `termsOf`) and its vector added. */
export function materialRow(chunk: MaterialChunk, terms: string, vector: number[]): Record<string, unknown> {
  return { ...chunk, figures: JSON.stringify(chunk.figures), [termsColumn]: terms, vector };
}

/** A material sentence read back from a row (extra columns such as `_distance` are ignored). */
export function rowToMaterial(row: Record<string, unknown>): MaterialChunk {
  return {
    id: String(row.id),
    materialId: String(row.materialId),
    year: Number(row.year),
    department: String(row.department),
    fileName: String(row.fileName),
    title: String(row.title),
    encoding: String(row.encoding),
    section: String(row.section) as MaterialSection,
    heading: String(row.heading),
    paragraph: Number(row.paragraph),
    sentence: Number(row.sentence),
    kind: String(row.kind) as MaterialKind,
    text: String(row.text),
    start: Number(row.start),
    end: Number(row.end),
    figures: JSON.parse(String(row.figures)) as MaterialFigure[],
    addedAt: String(row.addedAt),
  };
}
