/** Review: the reviewer's findings inside the writer's own .docx, as a findings table, and across checks. */
export type { AnnotateInput, AnnotateResult } from './annotate.ts';
export { annotateDocx, highlightColor } from './annotate.ts';
export { commentAuthor, verdictLabel } from './comment-text.ts';
export { packageLimits } from './package.ts';
