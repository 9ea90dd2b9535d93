/**
 * Chunk columns without the vector, for reads that do not need it. Apart from the schemas (tables.ts,
 * which load Arrow): the store's front exports it and must load neither Arrow nor LanceDB.
 */
export const chunkColumns = [
  'id',
  'reportId',
  'reportTitle',
  'org',
  'year',
  'section',
  'part',
  'partTitle',
  'paragraph',
  'piece',
  'text',
  'start',
  'end',
];
