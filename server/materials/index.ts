/** This year's materials: department submissions read, checked against the ledger, stored and searched by year. */
export { departmentOf, reportSubject } from './department.ts';
export { contradicts } from './figures.ts';
export { type AddedMaterial, type AddOptions, addMaterial } from './ingest.ts';
export { type MaterialMeta, materialChunks } from './read.ts';
export { searchMaterials } from './search.ts';
export { type MaterialConflict, type MaterialSummary, summarise } from './summary.ts';
export { reportVoice } from './voice.ts';
