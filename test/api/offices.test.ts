/**
 * Two offices in one store, with the same metric names and different values: check, drafting and chat
 * each use only the office's own ledger rows, and a cross-office question lists every office with its
 * own row (real server over HTTP, real LanceDB in a temp dir, no model).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAnswer } from '../../server/chat/index.ts';
import type { CheckedClaim } from '../../server/figures/index.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const ledgerCsv = [
  '街道,年度,指标名称,数值,计量单位',
  '殷行街道,2022,拆除违法建筑,120,处',
  '殷行街道,2023,拆除违法建筑,154,处',
  '殷行街道,2023,帮困救助人次,4720,人次',
  '五角场街道,2022,拆除违法建筑,30,处',
  '五角场街道,2023,拆除违法建筑,38,处',
  '五角场街道,2023,帮困救助人次,1280,人次',
].join('\n');

/** A 2022 report of an office: a title the parser reads the office and year from, two parts. */
const report2022 = (org: string, demolished: number, care: string) =>
  [
    `${org}2022年工作总结`,
    '',
    '2022年，街道在区委、区政府的领导下，完成了全年各项目标任务。现将主要工作总结如下。',
    '',
    '一、主要工作',
    '',
    '（一）补齐发展短板，城市管理走向精细',
    '',
    `“五违四必”整治圆满完成。全年拆除违法建筑${demolished}处，整治群租房。`,
    '',
    '（二）注重保障民生，公共服务能级提升',
    '',
    `丰富为老服务内涵。${care}`,
  ].join('\n');

interface Sse {
  event: string;
  data: Record<string, unknown>;
}

async function finalOf(res: Response): Promise<ChatAnswer> {
  const blocks = (await res.text()).split(/\n\n/).filter((b) => b.trim());
  const events: Sse[] = blocks.map((block) => ({
    event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
    data: JSON.parse(
      block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n'),
    ) as Record<string, unknown>,
  }));
  expect(events.at(-1)?.event).toBe('final');
  return events.at(-1)?.data as unknown as ChatAnswer;
}

interface CheckBody {
  claims: CheckedClaim[];
  office: { name: string | null; notice: { message_zh: string } | null };
}

