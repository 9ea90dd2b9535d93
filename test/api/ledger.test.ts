import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

interface LedgerBody {
  records: { year: number; metric: string; value: number; unit: string }[];
}

describe('/api/ledger over HTTP', () => {
  let server: TestServer;
  const upload = (path: string) =>
    server.api('/api/ledger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fileName: path.split('/').pop(),
        contentBase64: readFileSync(path).toString('base64'),
      }),
    });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('imports the bundled 2016 ledger in base units', async () => {
    const res = await upload(join(corpusDir, 'ledgers', 'ganquan-2016.csv'));
    expect(res.status).toBe(201);
    expect(await jsonOf(res)).toMatchObject({ records: 50, added: 50, replaced: 0, years: [2016] });
    const { records } = await jsonOf<LedgerBody>(await server.api('/api/ledger?year=2016&q=帮困救助总金额'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ value: 1397600, unit: '元' });
  });

  it('replaces records of the same year and metric on re-import', async () => {
    const res = await upload(join(corpusDir, 'ledgers', 'ganquan-2016.csv'));
    expect(await jsonOf(res)).toMatchObject({ added: 0, replaced: 50 });
  });

  it('refuses a bad ledger whole, listing every bad row, and imports nothing', async () => {
    const before = (await jsonOf<LedgerBody>(await server.api('/api/ledger'))).records.length;
    const res = await upload(join(packageRoot, 'test/fixtures/ledger/bad-values.csv'));
    expect(res.status).toBe(422);
    const problem = await jsonOf(res);
    expect(problem.error.code).toBe('bad_ledger');
    expect(problem.error.details?.length).toBeGreaterThan(1);
    expect(problem.error.details?.every((d) => typeof d.row === 'number')).toBe(true);
    expect((await jsonOf<LedgerBody>(await server.api('/api/ledger'))).records.length).toBe(before);
  });

  it('imports a ledger with an implausible row and lists it as a warning', async () => {
    const res = await upload(join(packageRoot, 'test/fixtures/ledger/implausible.csv'));
    expect(res.status).toBe(201);
    const body = await jsonOf<{ warnings: { message_zh: string }[] }>(res);
    expect(body).toMatchObject({ records: 3, added: 3 });
    expect(body.warnings).toEqual([
      expect.objectContaining({ row: 3, year: 2023, metric: '完成美丽家园建设居民区数' }),
    ]);
    expect(body.warnings[0].message_zh).toContain('多于其总体“居民区数”45个');
  });

  it('refuses a year that is not a year', async () => {
    expect((await server.api('/api/ledger?year=abc')).status).toBe(400);
  });
});
