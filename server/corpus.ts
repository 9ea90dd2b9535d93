import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLedger } from './figures/ledger.ts';
import { distinctOffices } from './figures/office-ledger.ts';
import { corpusDir } from './paths.ts';
import { parseReportFile } from './report/index.ts';
import type { IngestOutcome, Store } from './store/types.ts';

/** One file of the bundled demo corpus. */
export interface BundledFile {
  kind: 'report' | 'ledger';
  fileName: string;
}

export type BundledFileOutcome =
  | { kind: 'report'; fileName: string; outcome: IngestOutcome }
  | { kind: 'ledger'; fileName: string; added: number; replaced: number };

export interface BundledOutcome {
  reports: { fileName: string; outcome: IngestOutcome }[];
  ledgers: { fileName: string; added: number; replaced: number }[];
}

const folders = { report: 'reports', ledger: 'ledgers' } as const;
const patterns = { report: /\.(txt|md|html?|docx)$/i, ledger: /\.(csv|xlsx|json)$/i } as const;

/** The bundled files (corpus/reports, then corpus/ledgers), in the order they are ingested. */
export function bundledFiles(dir = corpusDir): BundledFile[] {
  return (['report', 'ledger'] as const).flatMap((kind) =>
    readdirSync(join(dir, folders[kind]))
      .filter((name) => patterns[kind].test(name))
      .sort()
      .map((fileName) => ({ kind, fileName })),
  );
}

/** Ingests one bundled file (idempotent: a report already stored is left as it is). */
export async function ingestBundledFile(
  store: Store,
  file: BundledFile,
  dir = corpusDir,
): Promise<BundledFileOutcome> {
  const bytes = readFileSync(join(dir, folders[file.kind], file.fileName));
  if (file.kind === 'report') {
    const report = await parseReportFile(bytes, { fileName: file.fileName });
    return { ...file, kind: 'report', outcome: await store.ingestReport(report) };
  }
  const org = await bundledOffice(dir);
  const records = await parseLedger(bytes, file.fileName, org ? { org } : {});
  return { ...file, kind: 'ledger', ...(await store.importLedger(records)) };
}

/**
 * The office of the bundled reports, when they are all of one: the bundled ledgers are that office's,
 * so they stay its own in a store that also holds other offices.
 */
async function bundledOffice(dir: string): Promise<string | null> {
  const names = readdirSync(join(dir, folders.report)).filter((name) => patterns.report.test(name));
  const orgs: (string | null)[] = [];
  for (const name of names) {
    const report = await parseReportFile(readFileSync(join(dir, folders.report, name)), { fileName: name });
    orgs.push(report.org);
  }
  const offices = distinctOffices(orgs);
  return offices.length === 1 ? offices[0] : null;
}

/** Ingests the whole bundled demo corpus so a new user can start at once. */
export async function ingestBundledCorpus(store: Store, dir = corpusDir): Promise<BundledOutcome> {
  const result: BundledOutcome = { reports: [], ledgers: [] };
  for (const file of bundledFiles(dir)) {
    const done = await ingestBundledFile(store, file, dir);
    if (done.kind === 'report') result.reports.push({ fileName: done.fileName, outcome: done.outcome });
    else result.ledgers.push({ fileName: done.fileName, added: done.added, replaced: done.replaced });
  }
  return result;
}
