import { beforeAll, describe, expect, it } from 'vitest';
import { CitationBook } from '../../server/chat/citations.ts';
import { composeLedgerAnswer, planLedger, type Statement } from '../../server/chat/ledger-answer.ts';
import { understand } from '../../server/chat/question.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { hitsOf, seedSketch } from './hits.ts';
import { bundledLedger } from './ledgers.ts';

let ledger: LedgerRecord[];
beforeAll(async () => {
  ledger = await bundledLedger();
});

const context = { latestYear: 2017, orgs: ['甘泉路街道'] };
const seed = hitsOf(seedSketch);
const record = (year: number, metric: string) =>
  ledger.find((r) => r.year === year && r.metric === metric) as LedgerRecord;

/** The seed sentences stating the 2016 figures a test needs. */
function statements(): Map<LedgerRecord, Statement> {
  const hit = seed.find('拆除违法建筑154处');
  const sentence = '全年共计拆除违法建筑154处,9058平方米,名列全区第一。';
  const elder = seed.find('3400余次');
  return new Map<LedgerRecord, Statement>([
    [record(2016, '拆除违法建筑处数'), { hit, surface: '154处', qualifier: '', sentence }],
    [record(2016, '拆除违法建筑面积'), { hit, surface: '9058平方米', qualifier: '', sentence }],
    [
      record(2016, '社区互助养老服务次数'),
      { hit: elder, surface: '3400余次', qualifier: '余', sentence: '全年服务3400余次。' },
    ],
  ]);
}

function answer(question: string) {
  const u = understand(question, context);
  const plan = planLedger(u, ledger);
  if (!plan) throw new Error(`no plan for ${question}`);
  const book = new CitationBook(new Map([[seed.report.id, seed.report]]));
  return { plan, book, ...composeLedgerAnswer(u, plan, statements(), book) };
}

describe('planLedger', () => {
  it('lists every metric that fits instead of guessing one', () => {
    const { plan } = answer('2016年拆除了多少违法建筑?');
    expect(plan.years.map((y) => [y.year, y.records.map((r) => r.metric)])).toEqual([
      [2016, ['拆除违法建筑处数', '拆除违法建筑面积']],
    ]);
    expect(plan.missing).toBe(false);
  });

  it('answers every year with data when the question names none', () => {
    expect(answer('拆除违法建筑多少处?').plan.years.map((y) => y.year)).toEqual([2016, 2017]);
  });

  it('pairs the same metric across years for a comparison', () => {
    const { plan } = answer('2017年比2016年拆除违法建筑少了多少处?');
    expect(plan.comparisons.map((c) => [c.metric, c.from.value, c.to.value])).toEqual([
      ['拆除违法建筑处数', 154, 127],
    ]);
  });

  it('uses the ledger’s own change row for 同比', () => {
    const { plan } = answer('2016年信访量同比下降了多少?');
    expect(plan.changes.map((r) => [r.metric, r.value])).toEqual([['信访量同比变化', -34]]);
  });

  it('says what other years hold when the year asked has nothing', () => {
    const { plan } = answer('2015年拆除了多少违法建筑?');
    expect(plan.missing).toBe(true);
    expect(plan.elsewhere.map((y) => y.year)).toEqual([2016, 2017]);
  });

  it.each([
    '独居老人有哪些关爱措施?',
    '哪一年开始建社区微型消防站?',
    '2016年街道引进了多少家企业?',
    '长征镇2016年拆除了多少违法建筑?',
  ])('leaves %s to the passages', (question) => {
    expect(planLedger(understand(question, context), ledger)).toBeNull();
  });
});

describe('composeLedgerAnswer', () => {
  it('writes each figure in the report’s form with its ledger row and the sentence that states it', () => {
    const { text, figures, book } = answer('2016年拆除了多少违法建筑?');
    expect(text).toContain('2016年,拆除违法建筑处数为154处[1],拆除违法建筑面积为9058平方米[1]。');
    expect(text).toContain('报告原文:“全年共计拆除违法建筑154处,9058平方米,名列全区第一”[1]。');
    expect(text).toContain('依据台账:ganquan-2016.csv 第14、15行。');
    expect(text).toContain('对应的指标有2项');
    expect(figures).toEqual([
      expect.objectContaining({
        text: '154处',
        value: 154,
        origin: 'ledger',
        source: 'ganquan-2016.csv 第14行 拆除违法建筑处数',
        citation: 1,
      }),
      expect.objectContaining({ text: '9058平方米', value: 9058, origin: 'ledger', citation: 1 }),
    ]);
    expect(book.list()).toEqual([
      expect.objectContaining({ n: 1, part: 2, paragraph: 1, report: '甘泉路街道2016年工作总结' }),
    ]);
  });

  it('keeps the writer’s qualifier and shows the exact ledger value beside it', () => {
    expect(answer('2016年社区互助养老服务开展了多少次?').text).toContain(
      '社区互助养老服务次数为3400余次(台账记为3400次)[1]',
    );
  });

  it('computes changes across years and shows the arithmetic', () => {
    const { text, figures } = answer('2017年比2016年拆除违法建筑少了多少处?');
    expect(text).toContain('拆除违法建筑处数由154处变为127处,减少27处,下降17.5%');
    expect(text).toContain('计算:127处 − 154处 = -27处;-27处 ÷ 154处 ≈ -17.5%');
    expect(figures.filter((f) => f.origin === 'computed').map((f) => [f.text, f.value])).toEqual([
      ['减少27处', -27],
      ['下降17.5%', -17.5],
    ]);
  });

  it('compares rates in percentage points', () => {
    expect(answer('2017年网格案件结案率与2016年相比有什么变化?').text).toContain(
      '由100%变为99.6%,降低0.4个百分点(计算:99.6% − 100% = -0.4个百分点)',
    );
  });

  it('labels sample data as invented', () => {
    const { text, figures } = answer('2017年拆除违法建筑多少处?');
    expect(text).toContain('拆除违法建筑处数为127处(示例数据)');
    expect(text).toContain('虚构的演示数据');
    expect(figures[0]).toMatchObject({
      sample: true,
      source: 'ganquan-2017-sample.csv 第11行 拆除违法建筑处数',
    });
  });

  it('says plainly when the year asked has nothing, with what other years hold', () => {
    const { text } = answer('2015年拆除了多少违法建筑?');
    expect(text.startsWith('语料中没有找到2015年“拆除违法建筑”的数据。')).toBe(true);
    expect(text).toContain('台账中其他年度有:2016年拆除违法建筑处数为154处[1]');
  });

  it('states how a relative year was read', () => {
    expect(answer('去年拆除违法建筑多少处?').text).toMatch(/^\(“去年”按语料最新年度2017年推算为2016年。\)/);
  });
});
