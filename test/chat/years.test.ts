import { describe, expect, it } from 'vitest';
import { readYears } from '../../server/chat/years.ts';

describe('readYears', () => {
  it.each([
    ['2016年拆除了多少违法建筑?', [2016], 'explicit', false, false],
    ['二〇一六年接受捐赠多少?', [2016], 'explicit', false, false],
    ['去年帮困救助金额是多少?', [2016], 'relative', false, false],
    ['今年拆违排名第几?', [2017], 'relative', false, false],
    ['前年的信访量呢?', [2015], 'relative', false, false],
    ['近三年拆违完成率', [2015, 2016, 2017], 'range', false, false],
    ['最近两年入伍青年', [2016, 2017], 'range', false, false],
    ['2015到2016年信访量', [2015, 2016], 'range', false, false],
    ['2014—2016年度拆违', [2014, 2015, 2016], 'range', false, false],
    ['2015年以来拆除违法建筑', [2015, 2016, 2017], 'range', false, false],
    ['2017年比2016年少了多少?', [2016, 2017], 'explicit', false, true],
    ['2016年信访量同比下降了多少?', [2016], 'explicit', true, false],
    ['2017年比去年多了多少?', [2017], 'explicit', true, false],
    ['独居老人有哪些关爱措施?', [], null, false, false],
    ['交通路2285弄整治了吗?', [], null, false, false],
  ])('%s → %j (%s)', (question, years, from, previousYear, versus) => {
    const r = readYears(question, 2017);
    expect(r.years).toEqual(years);
    expect(r.from).toBe(from);
    expect(r.previousYear).toBe(previousYear);
    expect(r.versus).toBe(versus);
  });

  it('says how a relative year was read', () => {
    expect(readYears('去年拆了多少?', 2017).note).toBe('“去年”按语料最新年度2017年推算为2016年。');
  });

  it('ignores relative years when the corpus has no year to count from', () => {
    expect(readYears('去年拆了多少?', null)).toMatchObject({ years: [], from: null });
  });

  it('marks the spans it read so the topic can leave them out', () => {
    const q = '2017年比2016年拆除违法建筑少了多少?';
    expect(readYears(q, 2017).spans.map((s) => q.slice(s.start, s.end))).toEqual(['2017年', '2016年']);
  });
});
