/** Review: the reviewer's findings inside the writer's own .docx, as a findings table, and across checks. */
export type { AnnotateInput, AnnotateResult } from './annotate.ts';
export { annotateDocx, highlightColor } from './annotate.ts';
export type { ChangedFinding, Changes, RememberedFinding } from './changes.ts';
export { commentAuthor } from './comment-text.ts';
export type { FindingRow } from './findings.ts';
export { findingColumns } from './findings.ts';
export type { FindingsFormat } from './findings-file.ts';
export type { AnswerFile, ReviewAnswer, ReviewRequest } from './review.ts';
export { reviewCheck } from './review.ts';
