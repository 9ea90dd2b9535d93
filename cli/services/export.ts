import { type Client, unwrap } from '../client.ts';
import { annotatedCopy } from './annotate.ts';
import { writeOutputFile } from './output-file.ts';

/** A format a saved draft is exported to; `annotated` is the .docx checked with a comment on each finding. */
export type DraftExportFormat = 'md' | 'docx' | 'txt' | 'annotated';

/** The saved draft an export is made of: its id, and the title and year the annotated copy is named by. */
export interface ExportedDraft {
  id: string;
  title?: string;
  year?: number;
}

/** How an export is made: `trace` appends 逐句来源 (each sentence's sources). */
export interface ExportOptions {
  trace?: boolean;
}

/**
 * A saved draft in a format (POST /api/draft/export): text for .md and .txt, bytes for .docx; the
 * annotated copy is the .docx checked against the stored ledger (POST /api/check).
 */
export async function draftExport(
  client: Client,
  draft: ExportedDraft,
  format: DraftExportFormat,
  options: ExportOptions = {},
): Promise<string | Buffer> {
  const exported = await unwrap(
    await client.api.draft.export.$post({
      json: {
        draftId: draft.id,
        format: format === 'annotated' ? 'docx' : format,
        trace: options.trace ?? false,
      },
    }),
  );
  if ('content' in exported) return exported.content;
  const bytes = Buffer.from(exported.contentBase64, 'base64');
  if (format !== 'annotated') return bytes;
  const file = { fileName: `${draft.title ?? draft.id}.docx`, contentBase64: exported.contentBase64 };
  return (await annotatedCopy(client, { file, year: draft.year })).bytes;
}

/** Writes a saved draft to `path` in a format, whole or not at all. */
export async function exportDraft(
  client: Client,
  draft: ExportedDraft,
  format: DraftExportFormat,
  path: string,
  options: ExportOptions = {},
): Promise<void> {
  await writeOutputFile(path, await draftExport(client, draft, format, options));
}
