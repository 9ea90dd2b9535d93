/**
 * The rows of `npm run bench district`, one function a row (or a group of rows measured together).
 * Each returns what to print: the measure, 0.1's figure (its code path, timed in the same run where
 * it can be), the figure now, and a note. Rows for later parts of issue 15 are added here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../server/paths.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { fuseRanks, search, searchTerms } from '../../server/retrieve/index.ts';
import type { ChunkFilter } from '../../server/store/index.ts';
import { chunkColumns, filterToWhere, termsOf } from '../../server/store/index.ts';
import { districtOffices, districtReport } from '../../test/support/synthetic-reports.ts';
import { p50p95, percentile, sideBySide } from '../latency.ts';
import type { District } from './setup.ts';

export interface BenchRow {
  measure: string;
  before: string;
  now: string;
  note?: string;
}

const k = 5;
const seconds = (s: number) => `${s.toFixed(2)} s`;
const timed = async <T>(run: () => Promise<T>): Promise<[T, number, number]> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  // CPU of every thread of the process (LanceDB's included): steadier than wall time on a shared machine.
  return [value, (performance.now() - started) / 1000, (used.user + used.system) / 1e6];
};

/** Bulk ingest of every report, with its one index build. */
export async function bulkIngest(d: District): Promise<BenchRow[]> {
  const rate = Math.round(d.chunks / d.bulkSeconds).toLocaleString('en');
  return [
    {
      measure: `bulk ingest, ${d.reports.length} reports / ${d.chunks.toLocaleString('en')} chunks`,
      before: '149 s for 100k chunks (bench store, 0.1, earlier the same day)',
      now: `${seconds(d.bulkSeconds)} (${rate} chunks/s), ${d.bulkBuilds} full-text index build`,
      note: `${seconds(d.embeddedSeconds)} to embed and write, ${seconds(d.bulkSeconds - d.embeddedSeconds)} for the last writes and the indexes`,
    },
    {
      measure: 'full-text index build(s) at that size',
      before: d.legacy ? `${seconds(d.legacy.indexSeconds)} (2 indexes with positions)` : '—',
      now: 'included above (1 index, no positions)',
    },
  ];
}

/** 0.1's step after step: one full-text index, still reading every candidate's columns. */
async function oneIndexAllColumns(d: District, question: string): Promise<string[]> {
  const terms = searchTerms(question);
  const vector = await d.store.embedQuery(terms);
  const [near, text] = await Promise.all([
    d.main.vectorSearch(vector).distanceType('dot').select(chunkColumns).nprobes(48).limit(28).toArray(),
    d.main
      .query()
      .fullTextSearch(termsOf(terms), { columns: 'terms' })
      .select(chunkColumns)
      .limit(28)
      .toArray(),
  ]);
  const hits = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({ id: String(row.id), reportId: String(row.reportId), score: 0 }));
  return fuseRanks([hits(near), hits(text)], [1, 2])
    .slice(0, k)
    .map((hit) => hit.id);
}

/** The path before row addresses: both searches read ids and report ids, the k kept are read by address. */
async function idsThenRead(d: District, question: string): Promise<string[]> {
  const terms = searchTerms(question);
  const vector = await d.store.embedQuery(terms);
  const lists = await Promise.all([d.store.vectorSearch(vector, {}, 20), d.store.textSearch(terms, {}, 20)]);
  const top = fuseRanks(lists, [1, 2]).slice(0, k);
  return (await d.store.chunks(top)).map((chunk) => chunk.id);
}

/** Hybrid search latency, step by step from 0.1's path to now, measured side by side. */
export async function hybridSearch(d: District): Promise<BenchRow[]> {
  const queries = d.questions.map((q) => q.question);
  const legacy = d.legacy?.path;
  const times = await sideBySide(
    {
      legacy: (q) => (legacy ? legacy.search(d.store, q, {}, k) : Promise.resolve([])),
      oneIndex: (q) => oneIndexAllColumns(d, q),
      ids: (q) => idsThenRead(d, q),
      now: (q) => search(d.store, q, { k }),
      vector: async (q) => d.store.vectorSearch(await d.store.embedQuery(searchTerms(q)), {}, 28),
      text: (q) => d.store.textSearch(searchTerms(q), {}, 28),
    },
    queries,
    d.options.rounds,
  );
  const before = legacy ? p50p95(times.legacy) : '37.5 / 94 ms (issue 15)';
  return [
    {
      measure: `hybrid search p50 / p95 at ${d.chunks.toLocaleString('en')} chunks`,
      before,
      now: p50p95(times.now),
    },
    { measure: '  step: one full-text index (2 searches, all columns)', before, now: p50p95(times.oneIndex) },
    { measure: '  step: + ids only, k chunks read after fusion', before, now: p50p95(times.ids) },
    { measure: '  step: + row addresses only (= now)', before, now: p50p95(times.now) },
    { measure: '  vector search alone (ids)', before: '14 ms p50 (issue 15)', now: p50p95(times.vector) },
    { measure: '  full-text search alone (ids)', before: '—', now: p50p95(times.text) },
  ];
}

