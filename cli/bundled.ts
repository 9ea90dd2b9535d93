/**
 * The bundled demo corpus ingested file by file through the API, so the first run can show how far it
 * got (the terminal UI's progress bar, the text home's [n/N] lines). The server owns the files.
 */
import type { BundledFile } from '../server/corpus.ts';
import { type Client, unwrap } from './client.ts';

export type { BundledFile };

/** The bundled files the server will ingest, in order. */
export async function bundledFiles(client: Client): Promise<BundledFile[]> {
  return (await unwrap(await client.api.corpus.bundled.$get())).files;
}

/** Ingests one bundled file (idempotent: a report already stored is left as it is). */
export async function ingestBundledFile(client: Client, file: BundledFile): Promise<void> {
  await unwrap(await client.api.corpus.bundled[':fileName'].$post({ param: { fileName: file.fileName } }));
}

/** True when the store holds neither reports nor ledger records: the first run. */
export async function corpusIsEmpty(client: Client): Promise<boolean> {
  const { counts } = await unwrap(await client.api.status.$get({ query: {} }));
  return counts.reports === 0 && counts.ledgerRecords === 0;
}
