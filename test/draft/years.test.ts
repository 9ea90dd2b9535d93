import { describe, expect, it } from 'vitest';
import { moveTitleYears, moveYears } from '../../server/draft/years.ts';

describe('moveYears', () => {
  it.each([
    ['2016年通过市达标评估验收', '2017年通过市达标评估验收'],
    ['入围2016年“全国100家最美志愿服务社区”评选', '入围2017年“全国100家最美志愿服务社区”评选'],
    ['比2015年增长', '比2016年增长'],
    ['荣获2011-2015年“全国先进单位”称号', '荣获2011-2015年“全国先进单位”称号'],
    ['2016-2020年规划', '2016-2020年规划'],
    ['2015至2016年', '2015至2016年'],
    ['二〇一六年工作总结', '二〇一七年工作总结'],
    ['荣获“2016年度优秀街道”称号', '荣获“2016年度优秀街道”称号'],
    ['2012年建成', '2012年建成'],
    ['门牌20161号', '门牌20161号'],
    ['共2016人', '共2016人'],
  ])('%s → %s', (input, want) => {
    expect(moveYears(input, 2016, 2017)).toBe(want);
  });

  it('keeps the text length, so figure spans hold', () => {
    const text = '2016年至今,2015年以来';
    expect(moveYears(text, 2016, 2017)).toHaveLength(text.length);
  });
});

describe('moveTitleYears', () => {
  it.each([
    ['××街道2023年工作总结和2024年工作思路', 2023, 2024, '××街道2024年工作总结和2025年工作思路'],
    ['某镇2019年工作总结及2020年工作计划', 2019, 2020, '某镇2020年工作总结及2021年工作计划'],
    [
      '某区民政局二〇二一年工作总结和二〇二二年工作要点',
      2021,
      2022,
      '某区民政局二〇二二年工作总结和二〇二三年工作要点',
    ],
    ['甘泉路街道2016年工作总结', 2016, 2017, '甘泉路街道2017年工作总结'],
    ['某街道2016年工作总结(2016-2020年规划中期)', 2016, 2017, '某街道2017年工作总结(2016-2020年规划中期)'],
  ])('%s → %s', (title, from, to, want) => {
    expect(moveTitleYears(title, from, to)).toBe(want);
  });
});

describe('moveYears with sentences kept', () => {
  it('leaves the years of the kept spans as written', () => {
    const text = '2016年是开局之年。2016年完成改造。';
    expect(moveYears(text, 2016, 2017, [{ start: 0, end: 9 }])).toBe('2016年是开局之年。2017年完成改造。');
  });
});
