import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLedger } from './figures/ledger.ts';
import { corpusDir } from './paths.ts';
import { parseReportFile } from './report/index.ts';
import type { IngestOutcome, Store } from './store/types.ts';

const reportExtensions = /\.(txt|md|html?|docx)$/i;

export interface BundledOutcome {
  reports: { fileName: string; outcome: IngestOutcome }[];
  ledgers: { fileName: string; added: number; replaced: number }[];
}

/** Ingests the bundled demo corpus (corpus/reports, corpus/ledgers) so a new user can start at once. */
export async function ingestBundledCorpus(store: Store, dir = corpusDir): Promise<BundledOutcome> {
  const list = (sub: string, pattern: RegExp): string[] =>
    readdirSync(join(dir, sub))
      .filter((name) => pattern.test(name))
      .sort();
  const result: BundledOutcome = { reports: [], ledgers: [] };
  for (const fileName of list('reports', reportExtensions)) {
    const report = await parseReportFile(readFileSync(join(dir, 'reports', fileName)), { fileName });
    result.reports.push({ fileName, outcome: await store.ingestReport(report) });
  }
  for (const fileName of list('ledgers', /\.(csv|xlsx|json)$/i)) {
    const records = await parseLedger(readFileSync(join(dir, 'ledgers', fileName)), fileName);
    result.ledgers.push({ fileName, ...(await store.importLedger(records)) });
  }
  return result;
}
