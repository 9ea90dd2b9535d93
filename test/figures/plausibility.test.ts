import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/figures/check/check.ts';
import { ledgerWarnings } from '../../server/figures/lookup/plausibility.ts';
import type { LedgerRecord } from '../../server/figures/types.ts';
import { records } from './records.ts';

/** [what, the ledger, the metric flagged (null: none), words of the message] */
const ledgers: [string, LedgerRecord[], string | null, RegExp][] = [
  [
    'a part larger than its whole',
    records([
      [2023, '居民区数', 45, '个'],
      [2023, '完成美丽家园建设居民区数', 48, '个'],
    ]),
    '完成美丽家园建设居民区数',
    /多于其总体“居民区数”45个/,
  ],
  [
    'more days than the year has',
    records([[2023, '社区食堂开放天数', 380, '天']]),
    '社区食堂开放天数',
    /超过全年天数/,
  ],
  [
    'a share over 100%',
    records([[2023, '家庭医生签约覆盖率', 104.5, '%']]),
    '家庭医生签约覆盖率',
    /超过100%/,
  ],
  [
    'a 同比 the two years contradict',
    records([
      [2022, '信访量', 1000, '件'],
      [2023, '信访量', 660, '件'],
      [2023, '信访量同比变化', 34, '%'],
    ]),
    '信访量同比变化',
    /应为-34%/,
  ],
  [
    'a 同比 the two years agree with (rounded)',
    records([
      [2022, '信访量', 1000, '件'],
      [2023, '信访量', 662, '件'],
      [2023, '信访量同比变化', -34, '%'],
    ]),
    null,
    /./,
  ],
  ['a completion rate over 100% is possible', records([[2023, '拆违销项完成率', 142.7, '%']]), null, /./],
  [
    'a part of another kind is no part (停车位 of 小区)',
    records([
      [2023, '小区数', 45, '个'],
      [2023, '小区停车位数', 1200, '个'],
    ]),
    null,
    /./,
  ],
  [
    'a target larger than what was done is no part',
    records([
      [2023, '帮助就业困难人员就业人数', 85, '人'],
      [2023, '帮助就业困难人员就业年度目标', 90, '人'],
    ]),
    null,
    /./,
  ],
  ['a running total of days', records([[2023, '累计志愿服务天数', 900, '天']]), null, /./],
  [
    'a higher bound counting more than a lower one',
    records([
      [2023, '村级集体经营性收入超过100万元的村数', 6, '个'],
      [2023, '村级集体经营性收入超过200万元的村数', 8, '个'],
    ]),
    '村级集体经营性收入超过200万元的村数',
    /多于门槛更低的“村级集体经营性收入超过100万元的村数”6个/,
  ],
  [
    'bounds written after the number (亿元以上 within 5000万元以上)',
    records([
      [2023, '新签约5000万元以上项目数', 11, '个'],
      [2023, '新签约亿元以上项目数', 5, '个'],
      [2023, '新签约1亿元以上项目数', 12, '个'],
    ]),
    '新签约1亿元以上项目数',
    /多于门槛更低/,
  ],
  [
    'bounds on different things are not nested',
    records([
      [2023, '收入超过100万元的村数', 6, '个'],
      [2023, '产值超过200万元的企业数', 8, '个'],
    ]),
    null,
    /./,
  ],
];

describe('ledger plausibility', () => {
  it.each(ledgers)('%s', (_what, ledger, flagged, message) => {
    const warnings = ledgerWarnings(ledger);
    expect(warnings.map((w) => w.record.metric)).toEqual(flagged ? [flagged] : []);
    if (flagged) {
      expect(warnings[0].message_zh).toMatch(message);
      expect(warnings[0].message_zh).toMatch(/^第\d+行/);
      expect(warnings[0].message_en).toMatch(/implausible/);
    }
  });

  it('never rests a 不符 on an implausible row', () => {
    const ledger = records([
      [2023, '居民区数', 45, '个'],
      [2023, '完成美丽家园建设居民区数', 48, '个'],
    ]);
    const claim = checkText('完成美丽家园建设居民区40个。', ledger, { year: 2023 }).claims[0];
    expect(claim.verdict).toBe('unverified');
    expect(claim.explanation).toMatch(/不合常理/);
    expect(claim.candidates).toEqual(['完成美丽家园建设居民区数']);
  });
});

describe('implausible figures of a text: their own kind of finding', () => {
  const ledger = records([
    [2023, '家庭医生签约覆盖率', 95, '%'],
    [2023, '居民区数', 45, '个'],
  ]);

  it.each([
    ['a share over 100%', '老年人健康体检覆盖率达105%。', '达105%'],
    ['a share named by 占', '老年人口2.1万人,占户籍人口的115%。', '115%'],
    ['more days than the year has', '社区食堂全年开放380天。', '380天'],
    ['a part larger than its whole', '全街道45个居民区,其中48个完成美丽家园建设。', '48个'],
  ])('%s: %s', (_what, text, figure) => {
    const result = checkText(text, ledger, { year: 2023 });
    const claim = result.claims.find((c) => c.text === figure);
    expect(claim).toMatchObject({ verdict: 'unverified', implausible: true });
    expect(claim?.explanation).toMatch(/^不合常理/);
    expect(result.summary.contradicted).toBe(0);
    expect(result.summary.implausible).toBe(1);
  });

  it('keeps a certain 不符 when the ledger says otherwise too', () => {
    const claim = checkText('家庭医生签约覆盖率达150%。', ledger, { year: 2023 }).claims[0];
    expect(claim).toMatchObject({ verdict: 'contradicted', implausible: true, expected: 95 });
    expect(claim.explanation).toMatch(/不合常理/);
  });

  it.each([
    ['a completion over 100%', '完成率达142.7%。'],
    ['a running total of days', '累计开放900天。'],
    ['a part within its whole', '全街道45个居民区,其中40个完成美丽家园建设。'],
  ])('leaves alone %s', (_what, text) => {
    const result = checkText(text, ledger, { year: 2023 });
    expect(result.claims.some((c) => c.implausible)).toBe(false);
    expect(result.summary.implausible).toBeUndefined();
  });
});
