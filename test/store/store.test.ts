import { join } from 'node:path';
import { connect } from '@lancedb/lancedb';
import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { createLexicalEmbedder } from '../../server/store/embed-lexical.ts';
import { termsOf } from '../../server/store/fts.ts';
import { openStore } from '../../server/store/lance-open.ts';
import type { BulkStore } from '../../server/store/store.ts';
import { buildReport } from '../support/report-builder.ts';
import { tempStores } from '../support/temp-stores.ts';

const temp = tempStores('govdraft-store-');

const open = (dataDir = temp.dir(), dimensions = 256): Promise<BulkStore> =>
  temp.open(dataDir, { dimensions });

const ganquan2016 = buildReport({
  title: '甘泉路街道2016年工作总结',
  org: '甘泉路街道',
  year: 2016,
  fileName: 'ganquan-2016.txt',
  preamble: ['过去的一年,街道办事处加快推进宜居幸福甘泉建设。'],
  parts: [
    { title: '注重保障民生,公共服务能级提升', paragraphs: ['丰富为老服务内涵。全年服务3400余次。'] },
    {
      title: '补齐发展短板,公共管理走向精细',
      paragraphs: ['“五违四必”[1]整治圆满完成。全年共计拆除违法建筑154处。'],
    },
  ],
  closing: ['一是机构运行提能增效需要进一步加强。'],
  footnotes: ['“五违”指违法用地、违法建筑。'],
});

const record = (year: number, metric: string, value: number, row = 2): LedgerRecord => ({
  year,
  metric,
  value,
  unit: '处',
  note: '',
  source: { file: 'ledger.csv', row },
});

/** Raw row count of a LanceDB table, bypassing the store (to see orphans and duplicates). */
async function rawRows(dataDir: string, table: string): Promise<{ id: string; reportId: string }[]> {
  const db = await connect(join(dataDir, 'lancedb'));
  const rows = await (await db.openTable(table))
    .query()
    .select(table === 'chunks' ? ['id', 'reportId'] : ['id'])
    .toArray();
  db.close();
  return rows;
}

describe('reports stored before outer sections and plan years were read', () => {
  it('read back with no sections, no plan year and review parts', async () => {
    const store = await open();
    const { sections: _sections, planYear: _planYear, ...rest } = ganquan2016;
    const old = { ...rest, parts: ganquan2016.parts.map(({ kind: _kind, section: _section, ...p }) => p) };
    await store.ingestReport(old as unknown as typeof ganquan2016);
    const back = await store.getReport(ganquan2016.id);
    expect(back).toEqual(ganquan2016);
    expect(back?.parts.map((p) => [p.kind, p.section])).toEqual([
      ['review', null],
      ['review', null],
    ]);
  });
});

