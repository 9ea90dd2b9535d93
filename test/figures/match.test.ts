import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';
import { aspectOf, periodOf } from '../../server/figures/lookup/aspect.ts';
import { decideRecord } from '../../server/figures/lookup/decision.ts';
import type { LedgerIndex } from '../../server/figures/lookup/match.ts';
import { indexLedger, matchBase, matchMetric } from '../../server/figures/lookup/match.ts';
import type { LedgerRecord } from '../../server/figures/types.ts';
import { corpusDir } from '../../server/paths.ts';
import { records } from './records.ts';

/** Matches a claim of a sentence: the one written `figure`, else the first. */
function matchFirst(sentence: string, index: LedgerIndex, year: number, figure?: string) {
  const claims = extractClaims(sentence);
  const claim = claims.find((c) => c.text === figure) ?? claims[0];
  return matchMetric(
    { subject: claim.subject, context: sentence, unit: claim.unit, kind: claim.kind },
    index,
    year,
  );
}

describe('matchMetric with wording that differs from the ledger', () => {
  const ledger = records([
    [2016, '老年综合津贴发放金额', 512.3e4, '元', '为辖区65周岁以上老人发放的老年综合津贴'],
    [2016, '老年综合津贴发放人数', 9630, '人'],
    [2016, '残疾人护理补贴发放金额', 86.5e4, '元'],
    [2016, '元旦春节帮困救助总金额', 139.76e4, '元'],
    [2016, '第六批共有产权保障住房申请户数', 2589, '户'],
    [2016, '第六批共有产权保障住房受理户数', 801, '户'],
    [2016, '入伍青年人数', 8, '人'],
    [2016, '拆除违法建筑处数', 154, '处'],
    [2016, '拆除违法建筑面积', 9058, '平方米'],
    [2015, '拆除违法建筑处数', 120, '处'],
  ]);
  const index = indexLedger(ledger);

  it.each([
    ['为辖区90周岁以上老人发放综合津贴,金额共计512.3万元。', '512.3万元', '老年综合津贴发放金额'],
    ['元旦、春节帮困救助惠及4720人次,总金额139.76万元。', '139.76万元', '元旦春节帮困救助总金额'],
    [
      '开展第六批共有产权保障住房申请受理,共计2589户家庭提出申请,符合条件并受理801户。',
      '2589户',
      '第六批共有产权保障住房申请户数',
    ],
    ['年度征兵任务完成,8名青年光荣入伍。', '8名', '入伍青年人数'],
    ['全年共计拆除违法建筑154处,9058平方米。', '154处', '拆除违法建筑处数'],
  ])('%s (%s) → %s', (sentence, figure, metric) => {
    expect(matchFirst(sentence, index, 2016, figure).best?.record.metric).toBe(metric);
  });

  it('matches the second figure of a sentence by its own subject (受理 vs 申请) and inherited subject (面积)', () => {
    const sentence = '开展第六批共有产权保障住房申请受理,共计2589户家庭提出申请,符合条件并受理801户。';
    const claim = extractClaims(sentence)[1];
    const match = matchMetric(
      { subject: claim.subject, context: sentence, unit: claim.unit, kind: claim.kind },
      index,
      2016,
    );
    expect(match.best?.record.metric).toBe('第六批共有产权保障住房受理户数');
    const area = extractClaims('全年共计拆除违法建筑154处,9058平方米。')[1];
    const m2 = matchMetric(
      { subject: area.subject, context: '', unit: area.unit, kind: area.kind },
      index,
      2016,
    );
    expect(m2.best?.record.metric).toBe('拆除违法建筑面积');
  });

  it('requires a compatible unit: an amount never matches a head count', () => {
    const match = matchFirst('为辖区老人发放综合津贴9630万元。', index, 2016);
    expect(match.best?.record.unit).toBe('元');
  });

  it('requires the year: the 2015 row is not a 2016 figure', () => {
    expect(matchFirst('全年共计拆除违法建筑154处。', index, 2015).best?.record.value).toBe(120);
    expect(matchFirst('全年共计拆除违法建筑154处。', index, 2014).best).toBeNull();
  });

  it('finds no metric for a subject the ledger does not hold', () => {
    expect(matchFirst('新建小区健身步道3条。', index, 2016).best).toBeNull();
    expect(matchFirst('培训社区居民300人。', index, 2016).best).toBeNull();
  });
});

