/** Drafting over HTTP: a year with no ledger, and the audit of every figure a draft changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../server/draft/index.ts';
import { jsonOf, type TestServer } from '../support/api-server.ts';
import { ledgerFile, post, startWithCorpus, type WholeBody } from '../support/draft-api.ts';

describe('POST /api/draft: no ledger for the year, and the audit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWithCorpus();
  });
  afterAll(() => server.close());

  it('drafts a year with no ledger: the whole report, every figure pending, and says so', async () => {
    const res = await post(server, '/api/draft', { year: 2018, fromYear: 2016, mode: 'carry-forward' });
    expect(res.status).toBe(201);
    const body = await jsonOf<WholeBody>(res);
    expect(body.draft.ledgerMissing).toBe(true);
    expect(body.draft.title).toBe('甘泉路街道2018年工作总结');
    expect(body.draft.parts).toHaveLength(6);
    expect(body.stats).toMatchObject({
      ledgerMissing: true,
      paragraphs: 21,
      figures: { updated: 0, recomputed: 0, pending: 50, new: 0 },
      pending: 50,
      check: { supported: 0, contradicted: 0 },
    });
    expect(body.warnings).toEqual([expect.objectContaining({ code: 'no_ledger' })]);
    expect(body.audit).toHaveLength(50);
    expect(body.audit.every((e) => e.status === 'pending' && e.new === `【待核实:上年为${e.old}】`)).toBe(
      true,
    );
    expect(body.audit.find((e) => e.old === '154处')?.rows).toEqual([
      expect.objectContaining({ file: 'ganquan-2016.csv', year: 2016, value: 154 }),
    ]);
    expect(body.warnings[0].message_zh).toContain(
      '没有2018年的台账数据\uFF1A全文已照上年报告起草\uFF0C全部 50 个数字',
    );
    const saved = await jsonOf<{ draft: Draft }>(await server.api(`/api/drafts/${body.draft.id}`));
    expect(saved.draft.ledgerMissing).toBe(true);
  });

  it('lists every figure the draft changed: old and new text, ledger rows, match words', async () => {
    const res = await post(server, '/api/draft', { year: 2017, fromYear: 2016, ledger: ledgerFile() });
    const body = await jsonOf<WholeBody>(res);
    expect(body.audit).toHaveLength(54);
    expect(body.audit.find((e) => e.old === '154处')).toEqual({
      paragraphId: 'p6',
      status: 'updated',
      old: '154处',
      new: '127处',
      metric: '拆除违法建筑处数',
      rows: [
        expect.objectContaining({ file: 'ganquan-2017-sample.csv', year: 2017, value: 127, unit: '处' }),
        expect.objectContaining({
          file: 'ganquan-2016.csv',
          year: 2016,
          value: 154,
          metric: '拆除违法建筑处数',
        }),
      ],
      subject: '拆除违法建筑',
      matchWords: ['拆除', '违法', '建筑'],
      reason: '',
    });
    expect(body.audit.find((e) => e.old === '下降34%')).toMatchObject({
      status: 'recomputed',
      new: '下降12%',
      rows: [
        expect.objectContaining({ metric: '信访量', year: 2017 }),
        expect.objectContaining({ metric: '信访量', year: 2016 }),
      ],
    });
    expect(
      body.audit.filter((e) => e.status === 'new').every((e) => e.old === null && e.rows.length === 1),
    ).toBe(true);
    const saved = await jsonOf<{ draft: Draft }>(await server.api(`/api/drafts/${body.draft.id}`));
    const p6 = saved.draft.parts.flatMap((p) => p.paragraphs).find((p) => p.id === 'p6');
    expect(p6?.figures[0].audit?.rows[0]).toMatchObject({ year: 2017, value: 127 });
  });
});
