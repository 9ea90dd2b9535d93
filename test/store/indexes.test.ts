import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@lancedb/lancedb';
import { describe, expect, it } from 'vitest';
import { retrievalQuestions } from '../../evals/retrieval-questions.ts';
import { corpusDir } from '../../server/paths.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { search } from '../../server/retrieve/index.ts';
import type { BulkStore } from '../../server/store/store.ts';
import type { StoreOptions } from '../../server/store/store-options.ts';
import { syntheticReport } from '../support/synthetic-reports.ts';
import { tempStores } from '../support/temp-stores.ts';

const temp = tempStores('govdraft-indexes-');

async function open(options: Partial<StoreOptions> = {}): Promise<{ store: BulkStore; dataDir: string }> {
  const dataDir = temp.dir();
  return { store: await temp.open(dataDir, options), dataDir };
}

/** LanceDB's own account of the full-text index: rows covered and not, and its parts. */
async function ftsStats(dataDir: string) {
  const db = await connect(join(dataDir, 'lancedb'));
  const stats = await (await db.openTable('chunks')).indexStats('terms_idx');
  db.close();
  return stats;
}

const seedName = '甘泉路街道2016年工作总结.txt';
const seed = () =>
  parseReportFile(readFileSync(join(corpusDir, 'reports', seedName)), { fileName: seedName });

describe('bulk ingest', () => {
  it('builds the full-text index once, at the end, over every row', async () => {
    const { store, dataDir } = await open({ writeBatchRows: 64 });
    const reports = Array.from({ length: 12 }, (_, i) => syntheticReport(i + 1));
    const progress: number[] = [];
    const outcomes = await store.ingestReports(reports, { onProgress: (done) => progress.push(done) });
    expect(outcomes.every((o) => o.status === 'added')).toBe(true);
    expect(progress).toEqual(reports.map((_, i) => i + 1));
    const chunks = outcomes.reduce((sum, o) => sum + o.chunks, 0);
    expect(await store.indexStatus()).toEqual({
      chunks,
      unindexedRows: 0,
      vectorPartitions: null,
      builds: 1,
    });
    expect(await ftsStats(dataDir)).toMatchObject({
      numIndexedRows: chunks,
      numUnindexedRows: 0,
      numIndices: 1,
    });
  });

  it('defers the index to one refresh when asked, and finds the rows meanwhile', async () => {
    const { store } = await open();
    // The first write of an empty store builds the index: scanned rows need its term statistics.
    const [first] = await store.ingestReports([syntheticReport(1)], { index: 'defer' });
    await store.ingestReports([syntheticReport(2)], { index: 'defer' });
    const status = await store.indexStatus();
    expect(status.builds).toBe(1);
    expect(status.unindexedRows).toBe(status.chunks - first.chunks);
    const [hit] = await search(store, `${syntheticReport(2).org}工作总结`, { k: 1 });
    expect(hit.chunk.reportId).toBe(syntheticReport(2).id);
    expect(await store.refreshIndexes()).toEqual({ ...status, unindexedRows: 0, builds: 2 });
  });
});

describe('incremental ingest', () => {
  it('adds a report without rebuilding, and ranks its chunks as a rebuilt index does', async () => {
    const { store, dataDir } = await open();
    // ~1 600 chunks: the seed report's 24 stay under the 2% that may go unindexed.
    await store.ingestReports(Array.from({ length: 40 }, (_, i) => syntheticReport(i + 1, 6)));
    const report = await seed();
    expect((await store.ingestReport(report)).status).toBe('added');
    const tail = await store.indexStatus();
    expect(tail.builds).toBe(1);
    expect(tail.unindexedRows).toBe((await ftsStats(dataDir))?.numUnindexedRows);
    expect(tail.unindexedRows).toBeGreaterThan(0);

    const ranks = async () => {
      const out: number[] = [];
      for (const q of retrievalQuestions()) {
        const hits = await search(store, q.question, { k: 10 });
        out.push(hits.findIndex((h) => h.text.includes(q.gold)) + 1);
      }
      return out;
    };
    const beforeRebuild = await ranks();
    expect(await store.refreshIndexes()).toMatchObject({ unindexedRows: 0, builds: 2 });
    const rebuilt = await ranks();
    // The synthetic reports reuse the seed's sentences, so many golds sit below near-copies: what
    // matters is that the unindexed rows rank as the rebuilt index ranks them.
    const found = (list: number[]) => list.map((rank) => rank > 0);
    expect(found(beforeRebuild)).toEqual(found(rebuilt));
    expect(found(rebuilt).filter(Boolean).length).toBeGreaterThan(20);
    const same = beforeRebuild.filter((rank, i) => rank === rebuilt[i]).length;
    expect(same / rebuilt.length).toBeGreaterThanOrEqual(0.95);
  });

  it('rebuilds once the unindexed rows pass the limit', async () => {
    const { store } = await open({ index: { maxUnindexedRows: 30, maxUnindexedShare: 1 } });
    await store.ingestReport(syntheticReport(1));
    const second = await store.ingestReport(syntheticReport(2));
    expect(second.chunks).toBeLessThanOrEqual(30);
    expect(await store.indexStatus()).toMatchObject({ builds: 1, unindexedRows: second.chunks });
    await store.ingestReport(syntheticReport(3));
    expect(await store.indexStatus()).toMatchObject({ builds: 2, unindexedRows: 0 });
  });

  it("counts the IVF index's unindexed rows only when the full-text index is rebuilt, and then folds them in", async () => {
    const { store, dataDir } = await open({
      vectorIndexMinRows: 10,
      index: { maxUnindexedRows: 30, maxUnindexedShare: 1, maxUnindexedVectors: 1 },
    });
    const table = async () => (await connect(join(dataDir, 'lancedb'))).openTable('chunks');
    const vectorStats = async () => {
      const { vectorPartitions } = await store.indexStatus();
      return (await table()).indexStats(`vector_ivf_p${vectorPartitions}`);
    };
    await store.ingestReport(syntheticReport(1));
    expect((await store.indexStatus()).vectorPartitions).not.toBeNull();
    // Under the full-text limit: the vector index's count is not asked for, nothing is compacted.
    const second = await store.ingestReport(syntheticReport(2));
    expect(await vectorStats()).toMatchObject({ numUnindexedRows: second.chunks });
    expect(await store.indexStatus()).toMatchObject({ builds: 1 });
    // The full-text rebuild is due: the vector index's unindexed rows are over 1, so the table is compacted.
    await store.ingestReport(syntheticReport(3));
    expect(await store.indexStatus()).toMatchObject({ builds: 2, unindexedRows: 0 });
    expect(await vectorStats()).toMatchObject({ numUnindexedRows: 0 });
  });
});

describe('reading hits back', () => {
  it('reads the chunks of hits by address, and by id once a rewrite has moved the rows', async () => {
    const { store } = await open();
    await store.ingestReports([syntheticReport(1), syntheticReport(2)]);
    const hits = await store.textSearch('社区 服务', {}, 6);
    expect(hits.every((hit) => typeof hit.rowId === 'bigint')).toBe(true);
    const before = await store.chunks(hits);
    expect(before.map((c) => c.id)).toEqual(hits.map((h) => h.id));
    await store.reindex();
    expect(await store.chunks(hits)).toEqual(before);
    expect(await store.chunks(hits.map((h) => h.id))).toEqual(before);
  });
});
