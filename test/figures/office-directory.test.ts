/** The offices a store holds, for a picker: one entry per office however it is named, with its years. */
import { describe, expect, it } from 'vitest';
import { officeDirectory } from '../../server/figures/index.ts';

describe('officeDirectory', () => {
  it('groups the full and short names of one office, counts reports and rows, and lists its years', () => {
    const directory = officeDirectory(
      [
        { org: '上海市杨浦区人民政府殷行街道办事处', year: 2016 },
        { org: '殷行街道', year: 2017 },
        { org: '重庆市巴南区木洞镇人民政府', year: 2020 },
        { org: null, year: 2015 },
      ],
      [
        { org: '殷行街道', year: 2017 },
        { org: '殷行街道', year: 2018 },
        { org: '五角场街道', year: 2018 },
        { year: 2018 },
        { org: '', year: 2018 },
      ],
    );
    expect(directory).toEqual({
      offices: [
        { name: '重庆市巴南区木洞镇人民政府', short: '木洞镇', reports: 1, ledgerRecords: 0, years: [2020] },
        { name: '五角场街道', short: '五角场街道', reports: 0, ledgerRecords: 1, years: [2018] },
        {
          name: '上海市杨浦区人民政府殷行街道办事处',
          short: '殷行街道',
          reports: 2,
          ledgerRecords: 2,
          years: [2018, 2017, 2016],
        },
      ],
      unassigned: 2,
    });
  });

  it('is empty for an empty store', () => {
    expect(officeDirectory([], [])).toEqual({ offices: [], unassigned: 0 });
  });
});
