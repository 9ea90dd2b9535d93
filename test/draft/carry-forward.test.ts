import { describe, expect, it } from 'vitest';
import { carryChecked, carryParagraph } from '../../server/draft/carry-forward.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { checkText, indexLedger } from '../../server/figures/index.ts';
import { row } from './corpus.ts';

const years = { from: 2016, to: 2017 };

const carry = (text: string, ledger: LedgerRecord[]) => carryParagraph(text, indexLedger(ledger), years);

describe('carryParagraph: figures in their written form', () => {
  const cases: { name: string; text: string; ledger: LedgerRecord[]; want: string; status: string }[] = [
    {
      name: '余 recomputed within the hundred',
      text: '社区互助养老服务全年服务3400余次。',
      ledger: [row(2016, '社区互助养老服务次数', 3400, '次'), row(2017, '社区互助养老服务次数', 3650, '次')],
      want: '社区互助养老服务全年服务3600余次。',
      status: 'updated',
    },
    {
      name: '余 dropped when the new value is exact',
      text: '社区互助养老服务全年服务3400余次。',
      ledger: [row(2016, '社区互助养老服务次数', 3400, '次'), row(2017, '社区互助养老服务次数', 3700, '次')],
      want: '社区互助养老服务全年服务3700次。',
      status: 'updated',
    },
    {
      name: '万元 with two decimals',
      text: '元旦、春节帮困救助总金额139.76万元。',
      ledger: [
        row(2016, '元旦春节帮困救助总金额', 1397600, '元'),
        row(2017, '元旦春节帮困救助总金额', 1523400, '元'),
      ],
      want: '元旦、春节帮困救助总金额152.34万元。',
      status: 'updated',
    },
    {
      name: 'thousands commas',
      text: '网格中心全年受理案件18,735件。',
      ledger: [row(2016, '网格中心受理案件数', 18735, '件'), row(2017, '网格中心受理案件数', 20416, '件')],
      want: '网格中心全年受理案件20,416件。',
      status: 'updated',
    },
    {
      name: 'Chinese numerals',
      text: '街道连续七年成功创建上海市平安社区。',
      ledger: [
        row(2016, '连续创建上海市平安社区年数', 7, '年'),
        row(2017, '连续创建上海市平安社区年数', 8, '年'),
      ],
      want: '街道连续八年成功创建上海市平安社区。',
      status: 'updated',
    },
    {
      name: 'a rank',
      text: '拆违完成率名列全区第一。',
      ledger: [row(2016, '拆违完成率全区排名', 1, '名'), row(2017, '拆违完成率全区排名', 2, '名')],
      want: '拆违完成率名列全区第二。',
      status: 'updated',
    },
    {
      name: '同比 recomputed from both years, direction kept',
      text: '全年信访量同比下降34%。',
      ledger: [row(2016, '信访量', 425, '件'), row(2017, '信访量', 374, '件')],
      want: '全年信访量同比下降12%。',
      status: 'recomputed',
    },
    {
      name: '同比 recomputed, 下降 becomes 增长 with one decimal where the integer would round',
      text: '全年信访量同比下降34%。',
      ledger: [row(2016, '信访量', 425, '件'), row(2017, '信访量', 500, '件')],
      want: '全年信访量同比增长17.6%。',
      status: 'recomputed',
    },
    {
      name: '百分点 from two years of a rate',
      text: '就业率比上年提高2个百分点。',
      ledger: [row(2016, '就业率', 95, '%'), row(2017, '就业率', 96.5, '%')],
      want: '就业率比上年提高1.5个百分点。',
      status: 'recomputed',
    },
    {
      name: '同比 as the ledger states it when the levels are missing',
      text: '全年信访量同比下降34%。',
      ledger: [row(2016, '信访量同比变化', -34, '%'), row(2017, '信访量同比变化', -12, '%')],
      want: '全年信访量同比下降12%。',
      status: 'updated',
    },
    {
      name: 'a rate from its parts',
      text: '网格中心受理案件200件,办结190件,办结率95%。',
      ledger: [
        row(2016, '网格中心受理案件数', 200, '件'),
        row(2016, '网格中心办结案件数', 190, '件'),
        row(2017, '网格中心受理案件数', 250, '件'),
        row(2017, '网格中心办结案件数', 240, '件'),
      ],
      want: '网格中心受理案件250件,办结240件,办结率96%。',
      status: 'recomputed',
    },
    {
      name: 'no new value: a visible marker',
      text: '完成库内销项任务量4280平方米。',
      ledger: [row(2016, '库内销项任务量', 4280, '平方米'), row(2017, '拆除违法建筑处数', 127, '处')],
      want: '完成库内销项任务量【待核实:上年为4280平方米】。',
      status: 'pending',
    },
    {
      name: 'no new value after 达: 达 stays outside the marker',
      text: '完成率达142.7%。',
      ledger: [row(2016, '拆违销项完成率', 142.7, '%'), row(2017, '拆除违法建筑处数', 127, '处')],
      want: '完成率达【待核实:上年为142.7%】。',
      status: 'pending',
    },
    {
      name: 'without last year’s ledger the figure is matched in this year’s',
      text: '全年共计拆除违法建筑154处。',
      ledger: [row(2017, '拆除违法建筑处数', 127, '处')],
      want: '全年共计拆除违法建筑127处。',
      status: 'updated',
    },
  ];
  it.each(cases)('$name', ({ text, ledger, want, status }) => {
    const carried = carry(text, ledger);
    expect(carried.text).toBe(want);
    expect(carried.figures.map((f) => f.status)).toContain(status);
    for (const f of carried.figures) expect(carried.text.slice(f.start, f.end)).toBe(f.text);
    expect(checkText(carried.text, ledger, { year: 2017 }).summary.contradicted).toBe(0);
  });

  it('moves the report year forward but not a span of years', () => {
    const carried = carry('2016年完成改造,2011-2015年累计投入,2016-2020年规划。', [
      row(2017, '某指标', 1, '个'),
    ]);
    expect(carried.text).toBe('2017年完成改造,2011-2015年累计投入,2016-2020年规划。');
  });

  it('marks a sentence bound to last year, years as written, its figures still carried', () => {
    const ledger = [row(2016, '拆除违法建筑处数', 154, '处'), row(2017, '拆除违法建筑处数', 127, '处')];
    const carried = carry('2016年是开局之年,全年拆除违法建筑154处。2016年完成改造。', ledger);
    expect(carried.text).toBe(
      '\u3016上年表述\uFF1A2016年是开局之年,全年拆除违法建筑127处\u3017。2017年完成改造。',
    );
    expect(carried.figures).toEqual([expect.objectContaining({ text: '127处', status: 'updated' })]);
    for (const f of carried.figures) expect(carried.text.slice(f.start, f.end)).toBe(f.text);
    expect(checkText(carried.text, ledger, { year: 2017 }).summary).toMatchObject({ contradicted: 0 });
  });

  it('carries a draft again: its marks and the figures inside them stay as written', () => {
    const text =
      '\u3016上年表述\uFF1A2016年是开局之年\u3017。完成改造【待核实:上年为538户】,拆除违法建筑154处。';
    const carried = carryParagraph(
      text,
      indexLedger([row(2017, '拆除违法建筑处数', 154, '处'), row(2018, '拆除违法建筑处数', 120, '处')]),
      { from: 2017, to: 2018 },
    );
    expect(carried.text).toBe(
      '\u3016上年表述\uFF1A2016年是开局之年\u3017。完成改造【待核实:上年为538户】,拆除违法建筑120处。',
    );
    expect(carried.figures.map((f) => f.text)).toEqual(['120处']);
  });

  it('keeps last year’s figure and this year’s value on every figure it placed', () => {
    const carried = carry('社区互助养老服务全年服务3400余次。', [
      row(2016, '社区互助养老服务次数', 3400, '次'),
      row(2017, '社区互助养老服务次数', 3650, '次'),
    ]);
    expect(carried.figures).toEqual([
      {
        start: 12,
        end: 18,
        text: '3600余次',
        metric: '社区互助养老服务次数',
        status: 'updated',
        previous: '3400余次',
        value: 3650,
        unit: '次',
        audit: {
          rows: [
            { file: 'test.csv', row: 1, metric: '社区互助养老服务次数', year: 2017, value: 3650, unit: '次' },
            { file: 'test.csv', row: 1, metric: '社区互助养老服务次数', year: 2016, value: 3400, unit: '次' },
          ],
          subject: '社区互助养老服务全年服务',
          matchWords: ['社区', '互助', '养老', '服务'],
        },
      },
    ]);
    expect(carried.used).toEqual(['社区互助养老服务次数']);
  });

  it('turns a replacement the checker contradicts into a pending marker', () => {
    // The metric was split this year: last year's series says 5, the checker reads the text as the new
    // 新建小区健身步道条数 (4). Rather than a contradiction, the figure goes back to the writer.
    const ledger = [
      row(2016, '新建健身步道数', 3, '条'),
      row(2017, '新建健身步道数', 5, '条'),
      row(2017, '新建小区健身步道条数', 4, '条'),
    ];
    const text = '新建小区健身步道3条。';
    const raw = carryParagraph(text, indexLedger(ledger), years);
    expect(checkText(raw.text, ledger, { year: 2017 }).summary.contradicted).toBe(1);
    const checked = carryChecked(text, ledger, indexLedger(ledger), years);
    expect(checked.text).toBe('新建小区健身步道【待核实:上年为3条】。');
    expect(checkText(checked.text, ledger, { year: 2017 }).summary.contradicted).toBe(0);
  });
});
