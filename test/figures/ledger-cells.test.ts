import { describe, expect, it } from 'vitest';
import { readValue, readYear, resolveValue } from '../../server/figures/ledger/ledger-cells.ts';
import type { LedgerCell } from '../../server/figures/ledger/ledger-table.ts';

describe('readValue', () => {
  it.each<[LedgerCell, number, number, string | null]>([
    [154, 154, 1, null],
    [-34, -34, 1, null],
    [0.5, 0.5, 1, null],
    ['154', 154, 1, null],
    [' 9058 ', 9058, 1, null],
    ['1,032.6', 1032.6, 1, null],
    ['18,735', 18735, 1, null],
    ['1,234,567', 1234567, 1, null],
    ['１５４', 154, 1, null],
    ['１８，７３５', 18735, 1, null],
    ['６１．５', 61.5, 1, null],
    ['-34', -34, 1, null],
    ['−34', -34, 1, null],
    ['－30', -30, 1, null],
    ['+12', 12, 1, null],
    ['139.76万', 139.76, 1e4, null],
    ['1.2亿', 1.2, 1e8, null],
    ['3千', 3, 1e3, null],
    ['96.6%', 96.6, 1, '%'],
    ['96.6％', 96.6, 1, '%'],
    ['-34%', -34, 1, '%'],
    ['154处', 154, 1, '处'],
    ['139.76万元', 139.76, 1, '万元'],
    ['8.5万人次', 8.5, 1, '万人次'],
    ['0.5个百分点', 0.5, 1, '个百分点'],
  ])('%s → %s × %s %s', (cell, number, multiplier, unit) => {
    expect(readValue(cell)).toEqual({ ok: true, value: { number, multiplier, unit } });
  });

  it.each<[LedgerCell, string]>([
    ['十个', '数值“十个”不是数字'],
    ['待统计', '数值“待统计”不是数字'],
    ['—', '数值“—”不是数字'],
    ['n/a', '数值“n/a”不是数字'],
    ['12,34', '数值“12,34”不是数字'],
    ['1.2.3', '数值“1.2.3”不是数字'],
    ['154 处 元', '数值“154 处 元”不是数字'],
    ['', '缺少数值'],
    [null, '缺少数值'],
    [Number.NaN, '数值不是有限数'],
    [{ fault: 'formula_error', text: '#REF!' }, '公式结果为错误值#REF!'],
  ])('refuses %s', (cell, zh) => {
    expect(readValue(cell)).toMatchObject({ ok: false, field: 'value', zh });
  });

  it.each(['3400余', '800多', '约8.5万', '近300', '超过5000', '100左右', '3400余次'])(
    'refuses the inexact %s, pointing to the note',
    (cell) => {
      const reading = readValue(cell);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.zh).toContain('口径说明');
    },
  );
});

describe('readYear', () => {
  it.each<[LedgerCell, number]>([
    [2016, 2016],
    ['2016', 2016],
    ['2016年', 2016],
    ['2016年度', 2016],
    ['２０１７', 2017],
    ['2016.0', 2016],
  ])('%s → %s', (cell, year) => {
    expect(readYear(cell)).toEqual({ ok: true, value: year });
  });

  it.each<[LedgerCell, string]>([
    ['二〇一六', '年度“二〇一六”不是年份'],
    ['16', '年度“16”不是年份'],
    [2016.5, '年度“2016.5”不是年份'],
    ['2016-2017', '年度“2016-2017”不是年份'],
    ['3016', '年度“3016”不是年份'],
    ['', '缺少年度'],
  ])('refuses %s', (cell, zh) => {
    expect(readYear(cell)).toMatchObject({ ok: false, field: 'year', zh });
  });
});

describe('resolveValue', () => {
  const plain = (number: number, multiplier = 1, unit: string | null = null) => ({
    number,
    multiplier,
    unit,
  });

  it.each<[ReturnType<typeof plain>, LedgerCell, string | null, number, string]>([
    [plain(139.76), '万元', null, 1397600, '元'],
    [plain(139.76, 1e4), '元', null, 1397600, '元'],
    [plain(15.4), '万元', null, 154000, '元'],
    [plain(52.8), '万平方米', null, 528000, '平方米'],
    [plain(8.5), '万人次', null, 85000, '人次'],
    [plain(3), '公顷', null, 30000, '平方米'],
    [plain(96.6, 1, '%'), null, null, 96.6, '%'],
    [plain(96.6, 1, '%'), '%', null, 96.6, '%'],
    [plain(96.6, 1, '％'), '%', null, 96.6, '%'],
    [plain(139.76, 1, '万元'), '万元', null, 1397600, '元'],
    [plain(152.34), null, '万元', 1523400, '元'],
    [plain(154), '处', '万元', 154, '处'],
    [plain(8), '名', null, 8, '名'],
    [plain(7), '年', null, 7, '年'],
  ])('%o with unit %s (hint %s) → %s %s', (written, unit, hint, value, canonical) => {
    expect(resolveValue(written, unit, hint)).toEqual({ ok: true, value: { value, unit: canonical } });
  });

  it.each<[ReturnType<typeof plain>, LedgerCell, string]>([
    [plain(154), null, '缺少计量单位'],
    [plain(154), '', '缺少计量单位'],
    [plain(70), '件套', '未知计量单位“件套”'],
    [plain(96.6, 1, '%'), '件', '数值中的单位“%”与计量单位“件”不一致'],
    [plain(139.76, 1, '万元'), '元', '数值中的单位“万元”与计量单位“元”不一致'],
    [plain(139.76, 1e4), '万元', '数值和计量单位“万元”都带了数量级(万/亿),无法确定数值大小'],
  ])('%o with unit %s is refused', (written, unit, zh) => {
    expect(resolveValue(written, unit, null)).toMatchObject({ ok: false, field: 'unit', zh });
  });
});
