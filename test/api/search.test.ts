import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

interface SearchBody {
  hits: { text: string; citation: { reportTitle: string; year: number; part: number; partTitle: string } }[];
}

describe('/api/search over HTTP', () => {
  let server: TestServer;
  const search = (body: unknown) =>
    server.api('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer();
    const text = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
    await server.api('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'seed.txt', text }),
    });
  });
  afterAll(() => server.close());

  it('finds the paragraph and cites report, year and part', async () => {
    const res = await search({ query: '拆除违法建筑多少处', k: 3, section: 'part' });
    expect(res.status).toBe(200);
    const { hits } = await jsonOf<SearchBody>(res);
    expect(hits[0].text).toContain('拆除违法建筑154处');
    expect(hits[0].citation).toMatchObject({ reportTitle: '甘泉路街道2016年工作总结', year: 2016, part: 2 });
  });

  it('applies the year filter', async () => {
    const { hits } = await jsonOf<SearchBody>(await search({ query: '违法建筑', year: 2015 }));
    expect(hits).toEqual([]);
  });

  it.each([
    ['an empty query', { query: '  ' }],
    ['a missing query', { k: 3 }],
    ['k out of range', { query: '违法', k: 1000 }],
    ['a year that is not a number', { query: '违法', year: '二〇一六' }],
  ])('refuses %s with 400', async (_name, body) => {
    const res = await search(body);
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error.code).toBe('validation_failed');
  });
});
