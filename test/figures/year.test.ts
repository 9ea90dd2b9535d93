import { describe, expect, it } from 'vitest';
import { reportYear } from '../../server/figures/claims/year.ts';

describe('reportYear', () => {
  it.each([
    ['甘泉路街道2016年工作总结\n\n  过去的一年,街道办事处…', 2016],
    ['关于2017年度工作情况的报告\n…', 2017],
    ['二〇一八年工作总结\n…', 2018],
    ['XX镇人民政府\n2019年工作总结和2020年工作思路\n', 2019],
    ['2011-2015年规划回顾\n甘泉路街道2016年工作总结\n', 2016],
    ['工作总结\n全年拆除违法建筑154处。', null],
    ['', null],
  ] as const)('%j → %s', (text, year) => {
    expect(reportYear(text)).toBe(year);
  });
});
