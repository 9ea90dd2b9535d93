/** A draft exported for download: its bytes or text, a safe file name and the media type. */

import {
  type Draft,
  draftDocx,
  draftMarkdown,
  draftText,
  traceAppendix,
  withAppendix,
} from '../draft/index.ts';

/** The media type of each export format. */
const mediaTypes = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A file name for an export: the draft's title without characters file systems refuse, nor
 * controls and invisible format characters (U+FFFE, bidi overrides that could disguise the type).
 */
function exportName(draft: Draft, format: keyof typeof mediaTypes): string {
  const cleaned = (draft.title || draft.id).replace(/[\p{C}]+/gu, '').replace(/[\\/:*?"<>|\s]+/g, '_');
  const base = Array.from(cleaned).slice(0, 100).join('');
  return `${base || draft.id}.${format}`;
}

/** What POST /api/draft/export answers: text for .md and .txt, base64 bytes for .docx. */
export type DraftExport =
  | { format: 'docx'; fileName: string; mediaType: string; contentBase64: string }
  | { format: 'md' | 'txt'; fileName: string; mediaType: string; content: string };

/** A (renumbered) draft in a format; `trace` adds the sources appendix (where every sentence came from). */
export async function exportDraft(
  draft: Draft,
  format: keyof typeof mediaTypes,
  trace: boolean,
): Promise<DraftExport> {
  const fileName = exportName(draft, format);
  const mediaType = mediaTypes[format];
  if (format === 'docx') {
    const appendix = trace ? { appendix: traceAppendix(draft) } : {};
    const contentBase64 = Buffer.from(await draftDocx({ ...draft, ...appendix })).toString('base64');
    return { format, fileName, mediaType, contentBase64 };
  }
  const text = format === 'md' ? draftMarkdown(draft) : draftText(draft);
  const content = trace ? withAppendix(text, traceAppendix(draft), format) : text;
  return { format, fileName, mediaType, content };
}
