import { describe, expect, it } from 'vitest';
import { distinctOffices, officeLedger } from '../../server/figures/ledger/office-ledger.ts';
import type { LedgerRecord } from '../../server/figures/types.ts';

const row = (org: string | undefined, metric: string, value: number): LedgerRecord => ({
  year: 2023,
  metric,
  value,
  unit: '处',
  note: '',
  source: { file: 'l.csv', row: 2 },
  ...(org ? { org } : {}),
});

const district = [
  row('殷行街道', '拆除违法建筑', 154),
  row('五角场街道', '拆除违法建筑', 38),
  row(undefined, '帮困救助人次', 4720),
];

describe('officeLedger', () => {
  it('gives an office its own rows only, by any of its names, and says how to assign rows with no office', () => {
    const scope = officeLedger(district, '上海市杨浦区人民政府殷行街道办事处', []);
    expect(scope.records.map((r) => r.value)).toEqual([154]);
    expect(scope.office).toBe('上海市杨浦区人民政府殷行街道办事处');
    expect(scope.unassigned).toBe(1);
    expect(scope.notice?.zh).toContain('govdraft ledger assign --org');
  });

  it('gives rows with no office to the single office present', () => {
    const rows = [row(undefined, '拆除违法建筑处数', 154), row('甘泉路街道', '帮困救助人次', 4720)];
    const scope = officeLedger(rows, '甘泉路街道', ['上海市普陀区甘泉路街道办事处']);
    expect(scope).toMatchObject({ office: '甘泉路街道', unassigned: 0, notice: null });
    expect(scope.records).toHaveLength(2);
    // No office named: the single office present is the one used.
    expect(officeLedger(rows, null, ['上海市普陀区甘泉路街道办事处'])).toMatchObject({
      office: '上海市普陀区甘泉路街道办事处',
      notice: null,
    });
    expect(officeLedger([row(undefined, 'x', 1)], null, []).records).toHaveLength(1);
  });

  it('uses no rows when several offices are present and none is named', () => {
    const scope = officeLedger(district, null, []);
    expect(scope.records).toEqual([]);
    expect(scope.notice?.zh).toContain('--org');
  });

  it('says when the office named has no rows, and leaves out the single other office', () => {
    const scope = officeLedger([row(undefined, '拆除违法建筑处数', 154)], '殷行街道', ['甘泉路街道']);
    expect(scope.records).toEqual([]);
    expect(scope.notice?.zh).toContain('台账中没有“殷行街道”的记录');
  });
});

describe('distinctOffices', () => {
  it('keeps one name per office', () => {
    expect(distinctOffices(['殷行街道', null, '上海市杨浦区人民政府殷行街道办事处', '五角场街道'])).toEqual([
      '殷行街道',
      '五角场街道',
    ]);
  });
});