describe('decideRecord with measure words in the metric name', () => {
  const index = indexLedger(
    records([
      [2023, '农村公路提档升级里程', 12.6, '公里'],
      [2023, '河道清淤疏浚长度', 26.4, '公里'],
      [2023, '规上工业产值增速', 8.2, '%'],
    ]),
  );
  it.each([
    ['完成农村公路提档升级12.6公里。', '12.6公里', '农村公路提档升级里程'],
    ['完成河道清淤疏浚18条、长度26.4公里。', '26.4公里', '河道清淤疏浚长度'],
    ['规上工业产值同比增长8.2%。', '增长8.2%', '规上工业产值增速'],
  ])('%s (%s) → %s: 里程, 长度 and 增速 name no thing', (sentence, figure, metric) => {
    const claim = extractClaims(sentence).find((c) => c.text === figure)!;
    const decision = decideRecord(
      { subject: claim.subject, context: sentence, unit: claim.unit, kind: claim.kind },
      index,
      2023,
    );
    expect(decision.record?.metric).toBe(metric);
  });
});

describe('matchMetric and parts of the year', () => {
  const index = indexLedger(
    records([
      [2016, '完成固定资产投资', 12.8e8, '元'],
      [2016, '一季度完成固定资产投资', 3.2e8, '元'],
    ]),
  );

  it('keeps the figure of a quarter off the metric of the year', () => {
    expect(matchFirst('第一季度完成固定资产投资3.2亿元。', index, 2016).best?.record.metric).toBe(
      '一季度完成固定资产投资',
    );
    expect(matchFirst('全年完成固定资产投资12.8亿元。', index, 2016).best?.record.metric).toBe(
      '完成固定资产投资',
    );
    expect(matchFirst('上半年完成固定资产投资6.1亿元。', index, 2016).best).toBeNull();
  });

  it.each([
    ['第一季度完成投资', '一季度'],
    ['1-6月受理', '1-6月'],
    ['上半年', '上半年'],
    ['截至12月底共有企业', ''],
    ['12345热线受理件数', ''],
  ])('periodOf(%s) = %j', (phrase, period) => {
    expect(periodOf(phrase)).toBe(period);
  });
});

describe('matchMetric ambiguity', () => {
  it('lists close candidates instead of choosing one', () => {
    const index = indexLedger(
      records([
        [2016, '创建市级文明单位数', 2, '个'],
        [2016, '创建区级文明单位数', 3, '个'],
      ]),
    );
    const match = matchFirst('指导创建文明单位2个。', index, 2016);
    expect(match.close.map((m) => m.record.metric).sort()).toEqual([
      '创建区级文明单位数',
      '创建市级文明单位数',
    ]);
  });

  it('separates them when the text says which', () => {
    const index = indexLedger(
      records([
        [2016, '创建市级文明单位数', 2, '个'],
        [2016, '创建区级文明单位数', 3, '个'],
      ]),
    );
    const match = matchFirst('指导创建区级文明单位3个。', index, 2016);
    expect(match.close.map((m) => m.record.metric)).toEqual(['创建区级文明单位数']);
  });
});

describe('aspects keep levels, changes, ranks, averages and running totals apart', () => {
  it.each([
    ['信访量同比变化', undefined, 'change'],
    ['拆违完成率全区排名', undefined, 'rank'],
    ['日均受理件数', undefined, 'average'],
    ['累计安装电梯台数', undefined, 'cumulative'],
    ['网格中心全年累计受理案件数', undefined, 'level'],
    ['信访量', 'yoy', 'change'],
    ['完成率', 'rank', 'rank'],
    ['拆除违法建筑', 'count', 'level'],
  ] as const)('%s (%s) → %s', (phrase, kind, aspect) => {
    expect(aspectOf(phrase, kind)).toBe(aspect);
  });

  it('does not match a rate to its rank, nor a change to a level', () => {
    const index = indexLedger(
      records([
        [2016, '拆违销项完成率', 142.7, '%'],
        [2016, '拆违完成率全区排名', 1, '名'],
        [2016, '信访量', 660, '件'],
        [2016, '信访量同比变化', -34, '%'],
      ]),
    );
    expect(matchFirst('完成率达142.7%,名列全区第一。', index, 2016).best?.record.metric).toBe(
      '拆违销项完成率',
    );
    expect(matchFirst('全年信访量同比下降34%。', index, 2016).best?.record.metric).toBe('信访量同比变化');
    expect(matchBase('信访量', '', index, 2016).best?.record.metric).toBe('信访量');
  });
});

describe('matching the seed against the bundled 2016 ledger', () => {
  let ledger: LedgerRecord[] = [];
  beforeAll(async () => {
    const file = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
    ledger = await parseLedger(readFileSync(file), file);
  });

  it('matches every claim of the seed to one metric without ambiguity', () => {
    const text = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
    const index = indexLedger(ledger);
    const claims = extractClaims(text);
    for (const c of claims) {
      const context = text.slice(c.sentenceStart, c.sentenceEnd);
      const match = matchMetric({ subject: c.subject, context, unit: c.unit, kind: c.kind }, index, 2016);
      expect(match.best, c.text).not.toBeNull();
      expect(match.close.length, `${c.text}: ${match.close.map((m) => m.record.metric)}`).toBe(1);
    }
  });
});
