/**
 * The dev set of real documents (evals/data/documents/<id>/): each document's source parsed as a
 * report, its hand-made gold (gold.json) with every figure located in the report's text, and its
 * optional ledgers. The seed report joins the set as one more document, its gold read from the shared
 * TSV files. Formats: evals/data/documents/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { parseLedger } from '../../server/figures/index.ts';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { parseReportFile, type Report } from '../../server/report/index.ts';
import { goldClaims, seedPath } from '../figures-gold.ts';

/** Where the documents live. */
export const documentsDir = join(packageRoot, 'evals', 'data', 'documents');

/** One gold figure as annotated (value as written in `unit`; `sign` -1 for a decrease). */
export interface GoldFigure {
  text: string;
  value?: number;
  unit?: string;
  sign?: number;
  /** The ledger metric that states the figure, when the document ships a ledger. */
  metric?: string;
  /** For a change (同比增长6.1%): the ledger metric whose two years it compares. */
  base?: string;
}

/** gold.json. */
export interface Gold {
  origin: string;
  title: string | null;
  org: string | null;
  year: number | null;
  years?: [number, number];
  parts: string[];
  figures: GoldFigure[];
  nonFigures?: string[];
  /** Numbers a careful reader could take either way: neither required nor counted as spurious. */
  ambiguous?: string[];
  /** Lines of web furniture that must stay out of the title, every heading and every paragraph. */
  junk?: string[];
}

/** A gold figure located in the report's text. */
export interface LocatedFigure extends GoldFigure {
  start: number;
  end: number;
}

/** A span of text: every place a non-figure or ambiguous surface occurs. */
export interface Occurrence {
  surface: string;
  start: number;
  end: number;
}

/** One document ready to evaluate. */
export interface DevDocument {
  id: string;
  gold: Gold;
  report: Report;
  figures: LocatedFigure[];
  nonFigures: Occurrence[];
  ambiguous: Occurrence[];
  /** The office's ledger for the report year (ledger.csv), or null. */
  ledger: LedgerRecord[] | null;
  /** The next year's ledger (next-ledger.csv), or null. */
  nextLedger: LedgerRecord[] | null;
  /** Problems of the gold itself (a figure not found in the text): printed, never silently dropped. */
  problems: string[];
}

const sourceNames = ['source.txt', 'source.md', 'source.html', 'source.docx'];

/** Locates each gold figure after the one before it (reading order). */
function locate(text: string, figures: GoldFigure[], problems: string[]): LocatedFigure[] {
  const located: LocatedFigure[] = [];
  let from = 0;
  for (const figure of figures) {
    const at = text.indexOf(figure.text, from);
    if (at < 0) {
      problems.push(`gold figure ${figure.text} not found after offset ${from}`);
      continue;
    }
    located.push({ ...figure, start: at, end: at + figure.text.length });
    from = at + figure.text.length;
  }
  return located;
}

/** Every occurrence of each surface. */
function occurrences(text: string, surfaces: string[], problems: string[], what: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const surface of surfaces) {
    let count = 0;
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      found.push({ surface, start: at, end: at + surface.length });
      count++;
    }
    if (count === 0) problems.push(`${what} ${surface} not found`);
  }
  return found;
}

async function ledgerAt(file: string): Promise<LedgerRecord[] | null> {
  return existsSync(file) ? parseLedger(readFileSync(file), file) : null;
}

/** Builds a document from its report, gold and ledgers. */
function assemble(
  id: string,
  report: Report,
  gold: Gold,
  ledgers: { ledger: LedgerRecord[] | null; nextLedger: LedgerRecord[] | null },
  located?: LocatedFigure[],
): DevDocument {
  const problems: string[] = [];
  const text = report.text;
  return {
    id,
    gold,
    report,
    figures: located ?? locate(text, gold.figures, problems),
    nonFigures: occurrences(text, gold.nonFigures ?? [], problems, 'non-figure'),
    ambiguous: occurrences(text, gold.ambiguous ?? [], problems, 'ambiguous'),
    ...ledgers,
    problems,
  };
}

/** Loads one document folder. */
async function loadFolder(id: string): Promise<DevDocument> {
  const dir = join(documentsDir, id);
  const source = sourceNames.find((name) => existsSync(join(dir, name)));
  if (!source) throw new Error(`${id}: no source file (${sourceNames.join(', ')})`);
  const report = await parseReportFile(readFileSync(join(dir, source)), { fileName: source });
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  return assemble(id, report, gold, {
    ledger: await ledgerAt(join(dir, 'ledger.csv')),
    nextLedger: await ledgerAt(join(dir, 'next-ledger.csv')),
  });
}

/** The seed report as a document: gold figures and metrics from the shared TSV, the bundled ledgers. */
async function loadSeed(): Promise<DevDocument> {
  const report = await parseReportFile(readFileSync(seedPath), { fileName: '甘泉路街道2016年工作总结.txt' });
  // The shared TSV locates each figure by its own context; it is not in reading order.
  const figures = goldClaims(report.text).map((g) => ({
    text: g.surface,
    value: g.value,
    unit: g.unit,
    metric: g.metric,
    start: g.start,
    end: g.end,
  }));
  const gold: Gold = {
    origin: 'corpus/reports (the seed)',
    title: '甘泉路街道2016年工作总结',
    org: '甘泉路街道',
    year: 2016,
    parts: seedParts,
    figures,
  };
  const ledgers = {
    ledger: await ledgerAt(join(corpusDir, 'ledgers', 'ganquan-2016.csv')),
    nextLedger: await ledgerAt(join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv')),
  };
  return assemble('seed-ganquan-2016', report, gold, ledgers, figures);
}

/** The seed's six part headings, as a reader reads them. */
const seedParts = [
  '(一)注重保障民生,公共服务能级提升',
  '(二)补齐发展短板,公共管理走向精细',
  '(三)建设平安甘泉,公共安全可控有序',
  '(四)聚焦“同心家园”,自治共治水平提升',
  '(五)深化品牌项目,社会事业充满活力',
  '(六)转变政府职能,切实改进工作作风',
];

/** Every document of the dev set (folders in name order), then the seed. */
export async function loadDocuments(filter = ''): Promise<DevDocument[]> {
  // A folder is a document once it holds its gold (a document being written is left out until then).
  const ids = readdirSync(documentsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes(filter))
    .filter((d) => existsSync(join(documentsDir, d.name, 'gold.json')))
    .map((d) => d.name)
    .sort();
  const documents = await Promise.all(ids.map(loadFolder));
  if ('seed-ganquan-2016'.includes(filter)) documents.push(await loadSeed());
  return documents;
}
