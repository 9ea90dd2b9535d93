/**
 * The draft document as data: one walk (reading order, map, replace), one find, one pending count and
 * one summary — used by the engine (drafting, the workspace, the API) and by the terminal UI.
 * Pure and free of I/O, so the UI can import it without the engine.
 */
export type { FoundParagraph, ParagraphPlace } from './find.ts';
export { findParagraph } from './find.ts';
export type { DraftSummary } from './summary.ts';
export { draftSummary, pendingTotal } from './summary.ts';
export { allParagraphs, mapParagraphs, replaceParagraph } from './walk.ts';