describe('ingest', () => {
  it('adds a report with its chunks and shows it back whole', async () => {
    const store = await open();
    const outcome = await store.ingestReport(ganquan2016);
    expect(outcome).toEqual({
      status: 'added',
      reportId: ganquan2016.id,
      replacedIds: [],
      replaced: [],
      chunks: 6,
    });
    expect(await store.getReport(ganquan2016.id)).toEqual(ganquan2016);
    expect(await store.listReports()).toEqual([
      expect.objectContaining({
        id: ganquan2016.id,
        title: '甘泉路街道2016年工作总结',
        org: '甘泉路街道',
        year: 2016,
        fileName: 'ganquan-2016.txt',
        parts: 2,
        paragraphs: 4,
        chunks: 6,
      }),
    ]);
    expect(await store.counts()).toEqual({ reports: 1, chunks: 6, ledgerRecords: 0, years: [2016] });
    expect(store.info()).toMatchObject({ embedderId: 'lexical-v1:256', storedEmbedderId: 'lexical-v1:256' });
  });

  it('is idempotent: the same report twice adds nothing', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    await store.ingestReport(ganquan2016);
    const again = await store.ingestReport(ganquan2016);
    expect(again).toEqual({
      status: 'unchanged',
      reportId: ganquan2016.id,
      replacedIds: [],
      replaced: [],
      chunks: 6,
    });
    expect(await rawRows(dataDir, 'reports')).toHaveLength(1);
    expect(await rawRows(dataDir, 'chunks')).toHaveLength(6);
  });

  it.each([
    { name: 'the same file name', change: { title: '甘泉路街道2016年工作总结(修订)' } },
    { name: 'another file name', change: { fileName: 'renamed.txt' } },
  ])('replaces an earlier version of the same office and year, with $name', async ({ change }) => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    await store.ingestReport(ganquan2016);
    const revised = buildReport({
      title: '甘泉路街道2016年工作总结',
      org: '甘泉路街道',
      year: 2016,
      fileName: 'ganquan-2016.txt',
      ...change,
      parts: [{ title: '注重保障民生', paragraphs: ['全年服务3500余次。'] }],
    });
    const outcome = await store.ingestReport(revised);
    expect(outcome).toEqual({
      status: 'replaced',
      reportId: revised.id,
      replacedIds: [ganquan2016.id],
      replaced: [
        {
          id: ganquan2016.id,
          title: '甘泉路街道2016年工作总结',
          org: '甘泉路街道',
          year: 2016,
          fileName: 'ganquan-2016.txt',
        },
      ],
      chunks: 2,
    });
    expect(await store.getReport(ganquan2016.id)).toBeNull();
    expect((await store.listReports()).map((r) => r.id)).toEqual([revised.id]);
    expect(new Set((await rawRows(dataDir, 'chunks')).map((r) => r.reportId))).toEqual(new Set([revised.id]));
  });

  it('keeps reports of other offices and years side by side', async () => {
    const store = await open();
    await store.ingestReport(ganquan2016);
    const other = buildReport({
      title: '宜川路街道2017年工作总结',
      org: '宜川路街道',
      year: 2017,
      parts: [],
    });
    expect((await store.ingestReport(other)).status).toBe('added');
    expect(await store.counts()).toMatchObject({ reports: 2, years: [2016, 2017] });
    expect((await store.listReports()).map((r) => r.year)).toEqual([2017, 2016]);
  });

  it("keeps two offices' reports with the same file name: a file name never replaces anything", async () => {
    const store = await open();
    await store.ingestReport(ganquan2016);
    const other = buildReport({
      title: '长风街道2016年工作总结',
      org: '长风街道',
      year: 2016,
      fileName: 'ganquan-2016.txt',
      parts: [{ title: '注重保障民生', paragraphs: ['全年服务2100余次。'] }],
    });
    expect((await store.ingestReport(other)).status).toBe('added');
    expect((await store.listReports()).map((r) => r.org).sort()).toEqual(['甘泉路街道', '长风街道']);
  });

  it('replaces the report named explicitly, and refuses an unknown id without writing', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    await store.ingestReport(ganquan2016);
    const renamed = buildReport({
      title: '甘泉路街道办事处二〇一六年工作总结',
      org: '甘泉路街道办事处',
      year: 2016,
      parts: [{ title: '注重保障民生', paragraphs: ['全年服务3500余次。'] }],
    });
    const refused = await store
      .ingestReport(renamed, { replace: ['0123456789abcdef'] })
      .catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe('not_found');
    expect((await store.listReports()).map((r) => r.id)).toEqual([ganquan2016.id]);
    expect(await rawRows(dataDir, 'chunks')).toHaveLength(6);
    const outcome = await store.ingestReport(renamed, { replace: [ganquan2016.id] });
    expect(outcome).toMatchObject({ status: 'replaced', replacedIds: [ganquan2016.id] });
    expect((await store.listReports()).map((r) => r.id)).toEqual([renamed.id]);
  });

  it('ingests many reports in one call with one index rebuild', async () => {
    const store = await open();
    const other = buildReport({
      title: '宜川路街道2017年工作总结',
      org: '宜川路街道',
      year: 2017,
      parts: [],
    });
    const outcomes = await store.ingestReports([ganquan2016, other, ganquan2016]);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'unchanged']);
    expect((await store.textSearch('违法建筑', {}, 5)).map((m) => m.reportId)).toContain(ganquan2016.id);
    expect(await store.indexStatus()).toMatchObject({ chunks: 7, unindexedRows: 0, builds: 1 });
  });
});

describe('maintenance', () => {
  it('compacts the tables grown by many small ingests and keeps small-limit full-text search right', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    const reports = Array.from({ length: 40 }, (_, i) =>
      buildReport({
        title: `第${i}片区2016年工作总结`,
        org: `第${i}片区`,
        year: 2016,
        parts: [
          {
            title: '民生',
            paragraphs: [`完成项目Q${i}X小区加装电梯。`, `社区食堂服务老人${i}万人次。`],
          },
        ],
      }),
    );
    for (const report of reports) await store.ingestReport(report);
    const db = await connect(join(dataDir, 'lancedb'));
    const stats = await (await db.openTable('chunks')).stats();
    db.close();
    expect(stats.numRows).toBe(40 * 3);
    expect(stats.fragmentStats.numFragments).toBeLessThan(40);
    for (const i of [3, 17, 38]) {
      const hits = await store.textSearch(`Q${i}X小区加装电梯`, {}, 2);
      expect(hits[0].reportId).toBe(reports[i].id);
    }
    expect((await store.counts()).reports).toBe(40);
  });
});

