/**
 * The bundled demo corpus (corpus/reports, corpus/ledgers) sent file by file through the API, so the
 * first run can show how far it got (the terminal UI's progress bar, the text home's [n/N] lines).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../server/paths.ts';
import { type Client, unwrap } from './client.ts';
import { readUploadFile } from './files.ts';

/** One bundled file and what it holds. */
export interface BundledFile {
  kind: 'report' | 'ledger';
  fileName: string;
  path: string;
}

const listed = (sub: string, pattern: RegExp): string[] =>
  readdirSync(join(corpusDir, sub))
    .filter((name) => pattern.test(name))
    .sort();

/** The bundled files, reports first (as POST /api/corpus/bundled ingests them). */
export function bundledFiles(): BundledFile[] {
  return [
    ...listed('reports', /\.(txt|md|html?|docx)$/i).map((fileName) => ({
      kind: 'report' as const,
      fileName,
      path: join(corpusDir, 'reports', fileName),
    })),
    ...listed('ledgers', /\.(csv|xlsx|json)$/i).map((fileName) => ({
      kind: 'ledger' as const,
      fileName,
      path: join(corpusDir, 'ledgers', fileName),
    })),
  ];
}

/** Ingests one bundled file (idempotent: a report already stored is left as it is). */
export async function ingestBundledFile(client: Client, file: BundledFile): Promise<void> {
  const json = readUploadFile(file.path);
  if (file.kind === 'report') await unwrap(await client.api.reports.$post({ json }));
  else await unwrap(await client.api.ledger.$post({ json }));
}

/** True when the store holds neither reports nor ledger records: the first run. */
export async function corpusIsEmpty(client: Client): Promise<boolean> {
  const { counts } = await unwrap(await client.api.status.$get({ query: {} }));
  return counts.reports === 0 && counts.ledgerRecords === 0;
}
