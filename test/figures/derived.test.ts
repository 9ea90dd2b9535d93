import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/figures/check/check.ts';
import type { CheckedClaim } from '../../server/figures/types.ts';
import { records } from './records.ts';

/** A ledger with two years of levels but no rates, changes or averages: those must be derived. */
const ledger = records([
  [2016, '信访量', 660, '件'],
  [2015, '信访量', 1000, '件'],
  [2016, '网格案件结案率', 98, '%'],
  [2015, '网格案件结案率', 96, '%'],
  [2016, '城镇登记失业人数', 1200, '人'],
  [2015, '城镇登记失业人数', 1320, '人'],
  [2016, '12345热线受理件数', 18735, '件'],
  [2016, '12345热线办结件数', 18102, '件'],
  [2016, '户籍人口', 138000, '人'],
  [2016, '社区事务受理中心受理件数', 43800, '件'],
  [2015, '累计安装电梯台数', 80, '台'],
  [2016, '新安装电梯台数', 16, '台'],
  [2016, '新增就业岗位年度目标', 600, '个'],
]);

/** The checked claim written `figure` in the sentence. */
function checked(sentence: string, figure: string): CheckedClaim {
  const claim = checkText(sentence, ledger, { year: 2016 }).claims.find((c) => c.text === figure);
  if (!claim) throw new Error(`${figure} not read in ${sentence}`);
  return claim;
}

/** [what, sentence, figure, verdict, expected] */
const cases: [string, string, string, 'supported' | 'contradicted', number][] = [
  ['year-on-year % from two years of the ledger', '全年信访量同比下降34%。', '下降34%', 'supported', -34],
  ['year-on-year %, wrong', '全年信访量同比下降20%。', '下降20%', 'contradicted', -34],
  ['year-on-year %, wrong direction', '全年信访量同比增长34%。', '增长34%', 'contradicted', -34],
  ['个百分点 from two rates', '网格案件结案率98%,比上年提高2个百分点。', '提高2个百分点', 'supported', 2],
  ['个百分点, wrong', '网格案件结案率98%,比上年提高3个百分点。', '提高3个百分点', 'contradicted', 2],
  ['比上年减少 N from two counts', '城镇登记失业人数比上年减少120人。', '减少120人', 'supported', -120],
  ['比上年增加 N, wrong direction', '城镇登记失业人数比上年增加120人。', '增加120人', 'contradicted', -120],
  ['rate from ledger parts', '热线办结率96.6%。', '96.6%', 'supported', (18102 / 18735) * 100],
  ['rate from ledger parts, wrong', '热线办结率90.6%。', '90.6%', 'contradicted', (18102 / 18735) * 100],
  [
    'share of a ledger total',
    '60岁以上老人1.2万人,占户籍人口的8.7%。',
    '8.7%',
    'supported',
    (12000 / 138000) * 100,
  ],
  [
    'share, wrong',
    '60岁以上老人1.2万人,占户籍人口的12.7%。',
    '12.7%',
    'contradicted',
    (12000 / 138000) * 100,
  ],
  ['daily average of a ledger total', '社区事务受理中心日均受理120件。', '120件', 'supported', 120],
  ['daily average, wrong for any days open', '社区事务受理中心日均受理200件。', '200件', 'contradicted', 120],
  ['cumulative: last year + this year (ledger)', '累计安装电梯96台。', '96台', 'supported', 96],
  ['cumulative, wrong', '累计安装电梯90台。', '90台', 'contradicted', 96],
  [
    'cumulative with this year stated in the text',
    '今年新安装电梯16台,累计安装96台。',
    '96台',
    'supported',
    96,
  ],
  ['completion against a ledger target', '新增就业岗位690个,完成年度目标的115%。', '115%', 'supported', 115],
  ['completion, wrong', '新增就业岗位690个,完成年度目标的125%。', '125%', 'contradicted', 115],
];

describe('derived checks against the ledger', () => {
  it.each(cases)('%s: %s', (_what, sentence, figure, verdict, expected) => {
    const claim = checked(sentence, figure);
    expect(claim.verdict).toBe(verdict);
    expect(claim.expected).toBeCloseTo(expected, 6);
    expect(claim.explanation).toMatch(verdict === 'supported' ? /^推算一致/ : /^推算不符/);
    expect(claim.source).toContain('test-ledger.csv');
  });
});

describe('derived checks from figures of the same text', () => {
  it('checks a rate against its parts stated in the text', () => {
    const ok = checkText('12345热线全年受理18,735件,办结18,102件,办结率96.6%。', [], { year: 2016 });
    const rate = ok.claims.find((c) => c.text === '96.6%')!;
    expect(rate.verdict).toBe('supported');
    expect(rate.source).toContain('文中');
    const bad = checkText('12345热线全年受理18,735件,办结18,102件,办结率98.6%。', [], { year: 2016 });
    expect(bad.claims.find((c) => c.text === '98.6%')!.verdict).toBe('contradicted');
  });

  it('does not take plain 办结 as the parts of 按期办结率', () => {
    const r = checkText('全年受理信访件1200件,办结1150件,按期办结率90%。', [], { year: 2016 });
    expect(r.claims.find((c) => c.text === '90%')!.verdict).toBe('unverified');
    const onTime = checkText('全年受理信访件1200件,按期办结1080件,按期办结率90%。', [], { year: 2016 });
    expect(onTime.claims.find((c) => c.text === '90%')!.verdict).toBe('supported');
  });

  it('checks a completion rate against a target stated in the text', () => {
    const r = checkText('年度目标任务新增就业岗位600个,实际新增690个,完成目标的120%。', [], { year: 2016 });
    const rate = r.claims.find((c) => c.text === '120%')!;
    expect(rate.verdict).toBe('contradicted');
    expect(rate.expected).toBeCloseTo(115, 6);
  });

  it('checks an average against a total stated in the same sentence', () => {
    const r = checkText('全年受理各类事项43800件,日均受理120件。', [], { year: 2016 });
    expect(r.claims.find((c) => c.text === '120件')!.verdict).toBe('supported');
    const bad = checkText('全年受理各类事项43800件,日均受理100件。', [], { year: 2016 });
    expect(bad.claims.find((c) => c.text === '100件')!.verdict).toBe('contradicted');
  });

  it('leaves a daily average over working days unverified, never 不符', () => {
    const r = checkText('全年接待群众5.89万人次,日均接待群众236人次。', [], { year: 2023 });
    const daily = r.claims.find((c) => c.text === '236人次')!;
    expect(daily.verdict).toBe('unverified');
    expect(daily.explanation).toContain('工作日');
  });

  it('checks a share against a total stated elsewhere in the text', () => {
    const r = checkText('辖区户籍人口13.8万人。60岁以上老人1.2万人,占户籍人口的8.7%。', [], { year: 2016 });
    expect(r.claims.find((c) => c.text === '8.7%')!.verdict).toBe('supported');
  });

  it('leaves a completion rate without its parts unverified (the seed: 库内销项 is the target)', () => {
    const r = checkText('完成库内销项任务量4280平方米,完成率达142.7%,名列全区第一。', [], { year: 2016 });
    expect(r.claims.find((c) => c.text === '达142.7%')!.verdict).toBe('unverified');
  });
});
