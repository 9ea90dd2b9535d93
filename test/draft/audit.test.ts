import { describe, expect, it } from 'vitest';
import { auditEntry, rowAudit } from '../../server/draft/audit.ts';
import { carryParagraph } from '../../server/draft/carry-forward.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { indexLedger } from '../../server/figures/index.ts';
import { row } from './corpus.ts';

const carry = (text: string, ledger: LedgerRecord[]) =>
  carryParagraph(text, indexLedger(ledger), { from: 2016, to: 2017 }).figures;

/** The rows of an audit as year/metric pairs. */
const rowsOf = (figures: ReturnType<typeof carry>, i: number) =>
  (figures[i].audit?.rows ?? []).map((r) => `${r.year} ${r.metric}`);

describe('the audit of a carried figure', () => {
  it('a rate recomputed from its parts names this year’s rows of both parts', () => {
    const figures = carry('网格中心受理案件200件,办结190件,办结率95%。', [
      row(2016, '网格中心受理案件数', 200, '件'),
      row(2016, '网格中心办结案件数', 190, '件'),
      row(2017, '网格中心受理案件数', 250, '件'),
      row(2017, '网格中心办结案件数', 240, '件'),
    ]);
    expect(figures[2]).toMatchObject({ status: 'recomputed', text: '96%', previous: '95%' });
    expect(rowsOf(figures, 2).sort()).toEqual(['2017 网格中心办结案件数', '2017 网格中心受理案件数']);
  });

  it('百分点 recomputed from a rate’s two years names both years’ rows', () => {
    const figures = carry('就业率比上年提高2个百分点。', [
      row(2016, '就业率', 95, '%'),
      row(2017, '就业率', 96.5, '%'),
    ]);
    expect(rowsOf(figures, 0)).toEqual(['2017 就业率', '2016 就业率']);
    // The words the figures engine's lookup found the metric by (率 is a kind word, not content).
    expect(figures[0].audit?.matchWords).toEqual(['就业']);
  });

  it('a figure nothing matched: pending, no row, no match words, its subject kept', () => {
    const figures = carry('完成老旧电梯加装12台。', [row(2017, '拆除违法建筑处数', 127, '处')]);
    expect(figures[0]).toMatchObject({ status: 'pending', metric: null });
    expect(figures[0].audit).toEqual({ rows: [], subject: '完成老旧电梯加装', matchWords: [] });
  });
});

describe('why a figure was left pending', () => {
  it('one value never fills two figures: both pending, and the audit says why', () => {
    const figures = carry('新增绿地2.3公顷,其中新增公园绿地2.3公顷。', [
      row(2016, '新增公园绿地面积', 23000, '平方米'),
      row(2017, '新增公园绿地面积', 31000, '平方米'),
    ]);
    expect(figures.map((f) => [f.status, f.audit?.reason])).toEqual([
      ['pending', '台账同一行的数值不能同时填入本段两个数字'],
      ['pending', '台账同一行的数值不能同时填入本段两个数字'],
    ]);
  });

  it('a row whose words the text does not state: pending, with the lookup’s reason naming it', () => {
    const figures = carry('帮助就业困难人员就业85人,完成年度目标的106.3%。', [
      row(2016, '帮助就业困难人员就业人数', 85, '人'),
      row(2017, '帮助就业困难人员就业人数', 90, '人'),
      row(2016, '区级税收年度目标完成率', 98.2, '%'),
      row(2017, '区级税收年度目标完成率', 101.5, '%'),
    ]);
    expect(figures[1].status).toBe('pending');
    expect(figures[1].audit?.reason).toContain('区级税收年度目标完成率');
  });
});

describe('audit entries', () => {
  it('list a figure placed from a ledger row with no old text', () => {
    const record = { ...row(2017, '新增社区食堂数', 2, '个'), source: { file: 'l.csv', row: 49 } };
    const entry = auditEntry('new-5-1', {
      start: 0,
      end: 2,
      text: '2个',
      metric: record.metric,
      status: 'new',
      value: 2,
      unit: '个',
      audit: rowAudit(record),
    });
    expect(entry).toEqual({
      paragraphId: 'new-5-1',
      status: 'new',
      old: null,
      new: '2个',
      metric: '新增社区食堂数',
      rows: [{ file: 'l.csv', row: 49, metric: '新增社区食堂数', year: 2017, value: 2, unit: '个' }],
      subject: '',
      matchWords: [],
      reason: '',
    });
  });
});