describe('vector index', () => {
  it('switches from a flat scan to an IVF index past the threshold and still finds the right chunks', async () => {
    const dataDir = temp.dir();
    const store = await openStore({ dataDir, embedder: createLexicalEmbedder(256), vectorIndexMinRows: 60 });
    temp.keep(store);
    const reports = Array.from({ length: 30 }, (_, i) =>
      buildReport({
        title: `第${i}片区2016年工作总结`,
        org: `第${i}片区`,
        year: 2016 + (i % 2),
        parts: [
          { title: '民生', paragraphs: [`完成项目Q${i}X小区加装电梯。`, `社区食堂服务老人${i}万人次。`] },
        ],
      }),
    );
    await store.ingestReports(reports.slice(0, 15));
    const indexNames = async () => {
      const db = await connect(join(dataDir, 'lancedb'));
      const names = (await (await db.openTable('chunks')).listIndices()).map((index) => index.name);
      db.close();
      return names;
    };
    expect((await indexNames()).some((name) => name.startsWith('vector_ivf_p'))).toBe(false);
    await store.ingestReports(reports.slice(15));
    expect(await indexNames()).toContain('vector_ivf_p9');

    const near = await store.vectorSearch(await store.embedQuery('完成项目Q21X小区加装电梯'), {}, 3);
    expect(near[0].reportId).toBe(reports[21].id);
    const filtered = await store.vectorSearch(
      await store.embedQuery('完成项目Q21X小区加装电梯'),
      { year: 2016 },
      3,
    );
    expect(filtered).toHaveLength(3);
    expect((await store.chunks(filtered.map((m) => m.id))).every((c) => c.year === 2016)).toBe(true);
  });
});

describe('delete', () => {
  it('removes the report and its chunks; an unknown id is false', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    await store.ingestReport(ganquan2016);
    expect(await store.deleteReport('no-such-id')).toBe(false);
    expect(await store.deleteReport(ganquan2016.id)).toBe(true);
    expect(await store.getReport(ganquan2016.id)).toBeNull();
    expect(await store.counts()).toEqual({ reports: 0, chunks: 0, ledgerRecords: 0, years: [] });
    expect(await rawRows(dataDir, 'chunks')).toHaveLength(0);
    expect(await store.textSearch('违法建筑', {}, 5)).toEqual([]);
  });
});

