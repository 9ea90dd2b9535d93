import { describe, expect, it } from 'vitest';
import { filterToWhere } from '../../server/store/filter.ts';

describe('filterToWhere', () => {
  it.each([
    [{}, null],
    [{ year: 2016, org: '甘泉路街道' }, "`year` = 2016 AND `org` = '甘泉路街道'"],
    [
      { org: ['殷行街道', '上海市杨浦区人民政府殷行街道办事处'] },
      "`org` IN ('殷行街道', '上海市杨浦区人民政府殷行街道办事处')",
    ],
    [{ org: [] }, 'false'],
    [{ org: "O'Brien街道" }, "`org` = 'O''Brien街道'"],
    [{ part: 2, section: 'part' as const }, "`part` = 2 AND `section` = 'part'"],
  ])('%j → %s', (filter, where) => {
    expect(filterToWhere(filter)).toBe(where);
  });
});
