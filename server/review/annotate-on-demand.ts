import type { AnnotateInput, AnnotateResult } from './annotate.ts';

/**
 * The writer's .docx with a comment on each finding (see annotate.ts), whose module — and with it the
 * zip and XML libraries — loads on the first call: a check that annotates nothing never loads them.
 */
export async function annotateDocx(input: AnnotateInput): Promise<AnnotateResult> {
  return (await import('./annotate.ts')).annotateDocx(input);
}
