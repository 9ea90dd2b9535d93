import { describe, expect, it } from 'vitest';
import type { ColumnLabel, LedgerField } from '../../server/figures/ledger/ledger-header.ts';
import { findLayout, readLabel } from '../../server/figures/ledger/ledger-header.ts';
import type { LedgerCell, LedgerMerge, LedgerTable } from '../../server/figures/ledger/ledger-table.ts';

describe('readLabel', () => {
  const label = (field: LedgerField | null, year: number | null = null, unitHint: string | null = null) =>
    ({ field, year, unitHint }) satisfies ColumnLabel;

  it.each<[string, ColumnLabel]>([
    ['年度', label('year')],
    ['年份', label('year')],
    ['Year', label('year')],
    ['指标名称', label('metric')],
    ['指标', label('metric')],
    ['指标名', label('metric')],
    [' 指 标 名 称 ', label('metric')],
    ['metric', label('metric')],
    ['数值', label('value')],
    ['数量', label('value')],
    ['值', label('value')],
    ['金额(万元)', label('value', null, '万元')],
    ['VALUE', label('value')],
    ['计量单位', label('unit')],
    ['单位', label('unit')],
    ['unit', label('unit')],
    ['口径说明', label('note')],
    ['备注', label('note')],
    ['说明', label('note')],
    ['Note', label('note')],
    ['指标名称*', label('metric')],
    ['数值(万元)', label('value', null, '万元')],
    ['数值（单位：万元）', label('value', null, '万元')],
    ['数值【万平方米】', label('value', null, '万平方米')],
    ['数值(说明见备注)', label('value')],
    ['2016年', label(null, 2016)],
    ['2017年度', label(null, 2017)],
    ['2016', label(null, 2016)],
    ['２０１７年', label(null, 2017)],
    ['2017年(万元)', label(null, 2017, '万元')],
    ['序号', label(null)],
    ['甘泉路街道2017年统计台账', label(null)],
  ])('%s', (text, expected) => {
    expect(readLabel(text)).toEqual(expected);
  });
});

function table(rows: LedgerCell[][], merges: LedgerMerge[] = [], sheet: string | null = null): LedgerTable {
  return { sheet, rows: rows.map((cells, i) => ({ row: i + 1, cells })), merges, rowNoun: 'row' };
}

describe('findLayout', () => {
  it('finds the header under titles and reads the title year', () => {
    const search = findLayout(
      table([
        ['甘泉路街道2017年统计台账'],
        [null],
        ['序号', '指标名称', '数值', '计量单位', '备注'],
        [1, '拆除违法建筑处数', 127, '处', null],
      ]),
    );
    expect(search).toEqual({
      kind: 'found',
      layout: {
        dataIndex: 3,
        headerRow: 3,
        columns: { year: [], metric: [1], value: [2], unit: [3], note: [4], org: [] },
        yearColumns: [],
        valueUnitHint: null,
        titleYear: 2017,
      },
    });
  });

  it('gives a horizontally merged header cell all its columns', () => {
    const search = findLayout(
      table(
        [
          ['年度', '指标名称', '指标名称', '数值', '计量单位'],
          [2016, '拆除违法建筑处数', '拆除违法建筑处数', 154, '处'],
        ],
        [{ top: 1, bottom: 1, left: 1, right: 2 }],
      ),
    );
    expect(search.kind === 'found' && search.layout.columns.metric).toEqual([1, 2]);
  });

  it('widens the header over rows that vertically merged cells reach, reading years below a group', () => {
    const search = findLayout(
      table(
        [
          ['指标名称', '计量单位', '数值', '数值', '备注'],
          ['指标名称', '计量单位', '2016年', '2017年', '备注'],
          ['信访量', '件', 425, 374, null],
        ],
        [
          { top: 1, bottom: 2, left: 0, right: 0 },
          { top: 1, bottom: 2, left: 1, right: 1 },
          { top: 1, bottom: 1, left: 2, right: 3 },
          { top: 1, bottom: 2, left: 4, right: 4 },
        ],
      ),
    );
    expect(search).toMatchObject({
      kind: 'found',
      layout: {
        dataIndex: 2,
        columns: { metric: [0], unit: [1], value: [], note: [4] },
        yearColumns: [
          { column: 2, year: 2016, unitHint: null },
          { column: 3, year: 2017, unitHint: null },
        ],
      },
    });
  });

  it('reads a wide header whose years are typed as numbers', () => {
    const search = findLayout(table([['指标', '单位', 2016, 2017]]));
    expect(search.kind === 'found' && search.layout.yearColumns.map((y) => y.year)).toEqual([2016, 2017]);
  });

  it('takes the sheet name as the title year', () => {
    const search = findLayout(table([['指标名称', '数值', '单位']], [], '2017年'));
    expect(search.kind === 'found' && search.layout.titleYear).toBe(2017);
  });

  it.each<[string, LedgerCell[][], LedgerField[]]>([
    ['no value column', [['年度', '指标名称', '计量单位']], ['value']],
    ['no metric column', [['年度', '数值', '计量单位']], ['metric']],
    ['no year anywhere', [['指标名称', '数值', '计量单位']], ['year']],
    [
      'two titles with different years and no year column',
      [['2016年与2017年对照'], ['指标名称', '数值', '计量单位']],
      ['year'],
    ],
  ])('reports the missing fields of a near-header: %s', (_what, rows, missing) => {
    expect(findLayout(table(rows))).toEqual({ kind: 'incomplete', headerRow: rows.length, missing });
  });

  it('finds nothing in prose or in data without a header', () => {
    expect(findLayout(table([['甘泉路街道2016年工作总结'], ['过去的一年,街道办事处……']]))).toEqual({
      kind: 'none',
    });
    expect(findLayout(table([[2016, '拆除违法建筑处数', 154, '处']]))).toEqual({ kind: 'none' });
  });
});
