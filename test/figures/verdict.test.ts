import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import {
  describeBounds,
  judgeAgainstRecord,
  judgeDerived,
  sourceOf,
} from '../../server/figures/lookup/verdict.ts';
import { records } from './records.ts';

/** [sentence, ledger value in base units, unit, verdict] */
const cases: [string, number, string, 'supported' | 'contradicted'][] = [
  ['全年服务3400余次。', 3400, '次', 'supported'],
  ['全年服务3400余次。', 3461, '次', 'supported'],
  ['全年服务3400余次。', 3300, '次', 'contradicted'],
  ['全年服务3400余次。', 3500, '次', 'contradicted'],
  ['受益群众超过5000人。', 5320, '人', 'supported'],
  ['受益群众超过5000人。', 5000, '人', 'contradicted'],
  ['受益群众超过5000人。', 4800, '人', 'contradicted'],
  ['受益群众5000人以上。', 5000, '人', 'supported'],
  ['接受社会公益捐赠15.4万元。', 154000, '元', 'supported'],
  ['接受社会公益捐赠15.4万元。', 153960, '元', 'supported'],
  ['接受社会公益捐赠15.4万元。', 156000, '元', 'contradicted'],
  ['总金额139.76万元。', 1397600, '元', 'supported'],
  ['总金额139.76万元。', 1398600, '元', 'contradicted'],
  ['拆除违法建筑154处。', 154, '处', 'supported'],
  ['拆除违法建筑154处。', 155, '处', 'contradicted'],
  ['接待居民约8.5万余人次。', 85000, '人次', 'supported'],
  ['接待居民约8.5万余人次。', 85600, '人次', 'supported'],
  ['接待居民约8.5万余人次。', 84000, '人次', 'contradicted'],
  ['办结率96.6%。', 96.62, '%', 'supported'],
  ['办结率96.6%。', 96.7, '%', 'contradicted'],
  ['信访量同比下降34%。', -34, '%', 'supported'],
  ['信访量同比下降34%。', 34, '%', 'contradicted'],
  ['事故不到3起。', 2, '起', 'supported'],
  ['事故不到3起。', 3, '起', 'contradicted'],
  ['参与人数约3000人。', 3100, '人', 'supported'],
  ['参与人数约3000人。', 3400, '人', 'contradicted'],
  ['二千四百余场。', 2460, '场', 'supported'],
  ['二千四百余场。', 2390, '场', 'contradicted'],
  ['完成率达142.7%。', 142.7, '%', 'supported'],
  ['新建15-20个。', 18, '个', 'supported'],
  ['新建15-20个。', 21, '个', 'contradicted'],
];

describe('judgeAgainstRecord', () => {
  it.each(cases)('%s vs %d %s → %s', (sentence, value, unit, verdict) => {
    const claim = extractClaims(sentence)[0];
    const [record] = records([[2016, '测试指标', value, unit]]);
    const finding = judgeAgainstRecord(claim, record);
    expect(finding.verdict).toBe(verdict);
    expect(finding.expected).toBe(value);
    expect(finding.metric).toBe('测试指标');
    expect(finding.source).toBe('test-ledger.csv 第2行 测试指标');
    expect(finding.explanation).toMatch(verdict === 'supported' ? /^与台账一致/ : /^与台账不符/);
  });

  it('explains a contradiction with the ledger value and what the words allow', () => {
    const claim = extractClaims('全年服务3400余次。')[0];
    const [record] = records([[2016, '社区互助养老服务次数', 3300, '次']], 'ganquan-2016.csv');
    expect(judgeAgainstRecord(claim, record).explanation).toBe(
      '与台账不符:社区互助养老服务次数为3300次,文中“3400余次”(即不少于3400次、少于3500次)。',
    );
  });
});

describe('judgeDerived', () => {
  it('accepts a rate whose interval meets the interval computed from rounded parts', () => {
    const claim = extractClaims('占户籍人口的8.7%。')[0];
    const ok = judgeDerived(
      claim,
      { value: 8.69, low: 8.66, high: 8.73 },
      { metric: null, source: 's', basis: 'b' },
    );
    expect(ok.verdict).toBe('supported');
    const bad = judgeDerived(
      claim,
      { value: 9.2, low: 9.1, high: 9.3 },
      { metric: null, source: 's', basis: 'b' },
    );
    expect(bad.verdict).toBe('contradicted');
    expect(bad.explanation).toContain('推算不符');
  });
});

describe('describeBounds and sourceOf', () => {
  it('spells out qualified figures', () => {
    expect(describeBounds(extractClaims('超过5000人。')[0])).toBe('“超过5000人”(即多于5000人)');
    expect(describeBounds(extractClaims('5000人以上。')[0])).toBe('“5000人以上”(即不少于5000人)');
    expect(describeBounds(extractClaims('不到3起。')[0])).toBe('“不到3起”(即少于3起)');
    expect(describeBounds(extractClaims('154处。')[0])).toBe('“154处”');
    expect(describeBounds(extractClaims('约8.5万余人次。')[0])).toBe(
      '“约8.5万余人次”(即不少于8.5万人次、少于8.6万人次)',
    );
    expect(describeBounds(extractClaims('约3000人。')[0])).toBe('“约3000人”(即2850人至3150人之间)');
  });

  it('names the ledger file, row and metric', () => {
    expect(sourceOf(records([[2016, '拆除违法建筑处数', 154, '处']], 'ganquan-2016.csv')[0])).toBe(
      'ganquan-2016.csv 第2行 拆除违法建筑处数',
    );
  });
});
