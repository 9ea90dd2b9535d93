import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/figures/check/check.ts';
import { checkConsistency, partsOfTotal } from '../../server/figures/check/consistency.ts';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import { records } from './records.ts';

/** Checks a text without any ledger: only what the text says about itself. */
function verdicts(text: string): Record<string, string> {
  return Object.fromEntries(checkText(text, [], { year: 2016 }).claims.map((c) => [c.text, c.verdict]));
}

describe('parts and their total', () => {
  it('accepts parts that add up (154处,其中存量120处、新增34处)', () => {
    expect(verdicts('全年拆除违法建筑154处,其中存量120处、新增34处。')['154处']).toBe('supported');
  });

  it('contradicts a total its parts exceed', () => {
    const r = checkText('全年拆除违法建筑154处,其中存量120处、新增40处。', [], { year: 2016 });
    const total = r.claims.find((c) => c.text === '154处')!;
    expect(total.verdict).toBe('contradicted');
    expect(total.expected).toBe(160);
    expect(total.explanation).toContain('前后不一致');
    expect(r.summary.contradicted).toBe(1);
  });

  it.each([
    [
      'a smaller sum: 其中 may name only the main parts',
      '全年拆除违法建筑154处,其中存量120处、新增30处。',
      '154处',
    ],
    [
      'thresholds are nested, not a breakdown',
      '全年引进企业41家,其中千万元以上企业30家、亿元以上4家。',
      '41家',
    ],
    [
      'thresholds, with a sum above the total',
      '全年引进企业31家,其中千万元以上企业30家、亿元以上4家。',
      '31家',
    ],
    ['an honour singles out some', '全街道小区45个,其中30个获评市级示范小区、20个获评区级示范小区。', '45个'],
  ])('says nothing about the total when %s', (_what, text, total) => {
    expect(verdicts(text)[total]).toBe('unverified');
  });

  it('contradicts parts that exceed the total even when the list ends with 等', () => {
    expect(verdicts('拆除违法建筑154处,其中存量120处、新增44处等。')['154处']).toBe('contradicted');
  });

  it('says nothing when a smaller sum lists only some parts (…等)', () => {
    expect(verdicts('拆除违法建筑154处,其中存量120处、新增20处等。')['154处']).toBe('unverified');
  });

  it('uses rounded parts honestly (1.2万 + 0.8万 = 2万)', () => {
    expect(verdicts('服务居民2万人次,其中老年人1.2万人次、残疾人0.8万人次。')['2万人次']).toBe('supported');
  });

  it('needs two parts of the same unit after 其中', () => {
    const claims = extractClaims('拆除违法建筑154处,9058平方米,其中存量120处。');
    expect(partsOfTotal(claims[0], claims, '拆除违法建筑154处,9058平方米,其中存量120处。', 0)).toEqual([]);
  });
});

describe('the same metric stated twice', () => {
  it('contradicts a second, different value of the same subject', () => {
    const text = '全年拆除违法建筑154处,9058平方米。\n综上,全年拆除违法建筑160处。';
    const r = checkText(text, [], { year: 2016 });
    const second = r.claims.find((c) => c.text === '160处')!;
    expect(second.verdict).toBe('contradicted');
    expect(second.expected).toBe(154);
    expect(r.claims.find((c) => c.text === '154处')!.verdict).toBe('unverified');
  });

  it('accepts the same value stated twice, and different years of one subject', () => {
    expect(verdicts('全年拆除违法建筑154处。年底前拆除违法建筑154处。')['154处']).toBe('unverified');
    const r = checkText('2015年拆除违法建筑120处,2016年拆除违法建筑154处。', [], { year: 2016 });
    expect(r.summary.contradicted).toBe(0);
  });

  it('leaves claims the ledger settled alone', () => {
    const text = '全年拆除违法建筑154处。全年拆除违法建筑160处。';
    const ledger = records([[2016, '拆除违法建筑处数', 154, '处']]);
    const r = checkText(text, ledger, { year: 2016 });
    expect(r.claims.map((c) => c.verdict)).toEqual(['supported', 'contradicted']);
    expect(r.claims[1].explanation).toMatch(/^与台账不符/);
  });

  it('returns one slot per claim', () => {
    const text = '全年拆除违法建筑154处。接受捐赠15.4万元。';
    const claims = extractClaims(text);
    expect(
      checkConsistency(
        claims,
        text,
        claims.map(() => null),
      ),
    ).toHaveLength(2);
  });
});
