import { describe, expect, it } from 'vitest';
import { normalizeUnit, unitsCompatible, writtenUnits } from '../../server/figures/quantities/units.ts';

describe('normalizeUnit', () => {
  it.each([
    ['万元', '元', 1e4, 'amount'],
    ['亿元', '元', 1e8, 'amount'],
    ['公顷', '平方米', 1e4, 'area'],
    ['万平方米', '平方米', 1e4, 'area'],
    ['公里', '米', 1000, 'length'],
    ['万吨', '吨', 1e4, 'weight'],
    ['万人次', '人次', 1e4, 'count'],
    ['个百分点', '个百分点', 1, 'pp'],
    ['％', '%', 1, 'percent'],
    ['个月', '年', 1 / 12, 'duration'],
    ['周岁', '岁', 1, 'duration'],
    [' 户 ', '户', 1, 'count'],
  ])('%s → %s ×%d (%s)', (written, unit, factor, kind) => {
    expect(normalizeUnit(written)).toEqual({ unit, factor, kind });
  });

  it('returns null for unknown units and object keys', () => {
    for (const u of ['弄', '号', '级', 'constructor', 'toString', '']) expect(normalizeUnit(u)).toBeNull();
  });
});

describe('unitsCompatible', () => {
  it('treats measure-word synonyms as one unit', () => {
    expect(unitsCompatible('名', '人')).toBe(true);
    expect(unitsCompatible('家庭', '户')).toBe(true);
    expect(unitsCompatible('元', '元')).toBe(true);
    expect(unitsCompatible('处', '平方米')).toBe(false);
    expect(unitsCompatible('人次', '人')).toBe(false);
  });
});

describe('writtenUnits', () => {
  it('lists longer units before their prefixes so 个百分点 wins over 个', () => {
    expect(writtenUnits.indexOf('个百分点')).toBeLessThan(writtenUnits.indexOf('个'));
    expect(writtenUnits.indexOf('人次')).toBeLessThan(writtenUnits.indexOf('人'));
    for (const u of writtenUnits) expect(normalizeUnit(u), u).not.toBeNull();
  });
});
