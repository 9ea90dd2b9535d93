import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedText } from '../../evals/figures-gold.ts';
import { checkText, resolveYear } from '../../server/figures/check/check.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';
import type { LedgerRecord } from '../../server/figures/types.ts';
import { corpusDir } from '../../server/paths.ts';
import { records } from './records.ts';

let ledger2016: LedgerRecord[] = [];
let ledger2017: LedgerRecord[] = [];
beforeAll(async () => {
  const read = (name: string) => {
    const file = join(corpusDir, 'ledgers', name);
    return parseLedger(readFileSync(file), file);
  };
  ledger2016 = await read('ganquan-2016.csv');
  ledger2017 = await read('ganquan-2017-sample.csv');
});

describe('checkText on the seed report', () => {
  it('supports every figure of the seed against its 2016 ledger', () => {
    const result = checkText(seedText(), ledger2016, {});
    expect(result.summary).toEqual({ supported: 50, contradicted: 0, unverified: 0 });
  });

  it('contradicts a changed figure and names the ledger row', () => {
    const text = seedText().replace('拆除违法建筑154处', '拆除违法建筑164处');
    const result = checkText(text, ledger2016, {});
    expect(result.summary.contradicted).toBe(1);
    const claim = result.claims.find((c) => c.verdict === 'contradicted')!;
    expect(text.slice(claim.start, claim.end)).toBe('164处');
    expect(claim).toMatchObject({
      text: '164处',
      value: 164,
      unit: '处',
      kind: 'count',
      metric: '拆除违法建筑处数',
      expected: 154,
      source: 'ganquan-2016.csv 第14行 拆除违法建筑处数',
    });
    expect(claim.explanation).toBe('与台账不符:拆除违法建筑处数为154处,文中“164处”。');
  });

  it('keeps the JSON contract of govdraft check --json', () => {
    const result = checkText(seedText(), ledger2016, {});
    expect(Object.keys(result).sort()).toEqual(['claims', 'summary']);
    for (const c of result.claims) {
      expect(Object.keys(c).sort()).toEqual(
        [
          'end',
          'expected',
          'explanation',
          'kind',
          'metric',
          'qualifier',
          'source',
          'start',
          'text',
          'unit',
          'value',
          'verdict',
        ].sort(),
      );
    }
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('checks the seed against the 2017 sample ledger when told the year is 2017', () => {
    const result = checkText(seedText(), ledger2017, { year: 2017 });
    const visits = result.claims.find((c) => c.text === '下降34%')!;
    expect(visits.verdict).toBe('contradicted');
    expect(visits.expected).toBe(-12);
  });
});

describe('one figure for two subjects', () => {
  const text = '做好双拥工作,退伍士兵安置率和自谋职业率均为100%;年度征兵任务完成。';

  it('is supported only when both subjects hold', () => {
    const both = records([
      [2016, '退伍士兵安置率', 100, '%'],
      [2016, '退伍士兵自谋职业率', 100, '%'],
    ]);
    expect(checkText(text, both, { year: 2016 }).claims[0]).toMatchObject({
      verdict: 'supported',
      metric: '退伍士兵安置率、退伍士兵自谋职业率',
    });
  });

  it('is contradicted when either subject does not hold', () => {
    const one = records([
      [2016, '退伍士兵安置率', 100, '%'],
      [2016, '退伍士兵自谋职业率', 95, '%'],
    ]);
    expect(checkText(text, one, { year: 2016 }).claims[0]).toMatchObject({
      verdict: 'contradicted',
      metric: '退伍士兵自谋职业率',
      expected: 95,
    });
  });

  it('stays unverified when the ledger holds only one of them', () => {
    const claim = checkText(text, records([[2016, '退伍士兵安置率', 100, '%']]), { year: 2016 }).claims[0];
    expect(claim.verdict).toBe('unverified');
    expect(claim.explanation).toContain('自谋职业率');
  });
});

describe('one ledger value fills one figure', () => {
  const ledger = records([
    [2023, '结婚登记对数', 8960, '对'],
    [2023, '离婚登记对数', 3640, '对'],
  ]);
  const text = '全年办理婚姻登记1.26万对,其中结婚登记8960对、离婚登记3640对,离婚冷静期撤回申请412对。';

  it('leaves a figure unverified when another figure of the text names the row more closely', () => {
    const claims = checkText(text, ledger, { year: 2023 }).claims;
    const verdict = (t: string) => claims.find((c) => c.text === t)?.verdict;
    expect([verdict('8960对'), verdict('3640对'), verdict('412对')]).toEqual([
      'supported',
      'supported',
      'unverified',
    ]);
    expect(claims.find((c) => c.text === '412对')!.explanation).toContain('已对应文中“3640对”');
  });

  it('still contradicts the closest figure when it is changed', () => {
    const changed = text.replace('3640对', '3650对');
    const claims = checkText(changed, ledger, { year: 2023 }).claims;
    expect(claims.find((c) => c.text === '3650对')!.verdict).toBe('contradicted');
    expect(claims.find((c) => c.text === '412对')!.verdict).toBe('unverified');
  });

  it('keeps a figure restated in the same words: both are the row', () => {
    const twice = '全年结婚登记8960对。其中,6月结婚登记较多;全年结婚登记8970对。';
    const claims = checkText(twice, ledger, { year: 2023 }).claims;
    expect(claims.map((c) => c.verdict)).toEqual(['supported', 'contradicted']);
  });

  it('reads an item of a 其中 list by its own words, and an unnamed one as no part', () => {
    const unnamed = checkText('全年办理婚姻登记1.26万对,其中8960对。', ledger, { year: 2023 }).claims;
    expect(unnamed.find((c) => c.text === '8960对')!.verdict).toBe('unverified');
  });
});

describe('ambiguous matches', () => {
  const ledger = records([
    [2016, '创建市级文明单位数', 2, '个'],
    [2016, '创建区级文明单位数', 3, '个'],
  ]);

  it('are unverified with the candidates listed when the candidates disagree', () => {
    const claim = checkText('指导创建文明单位2个。', ledger, { year: 2016 }).claims[0];
    expect(claim).toMatchObject({ verdict: 'unverified', metric: null, expected: null });
    expect(claim.candidates).toEqual(['创建市级文明单位数', '创建区级文明单位数']);
  });

  it('stay unverified when every candidate disagrees: the figure may be none of them (here their sum)', () => {
    const claim = checkText('指导创建文明单位5个。', ledger, { year: 2016 }).claims[0];
    expect(claim).toMatchObject({ verdict: 'unverified', metric: null, expected: null });
    expect(claim.explanation).toContain('创建区级文明单位数为3个');
    expect(claim.candidates).toEqual(['创建市级文明单位数', '创建区级文明单位数']);
  });

  it('are supported when every candidate holds the figure', () => {
    const same = records([
      [2016, '创建市级文明单位数', 2, '个'],
      [2016, '创建区级文明单位数', 2, '个'],
    ]);
    const claim = checkText('指导创建文明单位2个。', same, { year: 2016 }).claims[0];
    expect(claim.verdict).toBe('supported');
    expect(claim.candidates).toEqual(['创建市级文明单位数', '创建区级文明单位数']);
  });
});

describe('year resolution', () => {
  const ledger = records([
    [2015, '拆除违法建筑处数', 120, '处'],
    [2016, '拆除违法建筑处数', 154, '处'],
  ]);

  it('prefers the option, then the report title, then the ledger latest year', () => {
    expect(resolveYear('甘泉路街道2016年工作总结\n…', ledger, 2015)).toBe(2015);
    expect(resolveYear('甘泉路街道2015年工作总结\n全年拆除违法建筑154处。', ledger)).toBe(2015);
    expect(resolveYear('全年拆除违法建筑154处。', ledger)).toBe(2016);
    expect(resolveYear('全年拆除违法建筑154处。', [])).toBeNull();
  });

  it('checks against the resolved year', () => {
    const text = '甘泉路街道2015年工作总结\n全年拆除违法建筑154处。';
    expect(checkText(text, ledger).claims[0]).toMatchObject({ verdict: 'contradicted', expected: 120 });
    expect(checkText(text, ledger, { year: 2016 }).claims[0].verdict).toBe('supported');
  });
});

describe('checkText on unusual input', () => {
  it('returns an empty result for an empty text and a text without figures', () => {
    const empty = { claims: [], summary: { supported: 0, contradicted: 0, unverified: 0 } };
    expect(checkText('', ledger2016)).toEqual(empty);
    expect(checkText('丰富为老服务内涵。完善多元帮扶工作。', ledger2016)).toEqual(empty);
  });

  it('leaves every claim unverified, with the reason, when no ledger is given', () => {
    const result = checkText('全年拆除违法建筑154处。', []);
    expect(result.claims[0]).toMatchObject({
      verdict: 'unverified',
      metric: null,
      expected: null,
      source: null,
    });
    expect(result.claims[0].explanation).toBe('未提供台账,无法核对。');
  });

  it('says which year had no metric', () => {
    const result = checkText('全年新开通公交线路3条。', ledger2016, { year: 2016 });
    expect(result.claims[0].explanation).toBe('台账中没有2016年与“新开通公交线路”对应的指标。');
  });

  it('keeps its contract on random strings of digits, numerals, units and punctuation', () => {
    const alphabet = [
      ...'0123456789０１２,.，．%％万亿千百十一二两三四五零〇余多约近超过达不到以上以下左右第年月处人次户元平方米个百分点倍成分之同比增长下降比上年增加减少“”《》[]()。;\n-~至累计日均其中等占率',
    ];
    let state = 42;
    const next = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
    const ledger = records([[2016, '拆除违法建筑处数', 154, '处']]);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      const result = checkText(text, ledger, { year: 2016 });
      for (const c of result.claims) {
        expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(Number.isFinite(c.value)).toBe(true);
      }
      const { supported, contradicted, unverified } = result.summary;
      expect(supported + contradicted + unverified).toBe(result.claims.length);
    }
  });

  // Pure CPU work: the timeout is only a last guard for a machine busy with other jobs.
  it('checks a 10 MB text without failing', { timeout: 240_000 }, () => {
    const seed = seedText();
    const copies = Math.ceil((10 * 1024 * 1024) / (seed.length * 3));
    const result = checkText(seed.repeat(copies), ledger2016, {});
    expect(result.claims).toHaveLength(50 * copies);
    expect(result.summary.contradicted).toBe(0);
  });
});

describe('checkText and 【待核实】 markers', () => {
  it('leaves last year figures inside a pending marker unverified, never matched to a metric', () => {
    const ledger = records([[2017, '第五批共有产权房选房户数', 600, '户']]);
    const text = '甘泉路街道2017年工作总结\n完成第五批【待核实:上年为538户】共有产权房居民选房。';
    const result = checkText(text, ledger, { year: 2017 });
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({
      text: '538户',
      verdict: 'unverified',
      metric: null,
      expected: null,
    });
    expect(result.claims[0].explanation).toContain('待核实');
    expect(result.summary).toEqual({ supported: 0, contradicted: 0, unverified: 1 });
  });
});

describe('listed items with bounds', () => {
  it('matches each item to the row of its own bound', () => {
    const ledger = records([
      [2023, '收入超过100万元的村数', 6, '个'],
      [2023, '收入超过200万元的村数', 2, '个'],
    ]);
    const claims = checkText(
      '村级集体经营性收入全部超过50万元,其中超过100万元的村6个、超过200万元的村2个。',
      ledger,
      {
        year: 2023,
      },
    ).claims;
    expect(claims.filter((c) => c.unit === '个').map((c) => [c.text, c.verdict, c.metric])).toEqual([
      ['6个', 'supported', '收入超过100万元的村数'],
      ['2个', 'supported', '收入超过200万元的村数'],
    ]);
  });
});
