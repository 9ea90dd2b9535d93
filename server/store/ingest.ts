/**
 * Writing reports into the store. Chunk rows are buffered across reports and written a few thousand at
 * a time (each write is a LanceDB fragment, and every fragment slows scans a little); a report's row
 * in `reports` is its commit and is written only after all of its chunks, so a killed ingest leaves
 * orphan chunks (never shown, cleaned at the next write), never a partial report.
 */
import type { Table } from '@lancedb/lancedb';
import { GovdraftError } from '../errors.ts';
import type { Report } from '../report/index.ts';
import { chunkReport } from './chunk.ts';
import { sqlList } from './filter.ts';
import { termsOf } from './fts.ts';
import { chunkRow, reportRow } from './tables.ts';
import type { Chunk, Embedder, IngestOutcome, ReplacedReport } from './types.ts';
import { unitVector } from './vector.ts';
import { type StoredReportKey, supersededBy } from './versions.ts';

type Row = Record<string, unknown>;

/** Embedding batches: small enough for any OpenAI-compatible server's request limits. */
const embedBatch = 256;

/** What an ingest writes to, provided by the store inside its writer. */
export interface IngestTarget {
  embedder: Embedder;
  reports: Table;
  /** The chunks table, or null before the first rows create it. */
  chunks: Table | null;
  createChunks(rows: Row[]): Promise<Table>;
  /** Chunk rows buffered before a write (default 4 096). */
  writeBatchRows: number;
  /** Called after each report is embedded and buffered (or found unchanged). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The chunks rows of `chunks`, embedded a batch at a time, so memory stays flat for a very long report.
 */
export async function* embeddedRows(embedder: Embedder, chunks: Chunk[]): AsyncGenerator<Row[]> {
  for (let i = 0; i < chunks.length; i += embedBatch) {
    const batch = chunks.slice(i, i + embedBatch);
    const vectors = await embedder.embed(batch.map((chunk) => chunk.text));
    if (vectors.length !== batch.length) {
      throw new GovdraftError(
        'model_failed',
        '向量模型返回的结果数量与请求不符',
        `Embedder ${embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`,
      );
    }
    yield batch.map((chunk, j) => chunkRow(chunk, termsOf(chunk.text), unitVector(vectors[j])));
    // Let timers run (the write lock's refresh among them) between batches of CPU-bound work.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Identity columns of every stored report (not the JSON), for the replacement decisions of an ingest. */
export async function storedKeys(reports: Table): Promise<StoredReportKey[]> {
  const rows = await reports.query().select(['id', 'fileName', 'title', 'org', 'year', 'chunks']).toArray();
  return rows.map((row: Row) => ({
    id: String(row.id),
    fileName: row.fileName === null ? null : String(row.fileName),
    title: String(row.title),
    org: row.org === null ? null : String(row.org),
    year: row.year === null ? null : Number(row.year),
    chunks: Number(row.chunks),
  }));
}

interface Commit {
  row: Row;
  replaced: string[];
}

/** Buffered chunk rows and the report commits that wait for them. */
class PendingWrites {
  private rows: Row[] = [];
  private commits: Commit[] = [];

  constructor(private readonly target: IngestTarget) {}

  async addRows(rows: Row[]): Promise<void> {
    this.rows.push(...rows);
    if (this.rows.length >= this.target.writeBatchRows) await this.writeRows();
  }

  /** Queues a report's commit; one that replaces others is written at once, in order. */
  async commit(commit: Commit): Promise<void> {
    this.commits.push(commit);
    if (commit.replaced.length > 0) await this.flush();
  }

  private async writeRows(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    if (this.target.chunks) await this.target.chunks.add(rows);
    else this.target.chunks = await this.target.createChunks(rows);
  }

  /** Writes the buffered chunks, then the commits of the reports they complete. */
  async flush(): Promise<void> {
    await this.writeRows();
    const plain = this.commits.filter((c) => c.replaced.length === 0).map((c) => c.row);
    const replacing = this.commits.filter((c) => c.replaced.length > 0);
    this.commits = [];
    if (plain.length > 0) await this.target.reports.add(plain);
    for (const { row, replaced } of replacing) {
      // One commit swaps the old reports rows for the new one.
      await this.target.reports
        .mergeInsert('id')
        .whenNotMatchedInsertAll()
        .whenNotMatchedBySourceDelete({ where: `\`id\` IN ${sqlList(replaced)}` })
        .execute([row]);
      await this.target.chunks?.delete(`\`reportId\` IN ${sqlList(replaced)}`);
    }
  }
}

/** The stored key of a report, as `storedKeys` reads it back. */
function keyOf(report: Report, chunks: number): StoredReportKey {
  const { id, title, org, year } = report;
  return { id, fileName: report.source.fileName, title, org, year, chunks };
}

/** A replaced report as people know it. */
function replacedReport({ id, title, org, year, fileName }: StoredReportKey): ReplacedReport {
  return { id, title, org, year, fileName };
}

/**
 * Adds each report in order: unchanged when stored already, replacing earlier versions of the same
 * report or the ones named in `replace` (see `supersededBy`), added otherwise. Returns one outcome a report.
 */
export async function writeReports(
  target: IngestTarget,
  reports: Report[],
  storedBefore: StoredReportKey[],
  replace: readonly string[] = [],
): Promise<IngestOutcome[]> {
  let stored = storedBefore;
  const pending = new PendingWrites(target);
  const outcomes: IngestOutcome[] = [];
  for (const report of reports) {
    const existing = stored.find((key) => key.id === report.id);
    if (existing) {
      const unchanged = { replacedIds: [], replaced: [], chunks: existing.chunks };
      outcomes.push({ status: 'unchanged', reportId: report.id, ...unchanged });
    } else {
      const superseded = supersededBy(stored, report, replace);
      const replaced = superseded.map((key) => key.id);
      const pieces = chunkReport(report);
      for await (const rows of embeddedRows(target.embedder, pieces)) await pending.addRows(rows);
      await pending.commit({ row: reportRow(report, pieces.length, new Date()), replaced });
      stored = [...stored.filter((key) => !replaced.includes(key.id)), keyOf(report, pieces.length)];
      const status = replaced.length > 0 ? 'replaced' : 'added';
      outcomes.push({
        status,
        reportId: report.id,
        replacedIds: replaced,
        replaced: superseded.map(replacedReport),
        chunks: pieces.length,
      });
    }
    target.onProgress?.(outcomes.length, reports.length);
  }
  await pending.flush();
  return outcomes;
}

/**
 * Deletes chunks whose report was never committed (a killed ingest) or was deleted (a killed delete).
 * Reading every chunk's report id costs ~0.3 s at 100k chunks, so it runs only when the chunk count
 * disagrees with the reports' own counts.
 */
export async function cleanOrphans(chunks: Table, stored: StoredReportKey[]): Promise<number> {
  const expected = stored.reduce((sum, key) => sum + key.chunks, 0);
  if ((await chunks.countRows()) === expected) return 0;
  const committed = new Set(stored.map((key) => key.id));
  const rows = await chunks.query().select(['reportId']).toArray();
  const orphans = [...new Set(rows.map((row: Row) => String(row.reportId)))].filter(
    (id) => !committed.has(id),
  );
  if (orphans.length === 0) return 0;
  await chunks.delete(`\`reportId\` IN ${sqlList(orphans)}`);
  return orphans.length;
}
