import { describe, expect, it } from 'vitest';
import { carryParagraph } from '../../server/draft/carry-forward.ts';
import { resolveFigure } from '../../server/draft/resolve.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { extractClaims, indexLedger } from '../../server/figures/index.ts';
import { row } from './corpus.ts';

const years = { from: 2022, to: 2023 };

/** Two years of a ledger: [metric, unit, last year's value, this year's value]. */
function twoYears(rows: [string, string, number, number][]): LedgerRecord[] {
  return rows.flatMap(([metric, unit, before, now]) => [
    row(years.from, metric, before, unit),
    row(years.to, metric, now, unit),
  ]);
}

const carry = (text: string, ledger: LedgerRecord[]) => carryParagraph(text, indexLedger(ledger), years);

/** [trap, last year's text, ledger, the carried text] */
const cases: [string, string, LedgerRecord[], string][] = [
  [
    'a target row is not the actual',
    '帮助就业困难人员就业85人。',
    twoYears([
      ['帮助就业困难人员就业人数', '人', 85, 92],
      ['帮助就业困难人员就业年度目标', '人', 80, 90],
    ]),
    '帮助就业困难人员就业92人。',
  ],
  [
    'an honoured subset is not the whole (小区数); the award is last year’s, marked for the writer',
    '全街道2个小区获评市级示范小区。',
    twoYears([['小区数', '个', 45, 46]]),
    '\u3016上年表述\uFF1A全街道【待核实:上年为2个】小区获评市级示范小区\u3017。',
  ],
  [
    'a subset of a stock metric is not the whole (小区数)',
    '全街道完成3个小区改造。',
    twoYears([['小区数', '个', 45, 46]]),
    '全街道完成【待核实:上年为3个】小区改造。',
  ],
  [
    'new and running total, the subject of 累计 carried from the clause before',
    '新增备案社会组织12家,累计达到97家。',
    twoYears([
      ['新增备案社会组织数', '家', 12, 9],
      ['累计备案社会组织数', '家', 97, 106],
    ]),
    '新增备案社会组织9家,累计达到106家。',
  ],
  [
    'a per-day row is taken as it is, never divided again',
    '信访接待窗口日均接待群众36人次。',
    twoYears([
      ['日均接待群众人次', '人次', 36, 41],
      ['接待群众人次', '人次', 13140, 14965],
    ]),
    '信访接待窗口日均接待群众41人次。',
  ],
  [
    'one value never fills two figures (the second names no row of its own)',
    '新引进企业6个,新签约重点项目6个。',
    twoYears([['新引进企业数', '个', 6, 8]]),
    '新引进企业8个,新签约重点项目【待核实:上年为6个】。',
  ],
  [
    'one value never fills two figures (both name the same row)',
    '新增绿地2.3公顷,其中新增公园绿地2.3公顷。',
    twoYears([['新增公园绿地面积', '公顷', 2.3, 3.1]]),
    '新增绿地【待核实:上年为2.3公顷】,其中新增公园绿地【待核实:上年为2.3公顷】。',
  ],
  [
    'two candidate rows for one subject: pending, not a guess',
    '社区事务受理服务中心全年受理各类事项1.2万件。',
    twoYears([
      ['社区事务受理服务中心受理件数', '件', 12000, 13000],
      ['社区事务受理服务中心办结件数', '件', 12000, 12900],
    ]),
    '社区事务受理服务中心全年受理各类事项1.3万件。',
  ],
  [
    'a metric whose words the text does not state is no match',
    '帮助就业困难人员就业85人,完成年度目标的106.3%。',
    twoYears([
      ['帮助就业困难人员就业人数', '人', 85, 90],
      ['区级税收年度目标完成率', '%', 98.2, 101.5],
    ]),
    '帮助就业困难人员就业90人,完成年度目标的【待核实:上年为106.3%】。',
  ],
];

describe('carry-forward replaces a figure only when its match is certain', () => {
  it.each(cases)('%s', (_trap, text, ledger, want) => {
    expect(carry(text, ledger).text).toBe(want);
  });
});

describe('resolveFigure tells the audit why', () => {
  it('returns the ledger row and the words that made the match', () => {
    const text = '帮助就业困难人员就业85人。';
    const ledger = twoYears([['帮助就业困难人员就业人数', '人', 85, 92]]);
    const claims = extractClaims(text);
    const r = resolveFigure(claims[0], claims, text, indexLedger(ledger), years, () => undefined);
    expect(r.status).toBe('updated');
    if (r.status !== 'updated') return;
    expect(r.basis[0].record).toMatchObject({ year: 2023, metric: '帮助就业困难人员就业人数', value: 92 });
    expect(r.basis[0].words).toEqual(expect.arrayContaining(['帮助', '就业', '困难', '人员']));
  });

  it('returns the candidates and the reason when the match is not certain', () => {
    const text = '指导创建文明单位5个。';
    const ledger = twoYears([
      ['创建市级文明单位数', '个', 2, 3],
      ['创建区级文明单位数', '个', 3, 4],
    ]);
    const claims = extractClaims(text);
    const r = resolveFigure(claims[0], claims, text, indexLedger(ledger), years, () => undefined);
    expect(r.status).toBe('pending');
    if (r.status !== 'pending') return;
    expect(r.candidates).toEqual(['创建市级文明单位数', '创建区级文明单位数']);
    expect(r.reason).toMatch(/文中未写明/);
  });
});