/** Search filtered by office and year (a district's usual question): IVF probing vs 0.1's flat scan. */
export async function filteredSearch(d: District): Promise<BenchRow[]> {
  const filterOf = (i: number): ChunkFilter & { org: string } => ({
    org: districtOffices[i % d.options.offices],
    year: d.firstYear + (i % d.options.years),
  });
  const queries = d.questions.map((q) => q.question);
  const now = await sideBySide(
    { now: (q) => search(d.store, q, { k, ...filterOf(queries.indexOf(q)) }) },
    queries,
    d.options.rounds,
  );
  let before = '—';
  if (d.legacy) {
    // 0.1 scanned every vector for a filtered search: seconds a query at 100k, so five queries only.
    const few = queries.slice(0, 5);
    const legacy = await sideBySide(
      { legacy: (q) => d.legacy!.path.search(d.store, q, filterOf(queries.indexOf(q)), k) },
      few,
      1,
    );
    before = `${p50p95(legacy.legacy)} (5 queries)`;
  }
  const where = filterToWhere(filterOf(0));
  return [
    {
      measure: 'hybrid search filtered by office and year',
      before,
      now: p50p95(now.now),
      note: `e.g. ${where}`,
    },
  ];
}

/** One more report into the full store: rows left to the scan vs 0.1's two index rebuilds. */
export async function incrementalIngest(d: District): Promise<BenchRow[]> {
  const year = d.firstYear + d.options.years;
  const large = districtReport(0, year, d.options.paragraphs);
  const [outcome, now, nowCpu] = await timed(() => d.store.ingestReport(large));
  const before = d.legacy ? await d.legacy.path.addAndRebuild(large) : null;
  // A report of a usual length (~120 chunks; the district's are long to reach 100k with 200 reports).
  const [usual, usualSeconds, usualCpu] = await timed(() =>
    d.store.ingestReport(districtReport(1, year, 20)),
  );
  const status = await d.store.indexStatus();
  const queries = d.questions.map((q) => q.question);
  const tail = await sideBySide({ now: (q) => search(d.store, q, { k }) }, queries, d.options.rounds);
  return [
    {
      measure: `one-report incremental ingest (${outcome.chunks} chunks)`,
      before: before === null ? '5.9 s (issue 15)' : `${seconds(before)} (add + 2 full-text rebuilds)`,
      now: `${seconds(now)} (CPU ${seconds(nowCpu)}), its rows left to the scan`,
    },
    {
      measure: `one-report incremental ingest (${usual.chunks} chunks)`,
      before: '—',
      now: `${seconds(usualSeconds)} (CPU ${seconds(usualCpu)})`,
    },
    {
      measure: `  hybrid search with ${status.unindexedRows} rows unindexed`,
      before: '—',
      now: p50p95(tail.now),
    },
  ];
}

/** The retrieval eval's seed report added incrementally: gold ranks before and after a full rebuild. */
export async function incrementalAgreement(d: District): Promise<BenchRow[]> {
  const name = '甘泉路街道2016年工作总结.txt';
  const seed = await parseReportFile(readFileSync(join(corpusDir, 'reports', name)), { fileName: name });
  await d.store.ingestReport(seed);
  const unindexed = (await d.store.indexStatus()).unindexedRows;
  const ranks = async () => {
    const out: number[] = [];
    for (const q of d.questions) {
      const hits = await search(d.store, q.question, { k: 10, org: seed.org ?? undefined });
      out.push(hits.findIndex((h) => h.text.includes(q.gold)) + 1);
    }
    return out;
  };
  const tail = await ranks();
  const [, rebuild] = await timed(() => d.store.refreshIndexes());
  const rebuilt = await ranks();
  const same = tail.filter((r, i) => r === rebuilt[i]).length;
  const recall3 = (list: number[]) => (list.filter((r) => r >= 1 && r <= 3).length / list.length).toFixed(3);
  const mrr = (list: number[]) => (list.reduce((s, r) => s + (r ? 1 / r : 0), 0) / list.length).toFixed(3);
  return [
    {
      measure: `retrieval eval on the seed added incrementally (${unindexed} rows unindexed)`,
      before: `rebuilt: recall@3 ${recall3(rebuilt)}, MRR ${mrr(rebuilt)}`,
      now: `unindexed: recall@3 ${recall3(tail)}, MRR ${mrr(tail)}; same rank ${same}/${tail.length}`,
      note: `filtered to the seed's office; p50 rank ${percentile(rebuilt.filter(Boolean), 50)}`,
    },
    {
      measure: 'full-text rebuild from scratch (every ~1 000 new rows)',
      before: '—',
      now: seconds(rebuild),
    },
  ];
}