describe('offices as a dimension of one store', () => {
  let server: TestServer;
  const post = (path: string, body: unknown) =>
    server.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ask = async (question: string) =>
    finalOf(await post('/api/chat', { messages: [{ role: 'user', content: question }] }));
  const check = async (body: Record<string, unknown>) => {
    const res = await post('/api/check', { year: 2023, ...body });
    expect(res.status).toBe(200);
    return jsonOf<CheckBody>(res);
  };
  const claimOf = (body: CheckBody, text: string) => body.claims.find((c) => c.text === text);

  beforeAll(async () => {
    server = await startTestServer();
    const imported = await post('/api/ledger', { fileName: 'district-2023.csv', text: ledgerCsv });
    expect(imported.status).toBe(201);
    expect(await jsonOf(imported)).toMatchObject({ records: 6, offices: ['殷行街道', '五角场街道'] });
    for (const [org, n, care] of [
      ['殷行街道', 120, '新建长者照护之家1家，开展老年助餐服务，建成社区睦邻中心。'],
      ['五角场街道', 30, '开设老年学校分校，组织独居老人结对关爱。'],
    ] as const) {
      const res = await post('/api/reports', { fileName: `${org}-2022.txt`, text: report2022(org, n, care) });
      expect(res.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => server.close());

  it('filters the stored ledger by office, by its short or full name', async () => {
    const rows = async (query: string) =>
      (await jsonOf<{ records: { org: string; value: number }[] }>(await server.api(`/api/ledger?${query}`)))
        .records;
    expect(
      (await rows(`year=2023&org=${encodeURIComponent('上海市杨浦区人民政府殷行街道办事处')}`)).map((r) => [
        r.org,
        r.value,
      ]),
    ).toEqual([
      ['殷行街道', 154],
      ['殷行街道', 4720],
    ]);
    expect(
      (await rows(`org=${encodeURIComponent('五角场街道')}&q=${encodeURIComponent('违法建筑')}`)).map(
        (r) => r.value,
      ),
    ).toEqual([30, 38]);
  });

  it('lists the offices of the store for a picker: reports, ledger rows and years of each', async () => {
    const res = await server.api('/api/offices');
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({
      offices: [
        { name: '五角场街道', short: '五角场街道', reports: 1, ledgerRecords: 3, years: [2023, 2022] },
        { name: '殷行街道', short: '殷行街道', reports: 1, ledgerRecords: 3, years: [2023, 2022] },
      ],
      unassigned: 0,
    });
  });

  it("checks a text against its own office's rows only and says which office it used", async () => {
    const text = '殷行街道2023年工作总结\n\n全年拆除违法建筑154处，帮困救助1280人次。';
    const body = await check({ text });
    expect(body.office.name).toBe('殷行街道');
    expect(claimOf(body, '154处')).toMatchObject({ verdict: 'supported' });
    expect(claimOf(body, '154处')?.source).toContain('district-2023.csv');
    // 1280人次 is 五角场街道's figure: for 殷行街道 it is wrong, never supported.
    expect(claimOf(body, '1280人次')).toMatchObject({ verdict: 'contradicted' });
    expect(String(claimOf(body, '1280人次')?.expected)).toContain('4720');

    const other = await check({
      text: '五角场街道2023年工作总结\n\n全年拆除违法建筑154处，帮困救助1280人次。',
    });
    expect(other.office.name).toBe('五角场街道');
    expect(claimOf(other, '154处')).toMatchObject({ verdict: 'contradicted' });
    expect(claimOf(other, '1280人次')).toMatchObject({ verdict: 'supported' });
  });

  it('checks a text that names no office against the office given, and no rows when none is given', async () => {
    const text = '全年拆除违法建筑38处。';
    expect(claimOf(await check({ text, org: '五角场街道' }), '38处')).toMatchObject({ verdict: 'supported' });
    const none = await check({ text });
    expect(none.office.name).toBeNull();
    expect(claimOf(none, '38处')?.verdict).toBe('unverified');
    expect(none.office.notice?.message_zh).toContain('--org');
  });

  it("drafts an office's 2023 summary from its own report and rows only", async () => {
    for (const [org, own, other] of [
      ['殷行街道', '154处', '38处'],
      ['五角场街道', '38处', '154处'],
    ] as const) {
      const res = await post('/api/draft', { year: 2023, fromYear: 2022, org, mode: 'carry-forward' });
      expect(res.status).toBe(201);
      const body = await jsonOf<{
        draft: { title: string; ledgerSource: string };
        stats: { check: { contradicted: number } };
      }>(res);
      const text = JSON.stringify(body.draft);
      expect(body.draft.title).toContain(org);
      expect(body.draft.ledgerSource).toContain(org);
      expect(text).toContain(`拆除违法建筑${own}`);
      expect(text).not.toContain(other);
      expect(body.stats.check.contradicted).toBe(0);
    }
  }, 120_000);

  it("answers a question about one office from that office's rows", async () => {
    const yinhang = await ask('殷行街道2023年拆除违法建筑多少处?');
    expect(yinhang.mode).toBe('ledger');
    expect(yinhang.answer).toContain('154处');
    expect(yinhang.answer).not.toContain('38处');
    const wujiaochang = await ask('上海市杨浦区人民政府五角场街道办事处2023年拆除违法建筑多少处?');
    expect(wujiaochang.answer).toContain('38处');
    expect(wujiaochang.answer).not.toContain('154处');
  });

  it('compares all offices on one metric, each with its own ledger row', async () => {
    const answer = await ask('各街道2023年拆除违法建筑分别是多少?');
    expect(answer.mode).toBe('ledger');
    const lines = answer.answer.split('\n');
    const yinhang = lines.findIndex((l) => l.startsWith('【殷行街道】'));
    const wujiaochang = lines.findIndex((l) => l.startsWith('【五角场街道】'));
    expect(yinhang).toBeGreaterThan(-1);
    expect(wujiaochang).toBeGreaterThan(-1);
    const block = (from: number, to: number) => lines.slice(from, to > from ? to : undefined).join('\n');
    expect(block(yinhang, wujiaochang)).toContain('154处');
    expect(block(yinhang, wujiaochang)).toContain('district-2023.csv 第3行');
    expect(block(wujiaochang, yinhang)).toContain('38处');
    expect(block(wujiaochang, yinhang)).toContain('district-2023.csv 第6行');
    expect(answer.figures.map((f) => [f.text, f.source])).toEqual(
      expect.arrayContaining([
        ['154处', expect.stringContaining('第3行')],
        ['38处', expect.stringContaining('第6行')],
      ]),
    );
    expect(answer.figures).toHaveLength(2);
    // Each figure names its office, so the page's 台账依据 shows that office's rows only.
    expect(answer.figures.map((f) => [f.text, f.org])).toEqual(
      expect.arrayContaining([
        ['154处', expect.stringContaining('殷行')],
        ['38处', expect.stringContaining('五角场')],
      ]),
    );
    // Two offices named: those two, in the order asked.
    const two = await ask('五角场街道和殷行街道2023年帮困救助人次各是多少?');
    expect(two.answer.indexOf('【五角场街道】')).toBeLessThan(two.answer.indexOf('【殷行街道】'));
    expect(two.figures.map((f) => f.value)).toEqual([1280, 4720]);
  });

  it('answers a descriptive question with every relevant passage, grouped by office and cited', async () => {
    const all = await ask('各街道在为老服务方面做了哪些工作?');
    expect(all.mode).toBe('passages');
    expect(all.answer).toContain('【殷行街道】');
    expect(all.answer).toContain('【五角场街道】');
    expect(all.answer).toContain('长者照护之家');
    expect(all.answer).toContain('独居老人结对关爱');
    const one = await ask('殷行街道在为老服务方面做了哪些工作?');
    expect(one.answer).toContain('长者照护之家');
    expect(one.answer).not.toContain('独居老人');
    expect(one.citations.length).toBeGreaterThan(0);
  });
});
