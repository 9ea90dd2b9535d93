import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinctOffices, parseLedger } from './figures/index.ts';
import { addMaterial } from './materials/index.ts';
import { corpusDir } from './paths.ts';
import { parseReportFile } from './report/index.ts';
import type { IngestOutcome, Store } from './store/index.ts';

/** One file of the bundled demo corpus; a material also names the year it reports on. */
export type BundledFile =
  | { kind: 'report' | 'ledger'; fileName: string }
  | { kind: 'material'; fileName: string; year: number };

export type BundledFileOutcome =
  | { kind: 'report'; fileName: string; outcome: IngestOutcome }
  | { kind: 'ledger'; fileName: string; added: number; replaced: number }
  | { kind: 'material'; fileName: string; year: number; status: string; department: string };

export interface BundledOutcome {
  reports: { fileName: string; outcome: IngestOutcome }[];
  ledgers: { fileName: string; added: number; replaced: number }[];
  materials: { fileName: string; year: number; status: string; department: string }[];
}

const folders = { report: 'reports', ledger: 'ledgers' } as const;
const patterns = { report: /\.(txt|md|html?|docx)$/i, ledger: /\.(csv|xlsx|json)$/i } as const;

/** The files of a folder with one of the patterns' extensions, sorted. */
const filesIn = (path: string, pattern: RegExp): string[] =>
  readdirSync(path)
    .filter((name) => pattern.test(name))
    .sort();

/** The bundled materials: corpus/materials/<year>/ (the demo's department submissions). */
function bundledMaterials(dir: string): BundledFile[] {
  const root = join(dir, 'materials');
  if (!existsSync(root)) return [];
  return filesIn(root, /^\d{4}$/).flatMap((year) =>
    filesIn(join(root, year), patterns.report).map((fileName) => ({
      kind: 'material' as const,
      fileName,
      year: Number(year),
    })),
  );
}

/**
 * The bundled files in the order they are ingested: corpus/reports, corpus/ledgers, then the materials
 * (after the ledgers, so their figures are checked against them on the way in).
 */
export function bundledFiles(dir = corpusDir): BundledFile[] {
  return [
    ...(['report', 'ledger'] as const).flatMap((kind) =>
      filesIn(join(dir, folders[kind]), patterns[kind]).map((fileName) => ({ kind, fileName })),
    ),
    ...bundledMaterials(dir),
  ];
}

/** Ingests one bundled file (idempotent: a report already stored is left as it is). */
export async function ingestBundledFile(
  store: Store,
  file: BundledFile,
  dir = corpusDir,
): Promise<BundledFileOutcome> {
  if (file.kind === 'material') {
    const bytes = readFileSync(join(dir, 'materials', String(file.year), file.fileName));
    const report = await parseReportFile(bytes, { fileName: file.fileName });
    const added = await addMaterial(store, report, { year: file.year });
    return { ...file, status: added.status, department: added.material.department };
  }
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

/** Ingests the whole bundled demo corpus (reports, ledgers, materials) so a new user can start at once. */
export async function ingestBundledCorpus(store: Store, dir = corpusDir): Promise<BundledOutcome> {
  const result: BundledOutcome = { reports: [], ledgers: [], materials: [] };
  for (const file of bundledFiles(dir)) {
    const done = await ingestBundledFile(store, file, dir);
    if (done.kind === 'report') result.reports.push({ fileName: done.fileName, outcome: done.outcome });
    else if (done.kind === 'ledger')
      result.ledgers.push({ fileName: done.fileName, added: done.added, replaced: done.replaced });
    else {
      const { kind: _, ...material } = done;
      result.materials.push(material);
    }
  }
  return result;
}
