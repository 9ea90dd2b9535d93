import { describe, expect, it } from 'vitest';
import { moveYears } from '../../server/draft/years.ts';

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
