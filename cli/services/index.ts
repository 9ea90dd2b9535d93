/**
 * The CLI's services: what commands and the terminal UI both do beyond one API call — export a
 * draft to a file, make the annotated copy of a checked document, read an upload without blocking
 * the UI, write output files whole, ask a streamed question. Screens reach files only through here.
 */
export type { Annotated, AnnotateRequest } from './annotate.ts';
export { annotatedCopy } from './annotate.ts';
export type { AnswerHandlers } from './chat.ts';
export { askChat } from './chat.ts';
export type { DraftExportFormat, ExportedDraft, ExportOptions } from './export.ts';
export { draftExport, exportDraft } from './export.ts';
export { writeOutputFile } from './output-file.ts';
export type { UploadFile } from './upload.ts';
export { readUpload } from './upload.ts';