describe('embeddings', () => {
  it('refuses to search or ingest with another embedder until reindexed', async () => {
    const dataDir = temp.dir();
    const first = await open(dataDir, 256);
    await first.ingestReport(ganquan2016);
    await first.close();
    temp.release(first);

    const second = await open(dataDir, 512);
    expect(second.info()).toEqual({
      dataDir,
      embedderId: 'lexical-v1:512',
      storedEmbedderId: 'lexical-v1:256',
    });
    for (const attempt of [
      () => second.embedQuery('违法建筑'),
      () => second.vectorSearch(new Array(512).fill(0.1), {}, 3),
      () => second.ingestReport(buildReport({ title: '另一份总结', org: '宜川路街道', year: 2017 })),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(GovdraftError.isInstance(error)).toBe(true);
      expect((error as GovdraftError).code).toBe('embedding_mismatch');
      expect((error as GovdraftError).messageZh).toContain('govdraft reindex');
    }

    expect(await second.reindex()).toEqual({ chunks: 6 });
    expect(second.info().storedEmbedderId).toBe('lexical-v1:512');
    const vector = await second.embedQuery('全年共计拆除违法建筑154处');
    expect(vector).toHaveLength(512);
    const [near] = await second.vectorSearch(vector, {}, 1);
    const [match] = await second.textSearch('拆除违法建筑', {}, 1);
    expect((await second.chunks([near.id, match.id])).map((c) => c.text)).toEqual([
      expect.stringContaining('拆除违法建筑154处'),
      expect.stringContaining('154处'),
    ]);
  });

  it('lets a new embedder take over a store whose reports were all deleted', async () => {
    const dataDir = temp.dir();
    const first = await open(dataDir, 256);
    await first.ingestReport(ganquan2016);
    await first.deleteReport(ganquan2016.id);
    const second = await open(dataDir, 128);
    expect(await second.vectorSearch(await second.embedQuery('违法建筑'), {}, 3)).toEqual([]);
    expect((await second.ingestReport(ganquan2016)).status).toBe('added');
    expect(second.info().storedEmbedderId).toBe('lexical-v1:128');
  });
});

describe('crash safety', () => {
  it('ignores chunks whose report row was never written, and cleans them at the next write', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    await store.ingestReport(ganquan2016);
    // What a killed ingest leaves: chunk rows of a report whose reports row (the commit) never came.
    const db = await connect(join(dataDir, 'lancedb'));
    const chunks = await db.openTable('chunks');
    const [row] = await chunks.query().limit(1).toArray();
    await chunks.add([
      {
        ...row,
        vector: Array.from(row.vector),
        id: 'crashed:0:0',
        reportId: 'crashed',
        text: '拆除违法建筑9999处',
        terms: termsOf('拆除违法建筑9999处'),
      },
    ]);
    db.close();

    expect(await rawRows(dataDir, 'chunks')).toHaveLength(7);
    const hits = await store.textSearch('拆除违法建筑', {}, 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.reportId)).not.toContain('crashed');
    const near = await store.vectorSearch(await store.embedQuery('拆除违法建筑9999处'), {}, 10);
    expect(near.map((h) => h.reportId)).not.toContain('crashed');
    expect(await store.counts()).toMatchObject({ reports: 1, chunks: 6 });

    await store.importLedger([]);
    await store.ingestReport(
      buildReport({ title: '宜川路街道2017年工作总结', org: '宜川路街道', year: 2017 }),
    );
    expect((await rawRows(dataDir, 'chunks')).map((r) => r.reportId)).not.toContain('crashed');
  });
});

describe('ledger', () => {
  it('imports, replaces by year and metric, and queries', async () => {
    const store = await open();
    expect(await store.queryLedger({})).toEqual([]);
    expect(
      await store.importLedger([
        record(2016, '拆除违法建筑处数', 154, 2),
        record(2016, '帮困救助人次', 4720, 3),
      ]),
    ).toEqual({ added: 2, replaced: 0 });
    expect(
      await store.importLedger([
        record(2016, '拆除违法建筑处数', 155, 2),
        record(2017, '拆除违法建筑处数', 160, 2),
      ]),
    ).toEqual({ added: 1, replaced: 1 });
    expect(await store.counts()).toMatchObject({ ledgerRecords: 3, years: [2016, 2017] });
    expect((await store.queryLedger({ year: 2016 })).map((r) => [r.metric, r.value])).toEqual([
      ['拆除违法建筑处数', 155],
      ['帮困救助人次', 4720],
    ]);
    expect((await store.queryLedger({ q: '违法建筑' })).map((r) => r.year)).toEqual([2016, 2017]);
    expect(await store.queryLedger({ year: 2017, q: '救助' })).toEqual([]);
    expect((await store.queryLedger({ year: 2017 }))[0]).toEqual(record(2017, '拆除违法建筑处数', 160, 2));
  });

  it('keeps the last of duplicate records in one import', async () => {
    const store = await open();
    expect(
      await store.importLedger([record(2016, '失业控制数', 2000), record(2016, '失业控制数', 2285)]),
    ).toEqual({
      added: 1,
      replaced: 0,
    });
    expect((await store.queryLedger({ year: 2016 }))[0].value).toBe(2285);
  });
});

describe('writer', () => {
  it('serialises parallel writes in one process without duplicating rows', async () => {
    const dataDir = temp.dir();
    const store = await open(dataDir);
    const reports = Array.from({ length: 4 }, (_, i) =>
      buildReport({
        title: `第${i}份总结`,
        org: `街道${i}`,
        year: 2016,
        parts: [{ title: '民生', paragraphs: [`服务${i}次。`] }],
      }),
    );
    const outcomes = await Promise.all([...reports, ...reports].map((r) => store.ingestReport(r)));
    expect(outcomes.filter((o) => o.status === 'added')).toHaveLength(4);
    const ids = (await rawRows(dataDir, 'chunks')).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await rawRows(dataDir, 'reports')).toHaveLength(4);
  });
});
