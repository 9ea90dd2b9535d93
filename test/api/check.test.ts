import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';
import type { ReviewAnswer } from '../../server/review/index.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';
import { anchoredComments } from '../support/docx-review.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
const ledgerFile = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(join(corpusDir, 'ledgers', name)).toString('base64'),
});

describe('/api/check over HTTP', () => {
  let server: TestServer;
  const check = (body: unknown) =>
    server.api('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('supports every figure of the seed against its own ledger sent with the request', async () => {
    const res = await check({ text: seed, ledger: ledgerFile('ganquan-2016.csv') });
    expect(res.status).toBe(200);
    const body = await jsonOf<CheckResult & { year: number }>(res);
    expect(body.year).toBe(2016);
    expect(body.summary).toEqual({ supported: 50, contradicted: 0, unverified: 0 });
    // Nothing was stored yet: the check read the file and never created (or loaded) the store.
    expect(existsSync(join(server.dataDir, 'lancedb'))).toBe(false);
  });

  it('finds a changed figure, with the expected value and the ledger row', async () => {
    const changed = seed.replace('违法建筑154处', '违法建筑164处');
    const body = await jsonOf<CheckResult>(
      await check({ text: changed, ledger: ledgerFile('ganquan-2016.csv') }),
    );
    const claim = body.claims.find((c) => c.text === '164处');
    expect(claim).toMatchObject({ verdict: 'contradicted', expected: 154, metric: '拆除违法建筑处数' });
    expect(claim?.source).toContain('ganquan-2016.csv');
    expect(changed.slice(claim?.start, claim?.end)).toBe('164处');
    expect(body.summary.contradicted).toBe(1);
  });

  it('uses the stored ledger when none is sent', async () => {
    await server.api('/api/ledger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ledgerFile('ganquan-2016.csv')),
    });
    const body = await jsonOf<CheckResult>(await check({ text: '全年共计拆除违法建筑150处。', year: 2016 }));
    expect(body.claims[0]).toMatchObject({ verdict: 'contradicted', expected: 154 });
  });

  it('lists the 〖上年表述〗 sentences a draft left, its figures checked as usual', async () => {
    const text = '\u3016上年表述\uFF1A2016年是开局之年,全年拆除违法建筑154处\u3017。加强基层队伍建设。';
    const body = await jsonOf<CheckResult & { yearBound: { start: number; end: number; text: string }[] }>(
      await check({ text, year: 2016, ledger: ledgerFile('ganquan-2016.csv') }),
    );
    const end = text.indexOf('\u3017') + 1;
    expect(body.yearBound).toEqual([{ start: 0, end, text: text.slice(0, end) }]);
    expect(body.claims).toEqual([expect.objectContaining({ text: '154处', verdict: 'supported' })]);
  });

  it('lists the 〖沿用上年·待更新〗 sentences apart from the 〖上年表述〗 ones', async () => {
    const carried = '\u3016沿用上年\u00B7待更新\uFF1A完成甘泉快捷照护站建设项目\u3017';
    const text = `加强基层队伍建设。${carried}。`;
    const body = await jsonOf<
      CheckResult & { yearBound: unknown[]; carriedOver: { start: number; text: string }[] }
    >(await check({ text, year: 2016, ledger: ledgerFile('ganquan-2016.csv') }));
    expect(body.yearBound).toEqual([]);
    expect(body.carriedOver).toEqual([{ start: 9, end: 9 + carried.length, text: carried }]);
  });

  it('reads the stored ledger for the years a ledger file does not hold', async () => {
    const body = await jsonOf<CheckResult>(
      await check({
        text: '全年共计拆除违法建筑150处。',
        year: 2016,
        ledger: {
          fileName: 'only-2017.csv',
          contentBase64: Buffer.from('年度,指标名称,数值,计量单位\n2017,拆除违法建筑处数,99,处\n').toString(
            'base64',
          ),
        },
      }),
    );
    expect(body.claims[0]).toMatchObject({ verdict: 'contradicted', expected: 154 });
    expect(body.claims[0].source).toContain('ganquan-2016.csv');
  });

  it('answers a text without figures with no claims', async () => {
    const body = await jsonOf<CheckResult>(await check({ text: '加强基层队伍建设。' }));
    expect(body.claims).toEqual([]);
  });

  it.each([
    ['an empty text', { text: '  ' }, 400, 'empty_input'],
    ['neither text nor file', { year: 2016 }, 400, 'validation_failed'],
    [
      'a ledger that is not a ledger',
      { text: '拆除违法建筑154处。', ledger: { fileName: 'x.csv', contentBase64: 'YSxiCjEsMgo=' } },
      422,
      'bad_ledger',
    ],
  ])('refuses %s', async (_name, body, status, code) => {
    const res = await check(body);
    expect(res.status).toBe(status);
    expect((await jsonOf(res)).error.code).toBe(code);
  });

  it('answers the annotated .docx, the findings table and what changed since the last check', async () => {
    const once = seed.replace('违法建筑154处', '违法建筑164处').replace('4720人次', '4270人次');
    const first = await jsonOf<ReviewAnswer>(
      await check({ text: once, ledger: ledgerFile('ganquan-2016.csv'), annotate: true, table: 'csv' }),
    );
    // An earlier test checked the seed with 164处: this is a later version of the same document.
    expect(first.changes?.summary).toEqual({ fixed: 0, open: 1, new: 1 });
    expect(first.annotated?.fileName).toBe('甘泉路街道2016年工作总结.核查.docx');
    expect(first.annotated?.comments).toBe(2);
    const docx = new Uint8Array(Buffer.from(first.annotated?.contentBase64 ?? '', 'base64'));
    expect(anchoredComments(docx).map((c) => c.anchored)).toEqual(['4270人次', '164处']);
    const table = Buffer.from(first.table?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(table.startsWith('\uFEFF位置,')).toBe(true);
    const again = await jsonOf<ReviewAnswer>(
      await check({ text: once.replace('4270人次', '4720人次'), ledger: ledgerFile('ganquan-2016.csv') }),
    );
    expect(again.changes?.summary).toEqual({ fixed: 1, open: 1, new: 0 });
    expect(again.annotated).toBeNull();
    expect(again.remembered).toBe(true);
  });
});
