import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedText } from '../../evals/figures-gold.ts';
import { checkText } from '../../server/figures/check/check.ts';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';
import { indexLedger, matchMetric } from '../../server/figures/lookup/match.ts';
import { formatLike, formatValue, toChineseNumeral } from '../../server/figures/quantities/format.ts';
import { parseQuantity } from '../../server/figures/quantities/quantity.ts';
import { corpusDir } from '../../server/paths.ts';

/** [new value in base units, example surface, expected surface] */
const likeCases: [number, string, string][] = [
  [3650, '3400余次', '3600余次'],
  [3600, '3400余次', '3600次'],
  [3060, '3400余次', '3060次'],
  [3120, '3400余次', '3100余次'],
  [1523400, '139.76万元', '152.34万元'],
  [1500000, '139.76万元', '150.00万元'],
  [153960, '15.4万元', '15.4万元'],
  [168000, '15.4万元', '16.8万元'],
  [12, '同比下降34%', '同比增长12%'],
  [-5, '同比增长12%', '同比下降5%'],
  [-25, '同比下降34%', '同比下降25%'],
  [0, '同比下降34%', '同比持平'],
  [-120, '比上年增加120人', '比上年减少120人'],
  [1.5, '提高了2个百分点', '提高了1.5个百分点'],
  [12, '八名', '十二名'],
  [2650, '二千四百余场', '二千六百余场'],
  [19001, '18,735件', '19,001件'],
  [1234567, '1,032.6万元', '123.5万元'],
  [91234, '约8.5万余人次', '约9.1万余人次'],
  [5320, '超过5000人', '超过5000人'],
  [5000, '超过5000人', '5000人'],
  [2950, '不到3000人', '不到3000人'],
  [3000, '不到3000人', '3000人'],
  [97.23, '96.6%', '97.2%'],
  [99.6, '100%', '99.6%'],
  [40, '百分之三十四', '百分之四十'],
  [3, '两个', '三个'],
  [2, '两个', '两个'],
  [3, '全区第一', '全区第三'],
  [160, '154处', '160处'],
  [11, '十家', '十一家'],
  [8, '七年', '八年'],
  [70, '八成', '七成'],
  [200, '１５４处', '２００处'],
  [23, '15-20人', '23人'],
  [62000, '5.2万平方米', '6.2万平方米'],
  [2000, '两千人', '两千人'],
  [101, '一百五十四处', '一百零一处'],
  [3300, '约3000人', '约3300人'],
  [250, '250余人次', '250人次'],
  [268, '250余人次', '260余人次'],
];

describe('formatLike', () => {
  it.each(likeCases)('%d in the style of %s → %s', (value, example, expected) => {
    expect(formatLike(value, example)).toBe(expected);
  });

  it('writes a value that reads back as the same value within its written precision', () => {
    for (const [value, example] of likeCases) {
      const written = formatLike(value, example);
      const q = parseQuantity(written);
      if (!q || written === '同比持平' || example.includes('第')) continue;
      expect(value >= q.low - 1e-6 && value <= q.high + 1e-6, `${written} holds ${value}`).toBe(true);
    }
  });
});

describe('formatLike carrying a report forward', () => {
  it('rewrites the 2016 seed with 2017 values that the checker then supports, with no contradiction', async () => {
    const read = (name: string) => {
      const file = join(corpusDir, 'ledgers', name);
      return parseLedger(readFileSync(file), file);
    };
    const [ledger2016, ledger2017] = await Promise.all([
      read('ganquan-2016.csv'),
      read('ganquan-2017-sample.csv'),
    ]);
    const text = seedText();
    const index = indexLedger(ledger2016);
    let draft = '';
    let at = 0;
    let carried = 0;
    for (const c of extractClaims(text)) {
      const context = text.slice(c.sentenceStart, c.sentenceEnd);
      const match = matchMetric({ subject: c.subject, context, unit: c.unit, kind: c.kind }, index, 2016);
      const next = ledger2017.find((r) => r.year === 2017 && r.metric === match.best?.record.metric);
      draft += text.slice(at, c.start) + (next ? formatLike(next.value, c.text) : c.text);
      if (next) carried++;
      at = c.end;
    }
    draft = (draft + text.slice(at)).replace('2016年工作总结', '2017年工作总结');
    const result = checkText(draft, [...ledger2016, ...ledger2017], {});
    expect(carried).toBe(43);
    expect(result.summary).toEqual({ supported: 43, contradicted: 0, unverified: 7 });
  });
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [154, '一百五十四'],
    [1005, '一千零五'],
    [2400, '二千四百'],
    [10005, '一万零五'],
    [35000, '三万五千'],
    [100500, '十万零五百'],
    [120000000, '一亿二千万'],
  ])('%d → %s', (n, zh) => {
    expect(toChineseNumeral(n)).toBe(zh);
  });

  it('writes 两 for a leading 2 when asked', () => {
    expect(toChineseNumeral(2, true)).toBe('两');
    expect(toChineseNumeral(2000, true)).toBe('两千');
  });
});

describe('formatValue', () => {
  it.each([
    [1397600, '元', '139.76万元'],
    [235000000, '元', '2.35亿元'],
    [528000, '平方米', '52.8万平方米'],
    [9058, '平方米', '9058平方米'],
    [-34, '%', '-34%'],
    [2, '个百分点', '2个百分点'],
    [154, '处', '154处'],
  ])('%d %s → %s', (value, unit, shown) => {
    expect(formatValue(value, unit)).toBe(shown);
  });
});
