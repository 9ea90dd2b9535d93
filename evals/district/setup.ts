/** The synthetic district store of `npm run bench district`, built once and shared by every row. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, connect, type Table } from '@lancedb/lancedb';
import type { Report } from '../../server/report/index.ts';
import { type BulkStore, createLexicalEmbedder, openStore } from '../../server/store/index.ts';
import { districtOffices, districtReport } from '../../test/support/synthetic-reports.ts';
import { type RetrievalQuestion, retrievalQuestions } from '../retrieval-questions.ts';
import { LegacyPath } from './legacy.ts';

export interface DistrictOptions {
  offices: number;
  years: number;
  /** Paragraphs per part of each report (six parts): 83 makes ~100k chunks for 20 × 10 reports. */
  paragraphs: number;
  rounds: number;
  /** Also build 0.1's layout beside the store, to time 0.1's path in the same run. */
  baseline: boolean;
  /** Leave the data dir in place after the run. */
  keep: boolean;
  /** Runs of each start-up command (median printed). */
  startupRuns: number;
  /** Clients and seconds of the serve load row. */
  clients: number;
  serveSeconds: number;
}

export interface District {
  options: DistrictOptions;
  dataDir: string;
  store: BulkStore;
  db: Connection;
  /** The store's chunks table, read directly by the step-by-step search variants. */
  main: Table;
  reports: Report[];
  firstYear: number;
  chunks: number;
  bulkSeconds: number;
  /** Until the last report was embedded and buffered; the rest is the final writes and the index builds. */
  embeddedSeconds: number;
  bulkBuilds: number;
  legacy: { path: LegacyPath; indexSeconds: number } | null;
  /** The retrieval eval's questions, with their gold passages (all in the bundled seed report). */
  questions: RetrievalQuestion[];
}

export const firstYear = 2014;

/** Builds the district: every office's reports for every year in one bulk ingest, then 0.1's layout beside it. */
export async function buildDistrict(options: DistrictOptions): Promise<District> {
  const reports: Report[] = [];
  for (let year = firstYear; year < firstYear + options.years; year++) {
    for (let office = 0; office < Math.min(options.offices, districtOffices.length); office++) {
      reports.push(districtReport(office, year, options.paragraphs));
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-bench-district-'));
  const store = await openStore({ dataDir, embedder: createLexicalEmbedder() });
  const started = performance.now();
  let lastShown = 0;
  let embeddedSeconds = 0;
  const outcomes = await store.ingestReports(reports, {
    onProgress: (done, total) => {
      if (done === total) embeddedSeconds = (performance.now() - started) / 1000;
      if (performance.now() - lastShown < 10_000 && done < total) return;
      lastShown = performance.now();
      process.stderr.write(
        `  bulk ingest ${done}/${total} reports, ${Math.round((lastShown - started) / 1000)} s\n`,
      );
    },
  });
  const bulkSeconds = (performance.now() - started) / 1000;
  const db = await connect(join(dataDir, 'lancedb'));
  const main = await db.openTable('chunks');
  const legacy = options.baseline ? await LegacyPath.build(db, main) : null;
  return {
    options,
    dataDir,
    store,
    db,
    main,
    reports,
    firstYear,
    chunks: outcomes.reduce((sum, o) => sum + o.chunks, 0),
    bulkSeconds,
    embeddedSeconds,
    bulkBuilds: (await store.indexStatus()).builds,
    legacy: legacy && { path: legacy.legacy, indexSeconds: legacy.indexSeconds },
    questions: retrievalQuestions(),
  };
}
