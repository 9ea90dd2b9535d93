import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';
import { syntheticReport } from '../support/synthetic-reports.ts';

describe('/api/corpus/bundled over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('lists the bundled files, reports first, the 2017 materials after the ledgers', async () => {
    const { files } = await jsonOf<{ files: { kind: string; fileName: string; year?: number }[] }>(
      await server.api('/api/corpus/bundled'),
    );
    expect(files[0]).toEqual({ kind: 'report', fileName: '甘泉路街道2016年工作总结.txt' });
    expect(files.filter((f) => f.kind === 'ledger').map((f) => f.fileName)).toEqual([
      'ganquan-2016.csv',
      'ganquan-2017-sample.csv',
    ]);
    const materials = files.filter((f) => f.kind === 'material');
    expect(materials).toHaveLength(9);
    expect(materials).toContainEqual({
      kind: 'material',
      fileName: '社区服务办公室2017年工作总结.docx',
      year: 2017,
    });
    expect(files.slice(-9)).toEqual(materials);
  });

  it('ingests one file at a time, idempotently', async () => {
    const path = `/api/corpus/bundled/${encodeURIComponent('甘泉路街道2016年工作总结.txt')}`;
    const first = await jsonOf<{ outcome: { status: string } }>(await server.api(path, { method: 'POST' }));
    expect(first.outcome.status).toBe('added');
    const again = await jsonOf<{ outcome: { status: string } }>(await server.api(path, { method: 'POST' }));
    expect(again.outcome.status).toBe('unchanged');
    const ledger = await jsonOf<{ added: number }>(
      await server.api('/api/corpus/bundled/ganquan-2016.csv', { method: 'POST' }),
    );
    expect(ledger.added).toBe(50);
    const material = await jsonOf<{ status: string; department: string; year: number }>(
      await server.api(`/api/corpus/bundled/${encodeURIComponent('甘泉苑居委会2017年工作小结.txt')}`, {
        method: 'POST',
      }),
    );
    expect(material).toMatchObject({ status: 'added', department: '甘泉苑居委会', year: 2017 });
  });

  it('answers a file that is not bundled with 404', async () => {
    const res = await server.api('/api/corpus/bundled/..%2Fpackage.json', { method: 'POST' });
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error.code).toBe('not_found');
  });
});

describe('/api/corpus/indexes over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  interface Status {
    chunks: number;
    unindexedRows: number;
    vectorPartitions: number | null;
    builds: number;
  }
  const post = (n: number, index: string) =>
    server.api(`/api/reports?index=${index}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: `report-${n}.txt`, text: syntheticReport(n).text }),
    });

  it('leaves deferred ingests unindexed until one refresh, and says so', async () => {
    expect((await post(1, 'defer')).status).toBe(201);
    expect((await post(2, 'defer')).status).toBe(201);
    const before = await jsonOf<Status>(await server.api('/api/corpus/indexes'));
    expect(before.builds).toBe(1);
    expect(before.unindexedRows).toBeGreaterThan(0);
    const after = await jsonOf<Status>(await server.api('/api/corpus/indexes', { method: 'POST' }));
    expect(after).toEqual({ ...before, unindexedRows: 0, builds: 2 });
  });

  it('refuses an unknown index mode', async () => {
    const res = await post(3, 'later');
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.code).toBe('validation_failed');
  });
});
